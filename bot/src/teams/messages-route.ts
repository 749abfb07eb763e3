import type { Request, RequestHandler } from 'express';
import type { ActivityHandler, CloudAdapter } from 'botbuilder';
import { sendError } from '../http/errors';
import { isLoopback } from '../http/loopback';
import type { Logger } from '../observability/logger';
import { checkActivityEnvelope } from './activity-envelope';
import { TURN_ANSWER_MS } from './turn-sends';

/** An invoke response: the HTTP status and body Teams reads. */
export interface InvokeAnswer {
  readonly status: number;
  readonly body?: unknown;
}

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
 * never a 500 and never the SDK's error text — and the bot logic does not run. A body that is not
 * an activity is a 400 JSON before botbuilder sees it; an invoke Bearing does not implement gets
 * the Bot Framework's "not implemented" invoke response (501, empty body). The answer leaves within
 * TURN_ANSWER_MS whatever the turn is waiting for: a message gets 202 (the turn goes on and its
 * replies are still sent), an invoke the bot's `lateInvoke` answer.
 */
export function messagesRoute(options: {
  readonly adapter: CloudAdapter & {
    authenticate?(activity: unknown, header: string): Promise<void>;
  };
  readonly bot: ActivityHandler & { lateInvoke?(activity: Record<string, unknown>): InvokeAnswer };
  readonly localBotAuth: boolean;
  readonly logger: Logger;
  readonly answerWithinMs?: number;
}): RequestHandler {
  return async (req, res) => {
    const header = req.get('authorization');
    if (options.localBotAuth ? !isLoopback(req) : !header?.startsWith('Bearer ')) {
      sendError(res, 401, 'AUTH.UNAUTHENTICATED', 'A valid Bot Framework token is required.');
      return;
    }
    if (!options.localBotAuth && options.adapter.authenticate) {
      // Who is calling comes first: without a valid token nobody learns what a valid body is.
      try {
        await options.adapter.authenticate(req.body, header as string);
      } catch (error) {
        options.logger.warn('bot request rejected', {
          error: (error as Error).name,
          logicRan: false,
        });
        sendError(res, 401, 'AUTH.UNAUTHENTICATED', 'A valid Bot Framework token is required.');
        return;
      }
    }
    const rejected = checkActivityEnvelope(req.body);
    if (rejected) {
      // The reason names fields and expected types only, never the values sent.
      options.logger.warn('bot activity rejected', { reason: rejected.reason });
      res.status(rejected.status).json(rejected.body);
      return;
    }
    let logicRan = false;
    const { res: buffered, out } = bufferedResponse(req);
    const turn = options.adapter
      .process(req, buffered, async (context) => {
        logicRan = true;
        await options.bot.run(context);
      })
      .then(
        () => true,
        (error: unknown) => {
          out.status = logicRan ? 500 : 400;
          options.logger.warn('bot request rejected', { error: (error as Error).name, logicRan });
          return true;
        },
      );
    let timer: NodeJS.Timeout | undefined;
    const inTime = await Promise.race([
      turn,
      new Promise<false>((resolve) => {
        timer = setTimeout(() => resolve(false), options.answerWithinMs ?? TURN_ANSWER_MS);
      }),
    ]);
    clearTimeout(timer);
    if (!inTime) {
      const activity = req.body as Record<string, unknown>;
      options.logger.warn('bot turn answered before it finished', {
        activityType: String(activity.type),
      });
      void turn.then(() => options.logger.info('late bot turn finished', { status: out.status }));
      const late =
        activity.type === 'invoke'
          ? (options.bot.lateInvoke?.(activity) ?? { status: 200 })
          : { status: 202 };
      res.status(late.status);
      if (late.body === undefined) res.end();
      else res.json(late.body);
      return;
    }
    if (!logicRan && out.status >= 400) {
      // Authentication failures surface from the SDK as 401 or 500: both mean "not for us".
      if (out.status === 400)
        sendError(res, 400, 'BOT.BAD_ACTIVITY', 'The request is not a valid activity.');
      else sendError(res, 401, 'AUTH.UNAUTHENTICATED', 'A valid Bot Framework token is required.');
      return;
    }
    if (out.status >= 500 && !(logicRan && out.status === 501)) {
      sendError(res, 500, 'INTERNAL', 'Something went wrong on our side. Please try again.');
      return;
    }
    res.status(out.status);
    if (out.body === undefined) res.end();
    else res.json(out.body);
  };
}
