import { CardFactory, MessageFactory } from 'botbuilder';
import type { ProactiveSender, SendOutcome } from '../app/delivery-ports';
import type { BotTokenProvider } from './bot-token';

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
    reference: Readonly<Record<string, unknown>>,
    card: Readonly<Record<string, unknown>>,
  ): Promise<SendOutcome> {
    const ref = reference as { serviceUrl?: string; conversation?: { id?: string } };
    const conversationId = ref.conversation?.id;
    if (!conversationId || !isAllowedServiceUrl(ref.serviceUrl, this.allowLoopback)) {
      return { kind: 'failed', reason: 'conversation reference is not a Teams conversation' };
    }
    const activity = MessageFactory.attachment(CardFactory.adaptiveCard(card));
    const url = `${(ref.serviceUrl as string).replace(/\/+$/, '')}/v3/conversations/${encodeURIComponent(conversationId)}/activities`;
    try {
      const token = await this.token();
      const res = await fetch(url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          ...(token ? { authorization: `Bearer ${token}` } : {}),
        },
        body: JSON.stringify({ ...activity, conversation: { id: conversationId } }),
        signal: AbortSignal.timeout(this.timeoutMs),
      });
      const body = res.ok ? '' : await res.text().catch(() => '');
      return classifyResponse(res.status, res.headers.get('retry-after'), body);
    } catch (error) {
      const name = (error as Error).name;
      return { kind: 'retry', reason: name === 'TimeoutError' ? 'timeout' : 'network error' };
    }
  }
}
