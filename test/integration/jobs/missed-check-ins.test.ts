import {
  API_ERROR_CODES,
  DEFAULT_TEAM_SETTINGS,
  type TeamMember,
  type TeamRole,
} from '@bearing/core';
import { setAway } from '../../../bot/src/features/team/away';
import {
  DeliveryContentResolver,
  DeliveryWorker,
  SendRateLimiter,
  nudgeMember,
  planTeamWeek,
} from '../../../bot/src/features/delivery';
import { resolveMemberContext } from '../../../bot/src/features/common';
import { TeamsProactiveSender } from '../../../bot/src/teams/proactive-sender';
import {
  startConnectorSimulator,
  type ConnectorSimulator,
} from '../../../simulators/connector/simulator';
import { keyResult } from '../../fixtures/okrs';
import { cardProblems } from '../../support/cards';
import { memoryLogger, startTestStore, type TestStore } from '../../support/embedded-store';

// Missed check-ins escalate through the delivery engine: one card per manager and week listing
// who has missed two weeks in a row (not those away), and a Nudge that reaches a member at most
// once a week, with two workers racing for every job.
const T = '33333333-3333-3333-3333-333333333333';
const TEAM = 'esc';
const BOSS = 'esc-boss';
const [LATE, AWAY, FINE] = ['esc-late', 'esc-away', 'esc-fine'];
let store: TestStore;
let sim: ConnectorSimulator;
let clock = new Date('2026-11-23T00:05:00Z'); // Monday of 2026-W48
const logger = memoryLogger();

beforeAll(async () => {
  [store, sim] = await Promise.all([
    startTestStore(),
    startConnectorSimulator({ now: () => clock.getTime() }),
  ]);
  const s = store.stores;
  const now = '2026-11-09T00:00:00Z'; // joined at the start of 2026-W46
  await s.organizations.saveOrganization({
    tenantId: T,
    name: 'Org',
    fiscalStartMonth: 7,
    defaultTimeZone: 'UTC',
    createdAt: now,
    updatedAt: now,
  });
  await s.teams.saveTeam({
    tenantId: T,
    id: TEAM,
    name: 'Escalations',
    settings: { ...DEFAULT_TEAM_SETTINGS, timeZone: 'UTC' },
    createdAt: now,
    updatedAt: now,
  });
  const people: [string, TeamRole, Partial<TeamMember>][] = [
    [BOSS, 'manager', {}],
    [LATE, 'member', {}],
    [AWAY, 'member', { awayUntil: '2026-12-31' }],
    [FINE, 'member', {}],
  ];
  for (const [userId, role, extra] of people) {
    await s.teams.saveMember({
      tenantId: T,
      teamId: TEAM,
      userId,
      displayName: `Name ${userId}`,
      role,
      active: true,
      timeZone: 'UTC',
      joinedAt: now,
      updatedAt: now,
      ...extra,
    });
    await s.users.saveUser({
      tenantId: T,
      userId,
      displayName: `Name ${userId}`,
      teamIds: [TEAM],
      updatedAt: now,
      conversationReference: {
        serviceUrl: sim.url,
        channelId: 'msteams',
        conversation: { id: `${userId}-chat`, tenantId: T, conversationType: 'personal' },
        user: { id: userId },
        bot: { id: 'bot' },
      },
    });
    if (userId !== BOSS)
      await s.okrs.saveKeyResult(
        keyResult({
          tenantId: T,
          teamId: TEAM,
          id: `${userId}-kr`,
          ownerId: userId,
          title: `KR of ${userId}`,
          confidence: 'atRisk',
        }),
      );
  }
  // FINE checked in last week; LATE and AWAY did not check in for W46 or W47.
  await s.checkIns.saveCheckIn({
    tenantId: T,
    teamId: TEAM,
    userId: FINE,
    cycleId: 'FY2027-Q2',
    week: '2026-W47',
    updates: [],
    nothingChanged: true,
    submissionId: 'esc-fine-w47',
    submittedAt: '2026-11-16T10:00:00Z',
    updatedAt: '2026-11-16T10:00:00Z',
  });
}, 60_000);
afterAll(async () => {
  await sim?.stop();
  await store?.close();
});

function worker(owner: string) {
  const deps = { stores: store.stores, now: () => clock, newId: () => 'unused' };
  return new DeliveryWorker({
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
    content: (job) => new DeliveryContentResolver(deps, 0).contentFor(job),
    onConversationCreated: async () => undefined,
    onRecipientGone: async () => undefined,
    now: () => clock,
    logger,
    owner,
    random: () => 0.5,
  });
}

const cardsTo = (userId: string) =>
  sim.deliveries
    .filter((d) => d.conversationId === `${userId}-chat`)
    .map(
      (d) => (d.activity as { attachments?: { content?: unknown }[] }).attachments?.[0]?.content,
    );
const race = () => Promise.all([worker('A').tick(), worker('B').tick()]);

it('one card per manager and week lists who missed two weeks (not those away), with their at-risk key results', async () => {
  await planTeamWeek(store.stores, T, TEAM, clock);
  await planTeamWeek(store.stores, T, TEAM, clock); // a second instance plans the same ids
  clock = new Date('2026-11-23T10:00:00Z');
  await race();
  await race();
  const boss = cardsTo(BOSS);
  expect(boss).toHaveLength(1);
  expect(cardProblems(boss[0])).toEqual([]);
  const text = JSON.stringify(boss[0]);
  expect(text).toContain(`Name ${LATE}`);
  expect(text).toContain('missed 2 weeks in a row');
  expect(text).toContain(`KR of ${LATE}`);
  expect(text).not.toContain(`Name ${AWAY}`);
  expect(text).not.toContain(`Name ${FINE}`);
  // Away: no weekly card either (and no reminder later).
  expect(cardsTo(AWAY)).toEqual([]);
  const jobs = await store.stores.deliveries.listJobsForWeek(T, TEAM, '2026-W48');
  expect(jobs.filter((j) => j.kind === 'missedCheckIns').map((j) => j.status)).toEqual(['sent']);
  expect(jobs.find((j) => j.userId === AWAY && j.kind === 'checkIn')?.lastError).toBe('away');
});

it('a nudge reaches the member once a week however often managers press it; none for members away', async () => {
  const ctx = await resolveMemberContext(store.stores, T, BOSS, clock, TEAM);
  if (!ctx) throw new Error('no manager context');
  const before = cardsTo(LATE).length;
  const presses = await Promise.all(
    [1, 2, 3].map(() => nudgeMember(store.stores, ctx, LATE, clock)),
  );
  expect(presses.map((p) => p.ok && p.value.queued).filter(Boolean)).toHaveLength(1);
  const away = await nudgeMember(store.stores, ctx, AWAY, clock);
  expect(away.ok).toBe(false);
  await race();
  await race();
  const nudges = cardsTo(LATE).slice(before);
  expect(nudges).toHaveLength(1);
  expect(cardProblems(nudges[0])).toEqual([]);
  expect(JSON.stringify(nudges[0])).toContain('A quick check-in');
  expect(cardsTo(AWAY)).toEqual([]);
  // A member cannot nudge.
  const member = await resolveMemberContext(store.stores, T, FINE, clock, TEAM);
  if (!member) throw new Error('no member context');
  expect((await nudgeMember(store.stores, member, LATE, clock)).ok).toBe(false);
});

it('a member marks themselves away; only owners and managers mark someone else; back with null', async () => {
  const s = store.stores;
  const at = new Date('2026-11-23T12:00:00Z');
  const self = await setAway(s.teams, { tenantId: T, userId: LATE }, TEAM, LATE, '2026-12-04', at);
  expect(self.ok && self.value.awayUntil).toBe('2026-12-04');
  const other = await setAway(s.teams, { tenantId: T, userId: FINE }, TEAM, LATE, null, at);
  expect(other.ok || other.error.code).toBe(API_ERROR_CODES.forbidden);
  const foreign = await setAway(s.teams, { tenantId: 'x', userId: BOSS }, TEAM, LATE, null, at);
  expect(foreign.ok || foreign.error.code).toBe(API_ERROR_CODES.notFound);
  // Away now: no nudge.
  const ctx = await resolveMemberContext(s, T, BOSS, at, TEAM);
  expect((await nudgeMember(s, ctx!, LATE, at)).ok).toBe(false);
  const back = await setAway(s.teams, { tenantId: T, userId: BOSS }, TEAM, LATE, null, at);
  expect(back.ok && back.value.awayUntil).toBeUndefined();
});
