import { CARD_VERBS } from '@bearing/core';
import { startFakeConnector } from '../../simulators/connector/fake-connector';
import { texts } from '../support/cards';
import { alexCheckInDocs, alexCheckInSubmit } from './alex-check-in';
import { postJson } from '../../simulators/http';
import { startHarness, type Harness } from './harness';

// Store faults between the real server code and a real (embedded) Cosmos: throttling storms,
// an unavailable store, and a write the server applied whose answer never arrived.
let h: Harness;
let connector: Awaited<ReturnType<typeof startFakeConnector>>;
beforeAll(async () => {
  [h, connector] = await Promise.all([startHarness(), startFakeConnector()]);
});
afterAll(async () => {
  await h?.stop();
  await connector?.stop();
});
afterEach(() => h.proxy.setFault(undefined));

const messages = () => `${h.url}/api/messages`;
const checkInDocs = () => alexCheckInDocs(h);
const checkInSubmit = (value: string) => alexCheckInSubmit(h, connector, value);

it('a 429 storm on every other store call: the check-in still succeeds once', async () => {
  const invoke = await checkInSubmit('3');
  let n = 0;
  h.proxy.setFault(() =>
    ++n % 2 === 1 ? { kind: 'status', status: 429, retryAfterMs: 5 } : undefined,
  );
  const injectedBefore = h.proxy.seen.injected;
  const res = await postJson(messages(), invoke);
  h.proxy.setFault(undefined);
  expect(h.proxy.seen.injected - injectedBefore).toBeGreaterThan(3);
  expect(res.status).toBe(200);
  expect(texts(res.body).some((t) => t.startsWith('✅ Checked in'))).toBe(true);
  expect(await checkInDocs()).toHaveLength(1);
});

it('a store answering 503: readiness says so in JSON, the API answers a retryable 503 JSON, nothing changes', async () => {
  const before = await h.contents();
  h.proxy.setFault(() => ({ kind: 'status', status: 503 }));
  const ready = await fetch(`${h.url}/readyz`);
  expect(ready.status).toBe(503);
  expect(await ready.json()).toMatchObject({
    status: 'unavailable',
    checks: { store: 'unreachable' },
  });
  // Liveness (App Service's health check) does not touch the store: an outage must not take every
  // instance out of rotation.
  const live = await fetch(`${h.url}/healthz`);
  expect(live.status).toBe(200);
  expect(await live.json()).toEqual({ status: 'ok' });
  const read = await fetch(`${h.url}/api/v1/teams/00000000-0000-0000-0000-000000000031/alignment`);
  expect(read.status).toBe(503);
  expect(read.headers.get('retry-after')).toBe('5');
  const body = (await read.json()) as { error?: { code?: string; message?: string } };
  expect(body.error?.code).toBe('SERVICE.UNAVAILABLE');
  h.proxy.setFault(undefined);
  expect(await h.contents()).toBe(before);
  const back = await fetch(`${h.url}/readyz`);
  expect(back.status).toBe(200);
  expect(await back.json()).toMatchObject({
    status: 'ready',
    checks: { store: 'ok', deliveryBacklog: 'ok' },
  });
});

it('throttling that outlasts the SDK retries: 503 JSON with Retry-After, nothing written', async () => {
  const before = await h.contents();
  h.proxy.setFault(() => ({ kind: 'status', status: 429, retryAfterMs: 1 }));
  const res = await postJson(
    `${h.url}/api/v1/teams/00000000-0000-0000-0000-000000000031/ingestion-keys`,
    { name: 'k' },
  );
  h.proxy.setFault(undefined);
  expect(res.status).toBe(503);
  expect(res.body).toMatchObject({ error: { code: 'SERVICE.UNAVAILABLE' } });
  expect(await h.contents()).toBe(before);
});

it('a check-in write applied but never acknowledged: the user is told it may not be saved, and the retry records it once', async () => {
  const invoke = await checkInSubmit('4');
  let dropped = 0;
  h.proxy.setFault((req, body) => {
    const write = req.method !== 'GET' && !req.headers['x-ms-documentdb-isquery'];
    if (write && dropped === 0 && body.includes('"type":"checkIn"')) {
      dropped += 1;
      return { kind: 'forwardThenDrop' };
    }
    return undefined;
  });
  const first = await postJson(messages(), invoke);
  h.proxy.setFault(undefined);
  expect(dropped).toBe(1);
  // The outcome is unknown to the server: a 200 card that says so and offers the same submission.
  expect(first.status).toBe(200);
  expect(first.body).toMatchObject({
    statusCode: 200,
    type: 'application/vnd.microsoft.card.adaptive',
  });
  expect(texts(first.body)).toEqual([
    expect.stringMatching(/^Your check-in may not have been saved/),
  ]);
  const card = (first.body as { value: { actions: { verb: string; data: unknown }[] } }).value;
  const data = (invoke as unknown as { value: { action: { data: unknown } } }).value.action.data;
  expect(card.actions).toEqual([
    expect.objectContaining({ title: 'Try again', verb: CARD_VERBS.checkInSubmit, data }),
  ]);
  const retry = await postJson(messages(), { ...invoke, id: 'teams-retry' });
  expect(retry.status).toBe(200);
  expect(texts(retry.body).some((t) => t.startsWith('✅ Checked in'))).toBe(true);
  const docs = await checkInDocs();
  expect(docs).toHaveLength(1);
  expect(docs[0]).toContain('"value":4');
});

it('a batch Cosmos DB refuses as a whole (a key result changed since read): the check-in and every key result are still stored once', async () => {
  const invoke = await checkInSubmit('5');
  let refused = 0;
  h.proxy.setFault((req, body) => {
    const ops = req.headers['x-ms-cosmos-is-batch-request'] ? (JSON.parse(body) as unknown[]) : [];
    if (refused > 0 || !body.includes('"operationType":"Create"')) return undefined;
    refused += 1;
    // As Cosmos DB answers an atomic batch with one failed operation: 207, that operation's own
    // status (412: its ETag no longer matches), 424 for every other; nothing is written.
    const statuses = ops.map((_, i) => ({ statusCode: i === 1 ? 412 : 424, requestCharge: 0 }));
    return { kind: 'reply', status: 207, body: statuses };
  });
  const res = await postJson(messages(), invoke);
  h.proxy.setFault(undefined);
  expect(refused).toBe(1);
  expect(texts(res.body).some((t) => t.startsWith('✅ Checked in'))).toBe(true);
  const docs = await checkInDocs();
  expect(docs).toHaveLength(1);
  expect(docs[0]).toContain('"value":5');
  const krIds = (invoke as unknown as { value: { action: { data: { krIds: string[] } } } }).value
    .action.data.krIds;
  expect(krIds.length).toBeGreaterThan(1);
  const stored = (await h.contents()).split('\n');
  for (const id of krIds) {
    const kr = stored.find((l) => l.includes(`"id":"keyResult|${id}"`));
    expect(kr).toContain('"current":5,');
  }
});
