import http from 'node:http';
import type { AddressInfo } from 'node:net';

/** An activity the bot sent through the connector. */
export interface SentActivity {
  readonly conversationId: string;
  readonly activity: Record<string, unknown>;
}

/** A roster entry as the Bot Connector's `pagedmembers` returns it (TeamsChannelAccount). */
export interface RosterAccount {
  readonly id: string;
  readonly aadObjectId: string;
  readonly name: string;
  /** What Teams reports: 'user' | 'guest' | 'anonymous' — never whether someone owns the team. */
  readonly userRole?: string;
}

/**
 * A minimal Bot Connector endpoint on loopback that records what the bot sends (replies and
 * proactive messages) and answers roster reads (`GET …/pagedmembers`) from `rosters`, keyed by
 * team (or conversation) id. The rate-limited simulator of the documented service is simulator.ts.
 */
export async function startFakeConnector(
  rosters: Record<string, readonly RosterAccount[]> = {},
): Promise<{
  url: string;
  sent: SentActivity[];
  stop(): Promise<void>;
}> {
  const sent: SentActivity[] = [];
  let n = 0;
  const server = http.createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString()));
    req.on('end', () => {
      const paged = /^\/v3\/conversations\/([^/]+)\/pagedmembers/.exec(req.url ?? '');
      const roster = paged && rosters[decodeURIComponent(paged[1])];
      if (req.method === 'GET' && roster) {
        res
          .writeHead(200, { 'content-type': 'application/json' })
          .end(JSON.stringify({ members: roster }));
        return;
      }
      const m = /^\/v3\/conversations\/([^/]+)\/activities/.exec(req.url ?? '');
      if (req.method === 'POST' && m) {
        sent.push({ conversationId: decodeURIComponent(m[1]), activity: JSON.parse(body || '{}') });
        res
          .writeHead(201, { 'content-type': 'application/json' })
          .end(JSON.stringify({ id: `sent-${++n}` }));
        return;
      }
      res
        .writeHead(404, { 'content-type': 'application/json' })
        .end('{"error":{"code":"NotFound"}}');
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return { url, sent, stop: () => new Promise((r) => server.close(() => r())) };
}
