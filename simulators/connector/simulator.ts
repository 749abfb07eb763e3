import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { CONVERSATION_LIMITS, SlidingWindows, tenantLimits } from './limits';

/** A fault to inject for one conversation. */
export type Fault =
  | { kind: 'status'; status: 500 | 502 | 503 | 504; times: number }
  | { kind: 'throttle'; retryAfterSeconds: number; times: number }
  | { kind: 'deliverThen500'; times: number }
  | { kind: 'notFound' }
  | { kind: 'blocked' }
  | { kind: 'hang'; ms: number; times: number };

/** One message the simulator accepted. */
export interface Delivery {
  readonly conversationId: string;
  readonly at: number;
  readonly activity: Record<string, unknown>;
}

export interface SimulatorOptions {
  readonly tenantPerSecond?: number;
  readonly now?: () => number;
}

/**
 * A local Bot Connector: accepts proactive sends on `/v3/conversations/:id/activities`, enforces
 * Teams' published rate limits per conversation and per tenant with 429 + Retry-After, and injects
 * faults per conversation. Used by tests and `npm run bench`.
 */
export async function startConnectorSimulator(options: SimulatorOptions = {}) {
  const now = options.now ?? Date.now;
  const perConversation = new SlidingWindows(CONVERSATION_LIMITS);
  const perTenant = new SlidingWindows(tenantLimits(options.tenantPerSecond));
  const deliveries: Delivery[] = [];
  const faults = new Map<string, Fault>();
  const stats = { requests: 0, throttled: 0, faults: 0, conversationsCreated: 0 };
  let nextId = 0;

  const json = (
    res: http.ServerResponse,
    status: number,
    body: unknown,
    headers: Record<string, string> = {},
  ) =>
    res
      .writeHead(status, { 'content-type': 'application/json', ...headers })
      .end(JSON.stringify(body));

  const server = http.createServer((req, res) => {
    let raw = '';
    req.on('data', (c: Buffer) => (raw += c.toString()));
    req.on('end', () => {
      if (req.method === 'POST' && (req.url ?? '').split('?')[0] === '/v3/conversations') {
        // Creating a 1:1 chat: Teams returns the same conversation for the same user and bot.
        const body = (() => {
          try {
            return JSON.parse(raw || '{}') as { members?: { id?: string }[] };
          } catch {
            return {};
          }
        })();
        const member = body.members?.[0]?.id;
        if (!member)
          return json(res, 400, { error: { code: 'BadArgument', message: 'members is required' } });
        stats.conversationsCreated += 1;
        return json(res, 201, { id: `a:1on1-${member}` });
      }
      const m = /^\/v3\/conversations\/([^/]+)\/activities(?:\/[^/]+)?$/.exec(
        (req.url ?? '').split('?')[0],
      );
      if (req.method !== 'POST' || !m)
        return json(res, 404, { error: { code: 'NotFound', message: 'Unknown route' } });
      stats.requests += 1;
      const conversationId = decodeURIComponent(m[1]);
      let activity: Record<string, unknown>;
      try {
        activity = JSON.parse(raw || '{}');
      } catch {
        return json(res, 400, { error: { code: 'BadSyntax', message: 'Malformed JSON' } });
      }
      const fault = faults.get(conversationId);
      if (fault?.kind === 'notFound')
        return json(res, 404, {
          error: { code: 'ConversationNotFound', message: 'Conversation not found.' },
        });
      if (fault?.kind === 'blocked')
        return json(res, 403, {
          error: { code: 'MessageWritesBlocked', message: 'Bot is not installed or was blocked.' },
        });
      if (fault && 'times' in fault && fault.times > 0) {
        faults.set(conversationId, { ...fault, times: fault.times - 1 } as Fault);
        stats.faults += 1;
        if (fault.kind === 'status')
          return json(res, fault.status, { error: { code: 'ServiceError', message: 'Injected' } });
        if (fault.kind === 'throttle') {
          stats.throttled += 1;
          return json(
            res,
            429,
            { error: { code: 'Throttled', message: 'Injected' } },
            { 'Retry-After': String(fault.retryAfterSeconds) },
          );
        }
        if (fault.kind === 'hang')
          return void setTimeout(
            () => json(res, 504, { error: { code: 'GatewayTimeout', message: 'Injected' } }),
            fault.ms,
          ).unref();
        if (fault.kind === 'deliverThen500') {
          deliveries.push({ conversationId, at: now(), activity });
          return json(res, 500, {
            error: { code: 'ServiceError', message: 'Injected after delivery' },
          });
        }
      }
      const t = now();
      const tenantId = ((activity.conversation as { tenantId?: string } | undefined)?.tenantId ??
        'tenant') as string;
      const wait = Math.max(
        perConversation.take(`c:${conversationId}`, t),
        perTenant.take(`t:${tenantId}`, t),
      );
      if (wait > 0) {
        stats.throttled += 1;
        return json(
          res,
          429,
          { error: { code: 'Throttled', message: 'Too many requests' } },
          { 'Retry-After': String(Math.ceil(wait / 1000)) },
        );
      }
      deliveries.push({ conversationId, at: t, activity });
      return json(res, 201, { id: `activity-${++nextId}` });
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url,
    deliveries,
    stats,
    inject: (conversationId: string, fault: Fault) => faults.set(conversationId, fault),
    /** How many deliveries each conversation received. */
    countsByConversation: () =>
      deliveries.reduce(
        (m, d) => m.set(d.conversationId, (m.get(d.conversationId) ?? 0) + 1),
        new Map<string, number>(),
      ),
    stop: () =>
      new Promise<void>((r) => {
        server.closeAllConnections();
        server.close(() => r());
      }),
  };
}

export type ConnectorSimulator = Awaited<ReturnType<typeof startConnectorSimulator>>;
