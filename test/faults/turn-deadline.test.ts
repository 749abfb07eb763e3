import { CARD_VERBS } from '@bearing/core';
import { personalActivity } from '../../simulators/teams/activities';
import { startFakeConnector } from '../../simulators/connector/fake-connector';
import { texts } from '../support/cards';
import { alexCheckInSubmit } from './alex-check-in';
import { postJson } from '../../simulators/http';
import { startHarness, type Harness } from './harness';

// A throttled store (every request 429 with a 2 s Retry-After: the Cosmos SDK waits and retries
// up to 9 times, ~18 s for one call) must not hold a turn past Teams' 15 s budget: the HTTP answer
// leaves in time (a message gets 202, a card action a card that says the outcome is unknown), and
// the turn goes on, so its reply still arrives once the store is back. The test timeouts are below
// what the turn takes without the deadline, so a regression fails instead of hanging.
let h: Harness;
let connector: Awaited<ReturnType<typeof startFakeConnector>>;
beforeAll(async () => {
  [h, connector] = await Promise.all([startHarness(), startFakeConnector()]);
});
afterAll(async () => {
  h?.proxy.setFault(undefined);
  await h?.stop();
  await connector?.stop();
});
afterEach(() => h.proxy.setFault(undefined));

const messages = () => `${h.url}/api/messages`;
const throttled = () => ({ kind: 'status' as const, status: 429, retryAfterMs: 2_000 });
const until = async (check: () => boolean) => {
  while (!check()) await new Promise((r) => setTimeout(r, 100));
};

it('answers a message 202 while the store is throttled, and the reply arrives once it is back', async () => {
  h.proxy.setFault(throttled);
  const before = connector.sent.length;
  const res = await postJson(
    messages(),
    personalActivity(connector.url, {
      type: 'message',
      text: 'my okrs',
      conversation: { id: 'slow-store-chat', conversationType: 'personal' },
    }),
  );
  expect(res.status).toBe(202);
  expect(h.proxy.seen.injected).toBeGreaterThan(0);
  h.proxy.setFault(undefined);
  await until(() =>
    connector.sent.slice(before).some((s) => s.conversationId === 'slow-store-chat'),
  );
}, 25_000);

it('answers a check-in submit with a "may not have been saved" card while the store is throttled', async () => {
  const invoke = await alexCheckInSubmit(h, connector, '4');
  h.proxy.setFault(throttled);
  const res = await postJson(messages(), invoke);
  expect(res.status).toBe(200);
  expect(res.body).toMatchObject({ type: 'application/vnd.microsoft.card.adaptive' });
  const card = (res.body as { value: { actions: { verb: string }[] } }).value;
  expect(texts(card).join(' ')).toMatch(/may not have been saved/);
  expect(card.actions.map((a) => a.verb)).toEqual([CARD_VERBS.checkInSubmit]);
}, 14_000);

it('answers a card action whose turn fails before it is handled with a card, not an empty 501', async () => {
  const invoke = await alexCheckInSubmit(h, connector, 'not a number');
  h.proxy.setFault(() => ({ kind: 'status', status: 503 }));
  const res = await postJson(messages(), invoke);
  expect(res.status).toBe(200);
  expect(res.body).toMatchObject({ type: 'application/vnd.microsoft.card.adaptive' });
  expect(texts((res.body as { value: unknown }).value).join(' ')).toMatch(/went wrong/);
}, 14_000);
