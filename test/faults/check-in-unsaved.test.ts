import { addWeeks, CARD_VERBS } from '@bearing/core';
import { OperationCounter } from '../../bot/src/store';
import { cardInvoke } from '../../simulators/teams/activities';
import { startFakeConnector } from '../../simulators/connector/fake-connector';
import { cardProblems, texts } from '../support/cards';
import { alexCheckInDocs, alexCheckInSubmit } from './alex-check-in';
import { postJson } from '../../simulators/http';
import { startHarness, type Harness } from './harness';

// A check-in write whose outcome the server cannot know (applied but never acknowledged, or the
// store failing past the SDK's retries) must not end the invoke in a bare HTTP 500: the user gets
// a card saying it may not have been saved, with a button that resubmits the same submission.
const counter = new OperationCounter();
let h: Harness;
let connector: Awaited<ReturnType<typeof startFakeConnector>>;
beforeAll(async () => {
  [h, connector] = await Promise.all([startHarness({ counter }), startFakeConnector()]);
});
afterAll(async () => {
  await h?.stop();
  await connector?.stop();
});
afterEach(() => h.proxy.setFault(undefined));

const messages = () => `${h.url}/api/messages`;
const checkInDocs = () => alexCheckInDocs(h);
const checkInSubmit = (value: string) => alexCheckInSubmit(h, connector, value);
const isCheckInWrite = (method: string | undefined, isQuery: unknown, body: string) =>
  method !== 'GET' && !isQuery && body.includes('"type":"checkIn"');

type ExecuteAction = { type: string; verb: string; data: Record<string, unknown> };
const actionsOf = (body: unknown) =>
  ((body as { value?: { actions?: ExecuteAction[] } })?.value?.actions ?? []).filter(
    (a) => a.type === 'Action.Execute',
  );

/** The data an invoke's Action.Execute carries. */
const dataOf = (invoke: object) =>
  (invoke as { value: { action: { data: Record<string, unknown> & { krIds: string[] } } } }).value
    .action.data;

it('a check-in write applied but never acknowledged: a "may not have been saved" card, and its retry saves once', async () => {
  const invoke = await checkInSubmit('6');
  let dropped = 0;
  h.proxy.setFault((req, body) => {
    if (dropped === 0 && isCheckInWrite(req.method, req.headers['x-ms-documentdb-isquery'], body)) {
      dropped += 1;
      return { kind: 'forwardThenDrop' };
    }
    return undefined;
  });
  const first = await postJson(messages(), invoke);
  h.proxy.setFault(undefined);
  expect(dropped).toBe(1);
  expect(first.status).toBe(200);
  expect(first.body).toMatchObject({
    statusCode: 200,
    type: 'application/vnd.microsoft.card.adaptive',
  });
  const card = (first.body as { value: unknown }).value;
  expect(cardProblems(card)).toEqual([]);
  expect(texts(card).join(' ')).toMatch(/may not have been saved/i);
  expect(h.logs.some((l) => l.includes('check-in outcome unknown'))).toBe(true);

  // "Try again" resubmits exactly what the user sent (same submissionId): stored once.
  const retry = actionsOf(first.body).find((a) => a.verb === CARD_VERBS.checkInSubmit);
  expect(retry?.data).toEqual(dataOf(invoke));
  const again = await postJson(messages(), cardInvoke(connector.url, retry!.verb, retry!.data));
  expect(again.status).toBe(200);
  expect(texts(again.body).some((t) => t.startsWith('✅ Checked in'))).toBe(true);
  const docs = await checkInDocs();
  expect(docs).toHaveLength(1);
  expect(docs[0]).toContain('"value":6');
});

it('a store failing every check-in write past the SDK retries: the same card, not a 500', async () => {
  const invoke = await checkInSubmit('7');
  const before = await checkInDocs();
  h.proxy.setFault((req, body) =>
    isCheckInWrite(req.method, req.headers['x-ms-documentdb-isquery'], body)
      ? { kind: 'status', status: 503 }
      : undefined,
  );
  const res = await postJson(messages(), invoke);
  h.proxy.setFault(undefined);
  expect(res.status).toBe(200);
  expect(texts(res.body).join(' ')).toMatch(/may not have been saved/i);
  expect(await checkInDocs()).toEqual(before);
});

it('any other card action failing in the store: a card that says to try again, not a 500', async () => {
  const { teamId, week } = dataOf(await checkInSubmit('7')) as { teamId?: string; week?: string };
  h.proxy.setFault((req, body) =>
    req.method !== 'GET' && !req.headers['x-ms-documentdb-isquery'] && body.length > 0
      ? { kind: 'status', status: 503 }
      : undefined,
  );
  const res = await postJson(
    messages(),
    cardInvoke(connector.url, CARD_VERBS.checkInSnooze, { teamId, week }),
  );
  h.proxy.setFault(undefined);
  expect(res.status).toBe(200);
  expect(texts(res.body).join(' ')).toBe(
    'Something went wrong on our side. Please try again in a moment.',
  );
});

it('store operations per card submit: point reads and writes only, no query', async () => {
  const card = await checkInSubmit('8');
  // A week nobody checked in for yet (the tests above and the demo data have this and past ones).
  const data = dataOf(card);
  const invoke = cardInvoke(connector.url, CARD_VERBS.checkInSubmit, {
    ...data,
    week: addWeeks(String(data.week), 1),
  });
  counter.reset();
  const res = await postJson(messages(), invoke);
  expect(texts(res.body).some((t) => t.startsWith('✅ Checked in'))).toBe(true);
  const submitted = counter.snapshot();
  counter.reset();
  await postJson(messages(), { ...invoke, id: 'teams-retry' });
  const replayed = counter.snapshot();
  const krs = dataOf(invoke).krIds.length;
  console.log(`store operations per check-in submit (${krs} KRs):`, { submitted, replayed });
  // Member context (user, membership; the team and organisation were read moments ago, so this
  // instance's copies stand) is two point reads; the submitted KRs are read in one batch; the
  // week's first check-in is then created without reading it first (a create fails when one
  // exists) in one batch with the conditional writes of the KRs it changes.
  expect(krs).toBeGreaterThan(1);
  expect(submitted).toEqual({
    pointRead: 2,
    pointWrite: 0,
    batch: 2,
    singlePartitionQuery: 0,
    crossPartitionQuery: 0,
  });
  // A replay: the batch's create is refused (nothing in it is written), the stored check-in is
  // read and answered from; nothing is written.
  expect(replayed).toEqual({
    pointRead: 2 + 1,
    pointWrite: 0,
    batch: 2,
    singlePartitionQuery: 0,
    crossPartitionQuery: 0,
  });
});
