import type { API_ERROR_CODES } from '@bearing/core';

/** Error codes the tab can see: the server's stable codes plus the client's own. */
export type ApiErrorCode =
  | (typeof API_ERROR_CODES)[keyof typeof API_ERROR_CODES]
  | 'CLIENT.NETWORK'
  | 'CLIENT.SIGN_IN'
  | 'CLIENT.UNEXPECTED_RESPONSE';

/** A failed API call, with the server's code, HTTP status and the field to fix (if any). */
export class ApiRequestError extends Error {
  override readonly name = 'ApiRequestError';
  constructor(
    readonly code: ApiErrorCode | (string & {}),
    message: string,
    readonly status: number,
    readonly field?: string,
  ) {
    super(message);
  }
}

interface ErrorBody {
  readonly error?: {
    readonly code?: unknown;
    readonly message?: unknown;
    readonly field?: unknown;
  };
}

/** Turns a non-2xx response body into an `ApiRequestError` (tolerates bodies that are not JSON). */
export function errorFromBody(status: number, body: unknown): ApiRequestError {
  const error = (body as ErrorBody | undefined)?.error;
  const code = typeof error?.code === 'string' ? error.code : fallbackCode(status);
  const message = typeof error?.message === 'string' ? error.message : `HTTP ${status}`;
  const field = typeof error?.field === 'string' ? error.field : undefined;
  return new ApiRequestError(code, message, status, field);
}

function fallbackCode(status: number): string {
  switch (status) {
    case 400:
      return 'VALIDATION.FAILED';
    case 401:
      return 'AUTH.UNAUTHENTICATED';
    case 403:
      return 'AUTH.FORBIDDEN';
    case 404:
      return 'HTTP.NOT_FOUND';
    case 409:
      return 'STORE.CONFLICT';
    default:
      return status >= 500 ? 'INTERNAL' : 'CLIENT.UNEXPECTED_RESPONSE';
  }
}

/** Narrows an unknown thrown value to an `ApiRequestError`, wrapping anything else. */
export function asApiError(error: unknown): ApiRequestError {
  if (error instanceof ApiRequestError) return error;
  const message = error instanceof Error ? error.message : String(error);
  return new ApiRequestError('CLIENT.NETWORK', message, 0);
}
