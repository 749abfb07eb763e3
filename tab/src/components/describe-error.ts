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
      // The server's catch-all for routes it does not have (an older server than this tab).
      return error.message.startsWith('No such endpoint')
        ? locale.messages.notAvailable
        : m.notFound;
    case 'STORE.CONFLICT':
      return locale.messages.manage.conflict;
    case 'TEAM.LAST_OWNER':
      return locale.messages.manage.people.lastOwner;
    case 'VALIDATION.FAILED':
      return error.message;
    default:
      return m.unexpected;
  }
}
