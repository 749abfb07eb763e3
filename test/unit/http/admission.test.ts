import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import express from 'express';
import { admission, type AdmissionLimits } from '../../../bot/src/http/admission';
import { correlationId, withCorrelation } from '../../../bot/src/observability/context';
import { memoryLogger } from '../../support/embedded-store';

// An endpoint whose requests finish only when the test says so: what the admission control does
// with more requests than it takes on is then decided by the limits alone, not by timing.
let server: Server;
let url: string;
let release: (() => void)[];
let handled: string[];
let logger: ReturnType<typeof memoryLogger>;

async function start(limits: AdmissionLimits) {
  release = [];
  handled = [];
  logger = memoryLogger();
  const app = express();
  app.use((req, _res, next) => withCorrelation(req.get('x-correlation-id'), next));
  app.post('/work', admission(limits, logger), (req, res) => {
    handled.push(`${req.get('x-name')}:${correlationId()}`);
    release.push(() => res.json({ done: req.get('x-name') }));
  });
  server = await new Promise<Server>((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
  });
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/work`;
}

afterEach(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

const post = (name: string, signal?: AbortSignal) =>
  fetch(url, {
    method: 'POST',
    headers: { 'x-name': name, 'x-correlation-id': `c-${name}` },
    ...(signal ? { signal } : {}),
  });
const until = async (check: () => boolean) => {
  while (!check()) await new Promise((r) => setTimeout(r, 5));
};

it('handles maxActive at once, queues the next ones in order and answers 503 when the queue is full', async () => {
  await start({ maxActive: 2, maxWaiting: 1, maxWaitMs: 60_000, retryAfterSeconds: 3 });
  const a = post('a');
  const b = post('b');
  await until(() => handled.length === 2);
  const c = post('c');
  await new Promise((r) => setTimeout(r, 50));
  const refused = await post('d');
  expect(refused.status).toBe(503);
  expect(refused.headers.get('retry-after')).toBe('3');
  expect(await refused.json()).toEqual({
    error: { code: 'SERVER.BUSY', message: expect.stringMatching(/busy/) },
  });
  expect(handled).toHaveLength(2);
  release.shift()?.();
  expect((await a).status).toBe(200);
  // The waiting request runs once a slot is free, in its own request's context.
  await until(() => handled.length === 3);
  expect(handled).toEqual(['a:c-a', 'b:c-b', 'c:c-c']);
  release.forEach((r) => r());
  expect(await (await b).json()).toEqual({ done: 'b' });
  expect(await (await c).json()).toEqual({ done: 'c' });
  expect(logger.lines.some((l) => l.includes('request shed under load'))).toBe(true);
});

it('answers 503 to a request that waited maxWaitMs, and never handles it later', async () => {
  await start({ maxActive: 1, maxWaiting: 10, maxWaitMs: 100, retryAfterSeconds: 1 });
  const a = post('a');
  await until(() => handled.length === 1);
  const waited = await post('b');
  expect(waited.status).toBe(503);
  expect(waited.headers.get('retry-after')).toBe('1');
  release.shift()?.();
  expect((await a).status).toBe(200);
  const next = post('c');
  await until(() => handled.length === 2);
  release.shift()?.();
  expect((await next).status).toBe(200);
  expect(handled.map((h) => h.split(':')[0])).toEqual(['a', 'c']);
});

it('skips a waiting request whose caller gave up, and frees the slot of one that disconnects', async () => {
  await start({ maxActive: 1, maxWaiting: 10, maxWaitMs: 60_000, retryAfterSeconds: 1 });
  const gone = new AbortController();
  const a = post('a', gone.signal).catch(() => 'aborted');
  await until(() => handled.length === 1);
  const quitter = new AbortController();
  const b = post('b', quitter.signal).catch(() => 'aborted');
  await new Promise((r) => setTimeout(r, 50));
  quitter.abort();
  expect(await b).toBe('aborted');
  const c = post('c');
  await new Promise((r) => setTimeout(r, 50));
  // The active caller disconnects: its slot goes to c (b gave up and is never handled).
  gone.abort();
  expect(await a).toBe('aborted');
  await until(() => handled.length === 2);
  release[1]();
  expect((await c).status).toBe(200);
  expect(handled.map((h) => h.split(':')[0])).toEqual(['a', 'c']);
});
