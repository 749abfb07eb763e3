import type { z } from 'zod';

/** Stable error codes of the tab API (bodies are `{ error: { code, message, field?, details? } }`). */
export const API_ERROR_CODES = {
  validation: 'VALIDATION.FAILED',
  unauthenticated: 'AUTH.UNAUTHENTICATED',
  forbidden: 'AUTH.FORBIDDEN',
  notFound: 'HTTP.NOT_FOUND',
  conflict: 'STORE.CONFLICT',
  /** The change would leave a team without an owner (HTTP 409). */
  lastOwner: 'TEAM.LAST_OWNER',
  malformedJson: 'HTTP.MALFORMED_JSON',
  bodyTooLarge: 'HTTP.BODY_TOO_LARGE',
  tooManyRequests: 'HTTP.TOO_MANY_REQUESTS',
  internal: 'INTERNAL',
} as const;

/** The error body of every failed `/api/v1` call. */
export interface ApiError {
  readonly code: string;
  readonly message: string;
  readonly field?: string;
  readonly details?: readonly { readonly path: string; readonly message: string }[];
}

/** Turns a zod error into the API error body, naming the first bad field. */
export function formatZodError(error: z.ZodError): ApiError {
  const details = error.issues.slice(0, 20).map((i) => ({
    path: i.path.map(String).join('.'),
    message: i.message,
  }));
  const first = details[0];
  return {
    code: API_ERROR_CODES.validation,
    message: first
      ? first.path
        ? `${first.path}: ${first.message}`
        : first.message
      : 'Invalid input.',
    ...(first?.path ? { field: first.path } : {}),
    details,
  };
}
