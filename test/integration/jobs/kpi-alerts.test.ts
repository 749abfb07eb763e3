import { DEFAULT_TEAM_SETTINGS, decodeTabContext, readTabDeepLink } from '@bearing/core';
import { tabLinker } from '../../../bot/src/features/common';
import {
  acknowledgeEpisode,
  draftCorrectiveOkr,
  snoozeEpisode,
} from '../../../bot/src/features/kpis/kpi-alerts';
import { recordReadings } from '../../../bot/src/features/kpis/kpi-readings';
import { DeliveryContentResolver } from '../../../bot/src/features/delivery/delivery-content';
import { DeliveryWorker } from '../../../bot/src/features/delivery/delivery-worker';
import { SendRateLimiter } from '../../../bot/src/features/delivery/rate-limiter';
import { TeamsProactiveSender } from '../../../bot/src/teams/proactive-sender';
import {
  startConnectorSimulator,
  type ConnectorSimulator,
} from '../../../simulators/connector/simulator';
import { kpi, objective } from '../../fixtures/okrs';
import { memoryLogger, startTestStore, type TestStore } from '../../support/embedded-store';

// KPI breach episodes end to end against the Bot Connector simulator: readings in, one alert per
// episode to the owner and the channel, escalation unless acknowledged, a note on recovery.
const T = '33333333-3333-3333-3333-333333333333';
const APP_ID = '00000000-0000-4000-8000-00000000b001';
let store: TestStore;
let sim: ConnectorSimulator;
let clock = new Date('2026-11-23T10:00:00Z');
const logger = memoryLogger();

beforeAll(async () => {
  [store, sim] = await Promise.all([startTestStore(), startConnectorSimulator()]);
});
afterAll(async () => {
  await sim?.stop();
  await store?.close();
});

async function seed(teamId: string): Promise<void> {
  const s = store.stores;
  const at = clock.toISOString();
  const ref = (id: string, type: string) => ({
    serviceUrl: sim.url,
    channelId: 'msteams',
    conversation: { id, tenantId: T, conversationType: type },
    bot: { id: 'bot' },
  });
  await s.teams.saveTeam({
    tenantId: T,
    id: teamId,
    name: teamId,
    settings: { ...DEFAULT_TEAM_SETTINGS, kpiEscalationMinutes: 60 },
    channelReference: ref(`${teamId}-channel`, 'channel'),
    createdAt: at,
    updatedAt: at,
  });
  for (const [userId, role] of [
    ['owner', 'member'],
    ['boss', 'owner'],
  ] as const) {
    await s.teams.saveMember({
      tenantId: T,
      teamId,
      userId: `${teamId}-${userId}`,
      displayName: userId,
      role,
      active: true,
      joinedAt: at,
      updatedAt: at,
    });
    await s.users.saveUser({
      tenantId: T,
      userId: `${teamId}-${userId}`,
      displayName: userId,
      teamIds: [teamId],
      timeZone: 'UTC',
      updatedAt: at,
      conversationReference: ref(`${teamId}-${userId}-chat`, 'personal'),
    });
  }
  await s.okrs.saveObjective(
    objective({
      tenantId: T,
      teamId,
      id: `${teamId}-o`,
      title: 'Delight customers',
      cycleId: 'FY2027-Q2',
    }),
  );
  await s.kpis.saveKpi(
    kpi({
      tenantId: T,
      teamId,
      id: `${teamId}-csat`,
      ownerId: `${teamId}-owner`,
      guardsObjectiveIds: [`${teamId}-o`],
    }),
  );
}

const worker = () =>
  new DeliveryWorker({
    deliveries: store.stores.deliveries,
    sender: new TeamsProactiveSender(async () => undefined, true),
    limiter: new SendRateLimiter(
      undefined,
      undefined,
      () => clock.getTime(),
      async (ms) => {
        clock = new Date(clock.getTime() + ms);
      },
    ),
    content: (job) =>
      new DeliveryContentResolver(
        { stores: store.stores, now: () => clock, newId: () => 'x' },
        0,
        tabLinker({ teamsAppId: APP_ID, tabUrl: 'https://bearing.example/tab/' }),
      ).contentFor(job),
    onConversationCreated: async () => undefined,
    onRecipientGone: async () => undefined,
    now: () => clock,
    logger,
    owner: 'kpi-test',
  });

/** Readings up to now, one `stepMinutes` apart; the clock moves a minute first (new timestamps). */
const read = (teamId: string, values: number[], stepMinutes = 60) => {
  clock = new Date(clock.getTime() + 60_000);
  const readings = values.map((value, i) => ({
    kpiId: `${teamId}-csat`,
    value,
    at: new Date(clock.getTime() - (values.length - 1 - i) * stepMinutes * 60_000).toISOString(),
  }));
  return recordReadings(store.stores, { tenantId: T, teamId }, readings, 'api', clock);
};
const cardsTo = (conversation: string) =>
  sim.deliveries.filter((d) => d.conversationId === conversation);
const titleOf = (d: { activity: Record<string, unknown> }) =>
  JSON.stringify(d.activity).match(
    /"text":"((?:KPI out of range|Still out of range|Back in range)[^"]*)"/,
  )?.[1];

it('one alert per episode to the owner and the channel; more bad readings add nothing', async () => {
  await seed('ep');
  expect(await read('ep', [4.8, 4.7])).toMatchObject({ ok: true, value: { alertsEnqueued: 0 } });
  const opened = await read('ep', [4.4]);
  expect(opened).toMatchObject({ ok: true, value: { accepted: 1, alertsEnqueued: 3 } });
  await worker().tick();
  clock = new Date(clock.getTime() + 5 * 60_000);
  await read('ep', [4.3]);
  await read('ep', [4.2]);
  await worker().tick();
  expect(cardsTo('ep-owner-chat').map(titleOf)).toEqual(['KPI out of range · CSAT']);
  expect(cardsTo('ep-channel').map(titleOf)).toEqual(['KPI out of range · CSAT']);
  const card = JSON.stringify(cardsTo('ep-channel')[0]?.activity);
  expect(card).toContain('Now 4.4 score · target ≥ 4.6 score');
  expect(card).toContain('Protects the objective: Delight customers');
  expect(card).toContain('kpi.draftCorrectiveOkr');
  const open = JSON.parse(card).attachments[0].content.actions.find(
    (a: { title: string }) => a.title === 'Open in Bearing',
  );
  const link = readTabDeepLink(open.url);
  expect(link).toMatchObject({ appId: APP_ID, entityId: 'myOkrs' });
  expect(decodeTabContext(link?.subEntityId)).toEqual({
    view: 'dashboard',
    teamId: 'ep',
    kpiId: expect.any(String),
  });
});

it('escalates to the channel once if nobody acknowledges; recovery sends one "back in range"', async () => {
  await seed('esc');
  await read('esc', [4.4]);
  await worker().tick();
  clock = new Date(clock.getTime() + 61 * 60_000);
  await worker().tick();
  await worker().tick();
  expect(cardsTo('esc-channel').map(titleOf)).toEqual([
    'KPI out of range · CSAT',
    'Still out of range, not acknowledged · CSAT',
  ]);
  // Back inside, but within the warning band: hysteresis keeps the episode open.
  await read('esc', [4.65]);
  await worker().tick();
  expect(cardsTo('esc-channel')).toHaveLength(2);
  await read('esc', [4.8]);
  await worker().tick();
  expect(cardsTo('esc-channel').map(titleOf).slice(2)).toEqual(['Back in range · CSAT']);
  expect(cardsTo('esc-owner-chat').map(titleOf)).toEqual([
    'KPI out of range · CSAT',
    'Back in range · CSAT',
  ]);
});

it('acknowledging stops the escalation; snoozing defers it', async () => {
  await seed('ack');
  await seed('snz');
  await read('ack', [4.4]);
  await read('snz', [4.4]);
  await worker().tick();
  expect(
    await acknowledgeEpisode(
      store.stores,
      { tenantId: T, userId: 'ack-boss', name: 'Boss' },
      'ack',
      'ack-csat',
      undefined,
      clock,
    ),
  ).toBe(true);
  expect(await snoozeEpisode(store.stores, T, 'snz', 'snz-csat', undefined, '1d', clock)).toBe(
    true,
  );
  clock = new Date(clock.getTime() + 61 * 60_000);
  await worker().tick();
  expect(cardsTo('ack-channel')).toHaveLength(1);
  expect(cardsTo('snz-channel')).toHaveLength(1);
  clock = new Date(clock.getTime() + 24 * 60 * 60_000);
  await worker().tick();
  expect(cardsTo('snz-channel').map(titleOf)).toEqual([
    'KPI out of range · CSAT',
    'Still out of range, not acknowledged · CSAT',
  ]);
  expect(cardsTo('ack-channel')).toHaveLength(1);
  const ack = await store.stores.kpis.getKpi(T, 'ack', 'ack-csat');
  expect(ack?.value.episode).toMatchObject({
    acknowledgedBy: { userId: 'ack-boss', name: 'Boss' },
  });
});

it('drafts the corrective OKR once per episode, from the current value back into range', async () => {
  await seed('fix');
  await read('fix', [4.3]);
  const first = await draftCorrectiveOkr(
    store.stores,
    { tenantId: T, userId: 'fix-boss' },
    'fix',
    'fix-csat',
    undefined,
    clock,
  );
  const again = await draftCorrectiveOkr(
    store.stores,
    { tenantId: T, userId: 'fix-boss' },
    'fix',
    'fix-csat',
    undefined,
    clock,
  );
  expect(first).toMatchObject({ kind: 'drafted' });
  expect(again).toEqual({
    kind: 'exists',
    objectiveId: (first as { objectiveId: string }).objectiveId,
  });
  const objectiveId = (first as { objectiveId: string }).objectiveId;
  const draft = await store.stores.okrs.getObjective(T, 'fix', objectiveId);
  expect(draft?.value).toMatchObject({
    status: 'draft',
    kpiIds: ['fix-csat'],
    title: 'Bring CSAT back into range',
  });
  const kr = await store.stores.okrs.getKeyResult(T, 'fix', `${objectiveId}-kr`);
  expect(kr?.value).toMatchObject({
    baseline: 4.3,
    current: 4.3,
    target: 4.7,
    direction: 'increase',
  });
});

it('checks every reading before writing any: one bad KPI id rejects the batch', async () => {
  await seed('bad');
  const result = await recordReadings(
    store.stores,
    { tenantId: T, teamId: 'bad' },
    [
      { kpiId: 'bad-csat', value: 4.9, at: clock.toISOString() },
      { kpiId: 'nope', value: 1, at: clock.toISOString() },
    ],
    'api',
    clock,
  );
  expect(result).toMatchObject({
    ok: false,
    error: { code: 'HTTP.NOT_FOUND', field: 'readings.1.kpiId' },
  });
  expect(await store.stores.kpis.listReadings(T, 'bad-csat', '2000-01-01T00:00:00Z', 10)).toEqual(
    [],
  );
});
