import http from 'node:http';
import { OperationCounter } from '../../../bot/src/store';
import { INGEST_FAILURE_BUDGET } from '../../../bot/src/features/kpis/ingestion-throttle';
import { postJson } from '../../../simulators/http';
import { startHarness, type Harness } from '../../faults/harness';

// Wrong ingestion keys are throttled per (key id, client address) and per address before they cost
// a store read, without locking the real key's owner out. Client addresses are real: requests leave
// from 127.0.0.2, 127.0.0.3 … (the whole of 127/8 is loopback on Linux). The server runs on a test
// clock, so "the window passes" is a jump of the clock, not a sleep.
const TEAM = '00000000-0000-0000-0000-000000000031';
const ATTACKER = '127.0.0.2';
const OWNER = '127.0.0.3';
const counter = new OperationCounter();
let clock = new Date();
let h: Harness;

beforeAll(async () => {
  h = await startHarness({ counter, now: () => clock });
});
afterAll(async () => h?.stop());

const createKey = async (name: string) => {
  const res = await postJson(`${h.url}/api/v1/teams/${TEAM}/ingestion-keys`, { name });
  expect(res.status).toBe(201);
  return res.body?.secret as string;
};
const pointReads = () => counter.snapshot().pointRead;
let minutes = 0;

/** Posts one reading with `key` from `from`; status, Retry-After and the parsed body. */
function ingest(key: string, from: string) {
  minutes += 1;
  const body = JSON.stringify({ value: 10, at: new Date(clock.getTime() - minutes * 60_000) });
  return new Promise<{ status: number; retryAfter?: string; body: Record<string, unknown> }>(
    (resolve, reject) => {
      const req = http.request(
        `${h.url}/api/v1/kpis/kpi-turnover/readings`,
        {
          method: 'POST',
          localAddress: from,
          agent: false,
          headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
        },
        (res) => {
          let text = '';
          res.on('data', (c: Buffer) => (text += c.toString()));
          res.on('end', () =>
            resolve({
              status: res.statusCode ?? 0,
              retryAfter: res.headers['retry-after'],
              body: text ? JSON.parse(text) : {},
            }),
          );
        },
      );
      req.on('error', reject);
      req.end(body);
    },
  );
}

/** The same key id and team with another secret. */
const wrongSecret = (key: string, i: number) =>
  key.replace(/\.[^.]+$/, `.${String(i).padStart(43, 'x')}`);
/** Another (unknown) key id in the same team. */
const otherKeyId = (key: string, i: number) => key.replace(/^bk_[^.]+/, `bk_probe${i}xxxx`);

it('a burst of wrong keys is throttled before it costs store reads; the real key still works', async () => {
  const key = await createKey('HR export');
  const fresh = await createKey('never used yet');
  const { perKeyAndAddress, perAddress, windowMs } = INGEST_FAILURE_BUDGET;

  // 1. A concurrent burst of wrong secrets on the real key id from one address: the budget holds
  //    even when every attempt is in flight at once.
  let reads = pointReads();
  const burst = await Promise.all(
    Array.from({ length: perKeyAndAddress * 4 }, (_, i) => ingest(wrongSecret(key, i), ATTACKER)),
  );
  expect(burst.filter((r) => r.status === 401)).toHaveLength(perKeyAndAddress);
  const throttled = burst.filter((r) => r.status === 429);
  expect(throttled).toHaveLength(perKeyAndAddress * 3);
  for (const r of throttled) {
    expect(r.body).toMatchObject({ error: { code: 'HTTP.TOO_MANY_REQUESTS' } });
    expect(Number(r.retryAfter)).toBeGreaterThanOrEqual(1);
    expect(Number(r.retryAfter)).toBeLessThanOrEqual(windowMs / 1000);
  }
  expect(pointReads() - reads).toBe(perKeyAndAddress);

  // 2. Spraying other key ids from the same address runs into the per-address budget.
  reads = pointReads();
  const spray = [];
  for (let i = 0; i < perAddress; i += 1) spray.push(await ingest(otherKeyId(key, i), ATTACKER));
  const sprayed401 = perAddress - perKeyAndAddress;
  expect(spray.slice(0, sprayed401).every((r) => r.status === 401)).toBe(true);
  expect(spray.slice(sprayed401).every((r) => r.status === 429)).toBe(true);
  expect(pointReads() - reads).toBe(sprayed401);
  reads = pointReads();
  expect((await ingest(otherKeyId(key, 999), ATTACKER)).status).toBe(429);
  expect((await ingest(wrongSecret(key, 999), ATTACKER)).status).toBe(429);
  expect(pointReads()).toBe(reads);

  // 3. The real key from its owner's address works; once seen valid, it works even from the
  //    attacker's address (a shared NAT or proxy), while a key this instance has not yet seen
  //    valid waits there like any other, without a store read.
  expect((await ingest(key, OWNER)).status).toBe(201);
  expect((await ingest(key, ATTACKER)).status).toBe(201);
  reads = pointReads();
  const waiting = await ingest(fresh, ATTACKER);
  expect(waiting.status).toBe(429);
  expect(pointReads()).toBe(reads);

  // 4. After the window, the address gets its budget back.
  clock = new Date(clock.getTime() + windowMs + 1_000);
  expect((await ingest(fresh, ATTACKER)).status).toBe(201);
  expect((await ingest(wrongSecret(key, 1), ATTACKER)).status).toBe(401);
});

it('a malformed or missing key is a 401 that costs no store read and is not throttled', async () => {
  const reads = pointReads();
  for (let i = 0; i < INGEST_FAILURE_BUDGET.perAddress + 5; i += 1)
    expect((await ingest('nope', '127.0.0.4')).status).toBe(401);
  expect(pointReads()).toBe(reads);
});
