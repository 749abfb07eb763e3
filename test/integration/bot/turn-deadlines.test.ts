import net from 'node:net';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { personalActivity } from '../../../simulators/teams/activities';
import { postJson } from '../../../simulators/http';
import { startInProcess } from '../../support/in-process-server';

// Teams gives up on an activity after 15 s. A reply the connector cannot take (it never answers,
// or answers 503) must not hold the turn: the HTTP answer comes in time and the reply is handed
// to the delivery engine, which sends it again later. Local mode (loopback, no token), with the
// scheduler running as in `npm run dev`. Each test's own timeout is below what the old code took
// (65 s and 9 s + a 500), so a regression fails instead of hanging.

type Server = Awaited<ReturnType<typeof startInProcess>>;
let server: Server;
beforeAll(async () => {
  server = await startInProcess();
});
afterAll(async () => {
  await server?.stop();
});

/** Accepts TCP connections and never answers; counts the requests it was sent (by their line). */
async function startBlackHole() {
  const requests: string[] = [];
  const sockets = new Set<net.Socket>();
  const srv = net.createServer((socket) => {
    sockets.add(socket);
    socket.on('data', (d: Buffer) => {
      const line = /^(POST|PUT|GET) (\S+)/m.exec(d.toString());
      if (line) requests.push(`${line[1]} ${line[2]}`);
    });
    socket.on('error', () => undefined);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((r) => srv.listen(0, '127.0.0.1', () => r()));
  return {
    url: `http://127.0.0.1:${(srv.address() as AddressInfo).port}`,
    requests,
    stop: async () => {
      for (const s of sockets) s.destroy();
      await new Promise<void>((r) => srv.close(() => r()));
    },
  };
}

/** A Bot Connector that answers 503 until `heal()`, then records what it is sent. */
async function startFlakyConnector() {
  let healthy = false;
  let failures = 0;
  const sent: Record<string, unknown>[] = [];
  const srv = http.createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString()));
    req.on('end', () => {
      if (!healthy) {
        failures += 1;
        res.writeHead(503, { 'content-type': 'application/json' }).end('{"error":"busy"}');
        return;
      }
      sent.push(JSON.parse(body || '{}') as Record<string, unknown>);
      res.writeHead(201, { 'content-type': 'application/json' }).end('{"id":"ok"}');
    });
  });
  await new Promise<void>((r) => srv.listen(0, '127.0.0.1', () => r()));
  return {
    url: `http://127.0.0.1:${(srv.address() as AddressInfo).port}`,
    sent,
    failures: () => failures,
    heal: () => (healthy = true),
    stop: async () => {
      srv.closeAllConnections();
      await new Promise<void>((r) => srv.close(() => r()));
    },
  };
}

async function until(check: () => boolean): Promise<void> {
  while (!check()) await new Promise((r) => setTimeout(r, 100));
}

it('answers a message in time when the connector never answers, and sends the reply again later', async () => {
  const hole = await startBlackHole();
  try {
    const activity = personalActivity(hole.url, {
      type: 'message',
      text: 'help',
      conversation: { id: 'hole-chat', conversationType: 'personal' },
    });
    const res = await postJson(`${server.url}/api/messages`, activity);
    expect(res.status).toBe(200);
    expect(hole.requests.some((r) => r.startsWith('POST /v3/conversations/hole-chat/'))).toBe(true);
    // The delivery engine retries the reply that could not be sent during the turn.
    await until(
      () =>
        hole.requests.filter((r) => r.startsWith('POST /v3/conversations/hole-chat/')).length >= 2,
    );
  } finally {
    await hole.stop();
  }
}, 25_000);

it('answers a message in time when the connector answers 503, and delivers the reply once it recovers', async () => {
  const connector = await startFlakyConnector();
  try {
    const activity = personalActivity(connector.url, {
      type: 'message',
      text: 'help',
      conversation: { id: 'busy-chat', conversationType: 'personal' },
    });
    const res = await postJson(`${server.url}/api/messages`, activity);
    expect(res.status).toBe(200);
    // One attempt in the turn: the SDK's own retries (seconds of sleeping) are not in the turn.
    expect(connector.failures()).toBe(1);
    expect(server.logs).toContainEqual(
      expect.stringMatching(/reply kept for the delivery engine.*"connector error \(503\)"/),
    );
    connector.heal();
    await until(() => connector.sent.length > 0);
    expect(JSON.stringify(connector.sent[0])).toContain('application/vnd.microsoft.card.adaptive');
    expect(connector.sent[0]).toMatchObject({ conversation: { id: 'busy-chat' } });
  } finally {
    await connector.stop();
  }
}, 20_000);

it('records a reply the connector refuses for good (404) as failed, and answers the message', async () => {
  const gone = http.createServer((_req, res) => {
    res.writeHead(404, { 'content-type': 'application/json' }).end('{"error":"NotFound"}');
  });
  await new Promise<void>((r) => gone.listen(0, '127.0.0.1', () => r()));
  try {
    const url = `http://127.0.0.1:${(gone.address() as AddressInfo).port}`;
    const res = await postJson(
      `${server.url}/api/messages`,
      personalActivity(url, {
        type: 'message',
        text: 'help',
        conversation: { id: 'gone-chat', conversationType: 'personal' },
      }),
    );
    expect(res.status).toBe(200);
    expect(server.logs).toContainEqual(
      expect.stringMatching(/reply kept.*"conversation not found \(404\)".*"status":"failed"/),
    );
  } finally {
    gone.closeAllConnections();
    await new Promise<void>((r) => gone.close(() => r()));
  }
}, 15_000);
