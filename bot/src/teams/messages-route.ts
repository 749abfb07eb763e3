import type { Request, RequestHandler } from 'express';
import type { ActivityHandler, CloudAdapter } from 'botbuilder';
import { sendError } from '../http/errors';
import { isLoopback } from '../http/loopback';
import type { Logger } from '../observability/logger';

/** A response the adapter writes into, so we decide what actually goes on the wire. */
function bufferedResponse(req: Request) {
  const out = { status: 200, body: undefined as unknown, headers: {} as Record<string, unknown> };
  const res = {
    socket: req.socket,
    status: (code: number) => {
      out.status = code;
      return res;
    },
    header: (name: string, value: unknown) => {
      out.headers[name] = value;
      return res;
    },
    send: (body: unknown) => {
      out.body = body;
      return res;
    },
    end: () => res,
  };
  return { res, out };
}

/**
 * `POST /api/messages`. Local mode (no bot id) accepts anonymous requests from loopback only.
 * With a bot id, a missing, forged, expired or misaddressed token is a 401 with a JSON body —
 * never a 500 and never the SDK's error text — and the bot logic does not run.
 */
export function messagesRoute(options: {
  readonly adapter: CloudAdapter;
  readonly bot: ActivityHandler;
  readonly localBotAuth: boolean;
  readonly logger: Logger;
}): RequestHandler {
  return async (req, res) => {
    const header = req.get('authorization');
    if (options.localBotAuth ? !isLoopback(req) : !header?.startsWith('Bearer ')) {
      sendError(res, 401, 'AUTH.UNAUTHENTICATED', 'A valid Bot Framework token is required.');
      return;
    }
    let logicRan = false;
    const { res: buffered, out } = bufferedResponse(req);
    try {
      await options.adapter.process(req, buffered, async (context) => {
        logicRan = true;
        await options.bot.run(context);
      });
    } catch (error) {
      out.status = logicRan ? 500 : 400;
      options.logger.warn('bot request rejected', { error: (error as Error).name, logicRan });
    }
    if (!logicRan && out.status >= 400) {
      // Authentication failures surface from the SDK as 401 or 500: both mean "not for us".
      if (out.status === 400)
        sendError(res, 400, 'BOT.BAD_ACTIVITY', 'The request is not a valid activity.');
      else sendError(res, 401, 'AUTH.UNAUTHENTICATED', 'A valid Bot Framework token is required.');
      return;
    }
    if (out.status >= 500) {
      sendError(res, 500, 'INTERNAL', 'Something went wrong on our side. Please try again.');
      return;
    }
    res.status(out.status);
    if (out.body === undefined) res.end();
    else res.json(out.body);
  };
}
