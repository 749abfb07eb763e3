/** A domain error with a stable, machine-readable code (e.g. `CHECKIN.WINDOW_CLOSED`). */
export interface DomainError {
  readonly code: string;
  readonly message: string;
  /** The input field the error is about, when there is one (used to place messages in cards and forms). */
  readonly field?: string;
}

/** Expected outcomes are values, not exceptions. */
export type Result<T, E extends DomainError = DomainError> =
  { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: E };

export const ok = <T>(value: T): Result<T, never> => ({ ok: true, value });
export const err = <E extends DomainError>(error: E): Result<never, E> => ({ ok: false, error });
