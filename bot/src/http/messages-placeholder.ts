import type { RequestHandler } from 'express';
import { sendError } from './errors';
import { isLoopback } from './loopback';

/**
 * `POST /api/messages` until the bot is wired in: enforces the local-mode rule (anonymous only from
 * loopback and only without a bot id) and answers with proper status codes, never a crash.
 */
export function messagesPlaceholder(localBotAuth: boolean): RequestHandler {
  return (req, res) => {
    if (!localBotAuth || !isLoopback(req)) {
      sendError(res, 401, 'AUTH.UNAUTHENTICATED', 'A valid Bot Framework token is required.');
      return;
    }
    sendError(res, 501, 'BOT.NOT_READY', 'The bot is not available in this build.');
  };
}
