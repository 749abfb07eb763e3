import { startFakeConnector } from '../../simulators/connector/fake-connector';
import { postJson } from '../../simulators/http';
import { texts } from '../support/cards';
import { alexCheckInDocs, alexCheckInSubmit } from './alex-check-in';
import { startHarness, type Harness } from './harness';

// More submits than the server takes on (here: one at a time, none waiting) while a turn is held
// up by a throttled store: the extra submit is answered at once with 503 and Retry-After, before
// any of its work is done, instead of joining a queue that grows until every caller times out.
// Once the held turn is done, the next submit is handled and saved as usual.
let h: Harness;
let connector: Awaited<ReturnType<typeof startFakeConnector>>;
beforeAll(async () => {
  connector = await startFakeConnector();
  h = await startHarness({
    botAdmission: { maxActive: 1, maxWaiting: 0, maxWaitMs: 1_000, retryAfterSeconds: 2 },
  });
});
afterAll(async () => {
  h?.proxy.setFault(undefined);
  await h?.stop();
  await connector?.stop();
});

it('answers a submit it cannot take on with 503 and Retry-After at once, and saves the next one', async () => {
  const first = await alexCheckInSubmit(h, connector, '4');
  const second = await alexCheckInSubmit(h, connector, '5');
  h.proxy.setFault(() => ({ kind: 'status', status: 429, retryAfterMs: 1_000 }));
  const held = postJson(`${h.url}/api/messages`, first);
  while (h.proxy.seen.injected === 0) await new Promise((r) => setTimeout(r, 20));
  const startedAt = performance.now();
  const refused = await fetch(`${h.url}/api/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(second),
  });
  expect(performance.now() - startedAt).toBeLessThan(1_000);
  expect(refused.status).toBe(503);
  expect(refused.headers.get('retry-after')).toBe('2');
  expect(await refused.json()).toEqual({
    error: { code: 'SERVER.BUSY', message: expect.any(String) },
  });
  h.proxy.setFault(undefined);
  const firstAnswer = await held;
  expect(texts((firstAnswer.body as { value: unknown }).value).join(' ')).toMatch(/Checked in/);
  // Nothing of the refused submit was written; sent again, it is saved.
  const docs = await alexCheckInDocs(h);
  expect(docs.join('\n')).toContain('"value":4');
  expect(docs.join('\n')).not.toContain('"value":5');
  const again = await postJson(`${h.url}/api/messages`, second);
  expect(again.status).toBe(200);
  expect(texts((again.body as { value: unknown }).value).join(' ')).toMatch(/Checked in/);
}, 20_000);
