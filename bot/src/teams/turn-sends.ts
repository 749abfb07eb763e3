import { createHash } from 'node:crypto';
import { TurnContext, type Activity, type Middleware, type ResourceResponse } from 'botbuilder';
import { ConnectorClient } from 'botframework-connector';
import { isoWeek } from '@bearing/core';
import type { DeliveryJob, DeliveryJobStore, SendOutcome } from '../features/delivery';
import { buildMessageCard } from '../features/common';
import type { Logger } from '../observability/logger';
import { classifyResponse } from './proactive-sender';

/**
 * Time budget of one turn. Teams abandons an activity whose HTTP answer takes more than 15 s, so
 * the answer goes out at most TURN_ANSWER_MS after the turn starts (room for the network and
 * Teams' own hops), and each call to the Bot Connector inside the turn (a reply, a roster read)
 * is cut at CONNECTOR_CALL_MS, once: a turn sends one or two replies, so both fit.
 */
export const TURN_ANSWER_MS = 10_000;
export const CONNECTOR_CALL_MS = 4_000;

/** Partition of a tenant's replies waiting to be sent again (replies belong to no team). */
export const REPLY_SCOPE = '_replies';

/** A deadline for every request of a connector client, as a botbuilder request policy. */
interface WebRequest {
  abortSignal?: AbortSignal;
  timeout: number;
  headers: { contains(name: string): boolean; set(name: string, value: string): void };
}
interface RequestPolicy {
  sendRequest(request: WebRequest): Promise<unknown>;
}
const policy = (send: (request: WebRequest, next: RequestPolicy) => Promise<unknown>) => ({
  create: (next: RequestPolicy): RequestPolicy => ({ sendRequest: (r) => send(r, next) }),
});

/**
 * The turn's connector client, rebuilt with the same credentials and a per-call deadline. The SDK's
 * client also retries 429/5xx inside a call, sleeping seconds while Teams waits; the delivery
 * engine owns retries, so the retry phase of the pipeline is removed (botbuilder offers no option
 * for it; if its pipeline ever changes shape, the deadline alone still bounds the call).
 */
export function boundedConnectorClient(
  sdkClient: ConnectorClient,
  serviceUrl: string,
  callMs: number,
): ConnectorClient {
  const client = new ConnectorClient(sdkClient.credentials, {
    baseUri: serviceUrl,
    userAgent: 'Microsoft-BotFramework/3.1 bearing',
    requestPolicyFactories: [
      policy((request, next) => {
        // As botbuilder's own factory does: the connector rejects requests without Accept.
        if (!request.headers.contains('accept')) request.headers.set('accept', '*/*');
        const deadline = AbortSignal.timeout(callMs);
        request.abortSignal = request.abortSignal
          ? AbortSignal.any([request.abortSignal, deadline])
          : deadline;
        request.timeout = callMs;
        return next.sendRequest(request);
      }),
    ] as never,
  });
  const pipeline = (
    client as unknown as {
      client?: { pipeline?: { removePolicy?(o: { phase: string }): unknown } };
    }
  ).client?.pipeline;
  pipeline?.removePolicy?.({ phase: 'Retry' });
  return client;
}

/** What the connector's failure means for the reply, in the delivery engine's terms. */
export function outcomeOfSendError(error: unknown): SendOutcome {
  const e = error as {
    name?: string;
    statusCode?: number;
    response?: { headers?: { get(name: string): string | undefined }; bodyAsText?: string };
  };
  if (typeof e.statusCode === 'number' && e.statusCode > 0) {
    return classifyResponse(
      e.statusCode,
      e.response?.headers?.get('retry-after') ?? null,
      e.response?.bodyAsText ?? '',
    );
  }
  return { kind: 'retry', reason: e.name === 'AbortError' ? 'timeout' : 'network error' };
}

/** The card a reply carried (or its text as a card), for the delivery engine to send again. */
function cardOf(activity: Partial<Activity>): Record<string, unknown> | undefined {
  const card = activity.attachments?.find(
    (a) => a.contentType === 'application/vnd.microsoft.card.adaptive',
  )?.content as Record<string, unknown> | undefined;
  if (card) return card;
  return activity.text
    ? (buildMessageCard(activity.text) as unknown as Record<string, unknown>)
    : undefined;
}

const NOT_SENT_OVER_HTTP = new Set(['invokeResponse', 'trace', 'delay']);

/**
 * Keeps a turn inside its budget: connector calls get a deadline, and a reply the connector did
 * not take is stored as a delivery job (`kind: 'reply'`) instead of failing the turn. The delivery
 * worker sends it again with its backoff and attempt limit, exactly like a proactive card; a reply
 * the connector refused for good (404, 403) is recorded as failed. The job id comes from the
 * incoming activity, so Teams redelivering the same activity does not queue the reply twice.
 */
export class BoundedTurnSends implements Middleware {
  constructor(
    private readonly connectorClientKey: symbol,
    private readonly deps: {
      readonly deliveries?: DeliveryJobStore;
      readonly now: () => Date;
      readonly logger: Logger;
      readonly callMs?: number;
    },
  ) {}

  async onTurn(context: TurnContext, next: () => Promise<void>): Promise<void> {
    const sdkClient = context.turnState.get(this.connectorClientKey) as ConnectorClient | undefined;
    const serviceUrl = context.activity.serviceUrl;
    if (sdkClient && serviceUrl) {
      // Built when the turn first calls the connector: most card actions answer in the invoke
      // response and never do, and a client's request pipeline is not free to build.
      let bounded: ConnectorClient | undefined;
      const client = () =>
        (bounded ??= boundedConnectorClient(
          sdkClient,
          serviceUrl,
          this.deps.callMs ?? CONNECTOR_CALL_MS,
        ));
      context.turnState.set(
        this.connectorClientKey,
        new Proxy(sdkClient, {
          get: (_target, property) => {
            const value = Reflect.get(client(), property) as unknown;
            return typeof value === 'function' ? value.bind(client()) : value;
          },
        }),
      );
    }
    // Position of each activity among the turn's sends: part of a kept reply's id.
    let position = 0;
    context.onSendActivities(async (ctx, activities, nextSend) => {
      const first = position;
      position += activities.length;
      try {
        return await nextSend();
      } catch (error) {
        const outgoing = activities.filter((a) => !NOT_SENT_OVER_HTTP.has(a.type ?? ''));
        if (outgoing.length === 0 || ctx.activity.deliveryMode === 'expectReplies') throw error;
        await this.keepForLater(ctx, outgoing, first, outcomeOfSendError(error));
        return activities.map((): ResourceResponse => ({ id: '' }));
      }
    });
    await next();
  }

  private async keepForLater(
    context: TurnContext,
    activities: Partial<Activity>[],
    first: number,
    outcome: SendOutcome,
  ): Promise<void> {
    const incoming = context.activity;
    const reason = outcome.kind === 'sent' ? 'unknown' : outcome.reason;
    const tenantId =
      incoming.conversation?.tenantId ??
      (incoming.channelData as { tenant?: { id?: string } } | undefined)?.tenant?.id;
    const { deliveries, logger } = this.deps;
    if (!deliveries || !tenantId) {
      logger.warn('reply not sent', { reason });
      return;
    }
    const now = this.deps.now();
    const reference = TurnContext.getConversationReference(incoming) as Record<string, unknown>;
    const retry = outcome.kind === 'retry';
    for (const [i, activity] of activities.entries()) {
      const card = cardOf(activity);
      if (!card) continue;
      const id = createHash('sha256')
        .update(`${incoming.conversation.id}\n${incoming.id ?? ''}\n${first + i}`)
        .digest('hex')
        .slice(0, 40);
      const job: DeliveryJob = {
        tenantId,
        teamId: REPLY_SCOPE,
        id: `reply:${id}`,
        kind: 'reply',
        ...(incoming.from?.aadObjectId ? { userId: incoming.from.aadObjectId } : {}),
        cycleId: '',
        week: isoWeek(now.toISOString(), 'UTC'),
        dueAt: now.toISOString(),
        status: retry ? 'pending' : 'failed',
        attempts: 1,
        notBefore: new Date(now.getTime() + (retry ? (outcome.afterMs ?? 1000) : 0)).toISOString(),
        lastError: reason,
        reply: { reference, card },
      };
      try {
        await deliveries.createJob(job);
        logger.warn('reply kept for the delivery engine', { reason, status: job.status });
      } catch (error) {
        logger.error('reply lost', { reason, error: (error as Error).name });
      }
    }
  }
}
