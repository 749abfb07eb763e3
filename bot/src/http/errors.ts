import type { ErrorRequestHandler, RequestHandler, Response } from 'express';
import { API_ERROR_CODES, type DomainError } from '@bearing/core';
import { StoreConflictError } from '../features/common';
import type { Logger } from '../observability/logger';

/** The JSON error body every `/api` endpoint answers with. */
export interface ApiErrorBody {
  readonly error: { readonly code: string; readonly message: string; readonly field?: string };
}

/** Sends a JSON error with a stable code. */
export function sendError(
  res: Response,
  status: number,
  code: string,
  message: string,
  field?: string,
): void {
  const body: ApiErrorBody = { error: field ? { code, message, field } : { code, message } };
  res.status(status).json(body);
}

/** HTTP status of each domain error code (others are 400): the one table every `/api` route uses. */
const DOMAIN_STATUS: Record<string, number> = {
  [API_ERROR_CODES.validation]: 400,
  [API_ERROR_CODES.forbidden]: 403,
  [API_ERROR_CODES.notFound]: 404,
  [API_ERROR_CODES.conflict]: 409,
  [API_ERROR_CODES.lastOwner]: 409,
  'CHECKIN.BUSY': 409,
  'CHECKIN.OUT_OF_DATE': 409,
};

/** Sends a use case's domain error with its status, code, message and field. */
export function sendDomainError(res: Response, error: DomainError): void {
  sendError(res, DOMAIN_STATUS[error.code] ?? 400, error.code, error.message, error.field);
}

/** 404 for any `/api` path no route matched. */
export const notFound: RequestHandler = (req, res) => {
  sendError(res, 404, 'HTTP.NOT_FOUND', `No such endpoint: ${req.method} ${req.path}`);
};

// body-parser marks its own failures with a type; map them to clear client errors.
const BODY_ERRORS: Record<string, [number, string, string]> = {
  'entity.parse.failed': [400, 'HTTP.MALFORMED_JSON', 'The request body is not valid JSON.'],
  'entity.too.large': [413, 'HTTP.BODY_TOO_LARGE', 'The request body is too large.'],
  'encoding.unsupported': [
    415,
    'HTTP.UNSUPPORTED_ENCODING',
    'The request body encoding is not supported.',
  ],
  'charset.unsupported': [
    415,
    'HTTP.UNSUPPORTED_CHARSET',
    'The request body charset is not supported.',
  ],
};

/**
 * The one error middleware (last in app.ts, so for `/api/v1`, `/api/v1/admin` and ingestion
 * alike). A route that throws answers through it with the one JSON error shape:
 * - a write that lost a race ({@link StoreConflictError}) is the domain conflict, through the
 *   status table above;
 * - body-parser failures keep their client status (400 malformed, 413 too large, 415 encoding);
 * - the store throttled or down is a retryable 503;
 * - anything else is logged (class and route only) and answers 500.
 */
export function errorHandler(logger: Logger): ErrorRequestHandler {
  return (error: unknown, req, res, next) => {
    if (res.headersSent) return next(error);
    if (error instanceof StoreConflictError) {
      return sendDomainError(res, {
        code: API_ERROR_CODES.conflict,
        message: 'Someone else changed this meanwhile. Reload and try again.',
      });
    }
    const e = (typeof error === 'object' && error !== null ? error : {}) as {
      type?: string;
      status?: number;
      name?: string;
      code?: unknown;
      statusCode?: unknown;
    };
    const known = e.type ? BODY_ERRORS[e.type] : undefined;
    if (known) return sendError(res, known[0], known[1], known[2]);
    if (typeof e.status === 'number' && e.status >= 400 && e.status < 500) {
      return sendError(res, e.status, 'HTTP.BAD_REQUEST', 'The request could not be processed.');
    }
    // Log the error class and route only: messages can carry user input.
    logger.error('unhandled request error', {
      method: req.method,
      path: req.path,
      error: e.name ?? 'unknown',
      // Store/SDK errors: status and code only (both are fixed vocabularies, never user text).
      ...(typeof e.statusCode === 'number' ? { statusCode: e.statusCode } : {}),
      ...(typeof e.code === 'string' || typeof e.code === 'number' ? { code: e.code } : {}),
    });
    // The store throttled past the SDK's retries or is down: a retryable 503, not a bug (500).
    if (e.statusCode === 429 || e.statusCode === 503 || e.code === 429 || e.code === 503) {
      res.setHeader('Retry-After', '5');
      return sendError(
        res,
        503,
        'SERVICE.UNAVAILABLE',
        'Bearing is busy or its storage is unavailable. Please try again in a few seconds.',
      );
    }
    return sendError(res, 500, 'INTERNAL', 'Something went wrong on our side. Please try again.');
  };
}
