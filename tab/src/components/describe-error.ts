import type { ApiRequestError } from '../api/errors';
import type { Locale } from '../i18n/locale';

/** A message that tells the viewer what happened and what to do, for any API error. */
export function describeError(error: ApiRequestError, locale: Locale): string {
  const m = locale.messages.errors;
  switch (error.code) {
    case 'CLIENT.NETWORK':
      return m.network;
    case 'CLIENT.SIGN_IN':
      return m.signIn;
    case 'AUTH.UNAUTHENTICATED':
      return m.unauthenticated;
    case 'AUTH.FORBIDDEN':
      return m.forbidden;
    case 'HTTP.NOT_FOUND':
      return m.notFound;
    case 'VALIDATION.FAILED':
      return error.message;
    default:
      return m.unexpected;
  }
}
