import type { Request, Response } from 'express';
import type { z } from 'zod';
import { formatZodError, type Result } from '@bearing/core';
import { sendDomainError, sendError } from './errors';
import { CALLER, type CallerIdentity } from './identity';

/** Parses with a core schema; on failure answers 400 with the field to fix and returns undefined. */
export function validate<T>(res: Response, schema: z.ZodType<T>, value: unknown): T | undefined {
  const result = schema.safeParse(value ?? {});
  if (result.success) return result.data;
  const e = formatZodError(result.error);
  sendError(res, 400, e.code, e.message, e.field);
  return undefined;
}

/** The authenticated caller: the only source of the tenant id. */
export const callerOf = (res: Response) => res.locals[CALLER] as CallerIdentity;

/**
 * Sends a use case's result as JSON, or its domain error. (`Cache-Control: no-store` is set for all
 * of `/api` by one middleware in app.ts, so every answer, errors included, carries it.)
 */
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

/** An export: JSON as is, or CSV as a download named `fileName`. */
export type Download =
  | { readonly format: 'json'; readonly body: unknown }
  | { readonly format: 'csv'; readonly body: string; readonly fileName: string };

/** Sends an export (JSON, or CSV as an attachment), or its domain error. */
export function sendDownload(res: Response, result: Result<Download>): void {
  if (!result.ok) return sendDomainError(res, result.error);
  if (result.value.format === 'json') return void res.json(result.value.body);
  res.setHeader('Content-Type', 'text/csv; charset=utf-8');
  res.setHeader('Content-Disposition', `attachment; filename="${result.value.fileName}"`);
  res.send(result.value.body);
}
