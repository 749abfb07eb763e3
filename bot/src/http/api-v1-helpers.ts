import type { Request, Response } from 'express';
import type { z } from 'zod';
import { API_ERROR_CODES, formatZodError, type DomainError, type Result } from '@bearing/core';
import { sendError } from './errors';
import { CALLER, type CallerIdentity } from './identity';

/** HTTP status of each domain error code the tab API returns (others are 400). */
const STATUS: Record<string, number> = {
  [API_ERROR_CODES.validation]: 400,
  [API_ERROR_CODES.forbidden]: 403,
  [API_ERROR_CODES.notFound]: 404,
  [API_ERROR_CODES.conflict]: 409,
  [API_ERROR_CODES.lastOwner]: 409,
  'CHECKIN.BUSY': 409,
  'CHECKIN.OUT_OF_DATE': 409,
};

export function sendDomainError(res: Response, error: DomainError): void {
  sendError(res, STATUS[error.code] ?? 400, error.code, error.message, error.field);
}

/** Parses with a core schema; on failure answers 400 with the field to fix and returns undefined. */
export function parse<T>(res: Response, schema: z.ZodType<T>, value: unknown): T | undefined {
  const result = schema.safeParse(value ?? {});
  if (result.success) return result.data;
  const e = formatZodError(result.error);
  sendError(res, 400, e.code, e.message, e.field);
  return undefined;
}

/** The authenticated caller: the only source of the tenant id. */
export const callerOf = (res: Response) => res.locals[CALLER] as CallerIdentity;

/** Sends a use case's result as JSON, or its domain error. */
export function send<T>(res: Response, result: Result<T>, status = 200): void {
  if (!result.ok) return sendDomainError(res, result.error);
  res.status(status).json(result.value);
}

/**
 * The request body with the `If-Match` header as its `etag` when the body has none, so clients may
 * send either. The value is compared as is: Cosmos ETags carry their quotes, as HTTP ones do.
 */
export function withIfMatch(req: Request): unknown {
  const body: unknown = req.body ?? {};
  const header = req.get('if-match');
  if (!header || typeof body !== 'object' || body === null || Array.isArray(body)) return body;
  if ('etag' in body) return body;
  return { ...body, etag: header };
}
