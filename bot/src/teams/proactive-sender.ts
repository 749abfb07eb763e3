import { CardFactory, MessageFactory } from 'botbuilder';
import type { DeliveryTarget, ProactiveSender, SendOutcome } from '../features/delivery';
import type { BotTokenProvider } from './bot-token';
import { withSpan } from '../observability/telemetry';

/** Bot Connector hosts Teams uses (public and government clouds); proactive sends go nowhere else. */
const TEAMS_SERVICE_HOSTS = new Set([
  'smba.trafficmanager.net',
  'smba.infra.gcc.teams.microsoft.com',
  'smba.infra.gov.teams.microsoft.us',
  'smba.infra.dod.teams.microsoft.us',
]);

/** True when a stored serviceUrl may receive our messages (https Teams hosts; loopback locally). */
export function isAllowedServiceUrl(
  serviceUrl: string | undefined,
  allowLoopback: boolean,
): boolean {
  if (!serviceUrl) return false;
  let url: URL;
  try {
    url = new URL(serviceUrl);
  } catch {
    return false;
  }
  if (url.username || url.password) return false;
  if (url.protocol === 'https:' && TEAMS_SERVICE_HOSTS.has(url.hostname)) return true;
  const loopback = ['localhost', '127.0.0.1', '[::1]'].includes(url.hostname);
  return allowLoopback && loopback && (url.protocol === 'http:' || url.protocol === 'https:');
}

/** Translates the Bot Connector's answer into what the worker should do next. */
export function classifyResponse(
  status: number,
  retryAfter: string | null,
  body: string,
): SendOutcome {
  if (status >= 200 && status < 300) return { kind: 'sent' };
  if (status === 429) {
    const seconds = retryAfter === null ? Number.NaN : Number(retryAfter);
    return {
      kind: 'retry',
      reason: 'throttled (429)',
      ...(Number.isFinite(seconds) ? { afterMs: Math.max(0, seconds) * 1000 } : {}),
    };
  }
  if (status === 404) return { kind: 'gone', reason: 'conversation not found (404)' };
  if (status === 403 && /MessageWritesBlocked/i.test(body))
    return { kind: 'gone', reason: 'blocked by the user (403)' };
  if (status >= 500 || status === 408)
    return { kind: 'retry', reason: `connector error (${status})` };
  return { kind: 'failed', reason: `rejected by the connector (${status})` };
}

/**
 * Posts proactive cards to the Bot Connector with one HTTP request per attempt. The SDK's client
 * retries 429/5xx inside a call (sleeping for Retry-After while holding a worker lane); the delivery
 * engine owns retries, so we send directly and report the outcome.
 */
export class TeamsProactiveSender implements ProactiveSender {
  constructor(
    private readonly token: BotTokenProvider,
    private readonly allowLoopback: boolean,
    private readonly timeoutMs = 15_000,
  ) {}

  async send(
    target: DeliveryTarget,
    card: Readonly<Record<string, unknown>>,
  ): Promise<SendOutcome> {
    const serviceUrl =
      target.kind === 'conversation'
        ? (target.reference as { serviceUrl?: string }).serviceUrl
        : target.serviceUrl;
    if (!isAllowedServiceUrl(serviceUrl, this.allowLoopback)) {
      return { kind: 'failed', reason: 'service URL is not a Teams host' };
    }
    const base = (serviceUrl as string).replace(/\/+$/, '');
    try {
      const token = await this.token();
      let reference = target.kind === 'conversation' ? target.reference : undefined;
      if (target.kind === 'newPersonalChat') {
        // Teams answers with the same 1:1 conversation for the same user and bot: idempotent.
        const created = await this.post(`${base}/v3/conversations`, token, {
          bot: { id: target.botId },
          members: [{ id: target.teamsUserId }],
          channelData: { tenant: { id: target.tenantId } },
          tenantId: target.tenantId,
          isGroup: false,
        });
        if (created.outcome.kind !== 'sent') return created.outcome;
        const id = (created.json as { id?: unknown }).id;
        if (typeof id !== 'string')
          return { kind: 'retry', reason: 'connector returned no conversation id' };
        reference = {
          serviceUrl,
          channelId: 'msteams',
          bot: { id: target.botId },
          user: { id: target.teamsUserId },
          conversation: { id, conversationType: 'personal', tenantId: target.tenantId },
        };
      }
      const conversationId = (reference as { conversation?: { id?: string } }).conversation?.id;
      if (!conversationId)
        return { kind: 'failed', reason: 'conversation reference has no conversation id' };
      const activity = MessageFactory.attachment(CardFactory.adaptiveCard(card));
      const sent = await this.post(
        `${base}/v3/conversations/${encodeURIComponent(conversationId)}/activities`,
        token,
        { ...activity, conversation: { id: conversationId } },
      );
      if (sent.outcome.kind === 'sent' && target.kind === 'newPersonalChat') {
        return { kind: 'sent', createdReference: reference as Record<string, unknown> };
      }
      return sent.outcome;
    } catch (error) {
      const name = (error as Error).name;
      return { kind: 'retry', reason: name === 'TimeoutError' ? 'timeout' : 'network error' };
    }
  }

  private async post(
    url: string,
    token: string | undefined,
    body: unknown,
  ): Promise<{ outcome: SendOutcome; json: unknown }> {
    // Traced without the URL: it carries conversation ids.
    const operation = url.endsWith('/activities') ? 'send activity' : 'create conversation';
    return withSpan(`teams ${operation}`, { 'bearing.operation': operation }, () =>
      this.postOnce(url, token, body),
    );
  }

  private async postOnce(
    url: string,
    token: string | undefined,
    body: unknown,
  ): Promise<{ outcome: SendOutcome; json: unknown }> {
    const res = await fetch(url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        ...(token ? { authorization: `Bearer ${token}` } : {}),
      },
      body: JSON.stringify(body),
      signal: AbortSignal.timeout(this.timeoutMs),
    });
    const text = await res.text().catch(() => '');
    let json: unknown;
    try {
      json = text ? JSON.parse(text) : {};
    } catch {
      json = {};
    }
    return { outcome: classifyResponse(res.status, res.headers.get('retry-after'), text), json };
  }
}
