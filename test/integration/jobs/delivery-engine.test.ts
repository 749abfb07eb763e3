import { DEFAULT_TEAM_SETTINGS, type TeamMember } from '@bearing/core';
import type { DeliveryJob } from '../../../bot/src/features/common/delivery-ports';
import {
  deactivateTeamMember,
  rememberConversation,
} from '../../../bot/src/features/team/installation';
import { DeliveryContentResolver } from '../../../bot/src/features/delivery/delivery-content';
import { DeliveryWorker } from '../../../bot/src/features/delivery/delivery-worker';
import { planTeamWeek, sendCheckInsNow } from '../../../bot/src/features/delivery/planner';
import { Scheduler } from '../../../bot/src/features/delivery/scheduler';
import {
  SendRateLimiter,
  teamsTenantLimits,
} from '../../../bot/src/features/delivery/rate-limiter';
import { TeamsProactiveSender } from '../../../bot/src/teams/proactive-sender';
import {
  startConnectorSimulator,
  type ConnectorSimulator,
} from '../../../simulators/connector/simulator';
import { keyResult } from '../../fixtures/okrs';
import { memoryLogger, startTestStore, type TestStore } from '../../support/embedded-store';

const T = '11111111-1111-1111-1111-111111111111';
const MONDAY_10_UTC = new Date('2026-11-23T10:00:00Z');
let store: TestStore;
let sim: ConnectorSimulator;
let clock = MONDAY_10_UTC;
const logger = memoryLogger();

beforeAll(async () => {
  // The simulator counts its rate windows on the test clock, like the worker's limiter: real time
  // barely moves while the test clock jumps, so on real time it would throttle at random.
  [store, sim] = await Promise.all([
    startTestStore(),
    startConnectorSimulator({ now: () => clock.getTime() }),
  ]);
});
afterAll(async () => {
  await sim?.stop();
  await store?.close();
});

/** A team of `size` reachable members (1:1 conversations on the simulator), Monday 09:00 UTC. */
async function seedTeam(teamId: string, size: number): Promise<string[]> {
  const s = store.stores;
  const now = clock.toISOString();
  await s.organizations
    .saveOrganization({
      tenantId: T,
      name: 'Org',
      fiscalStartMonth: 7,
      defaultTimeZone: 'UTC',
      createdAt: now,
      updatedAt: now,
    })
    .catch(() => undefined);
  await s.teams.saveTeam({
    tenantId: T,
    id: teamId,
    name: teamId,
    settings: { ...DEFAULT_TEAM_SETTINGS, timeZone: 'UTC', digestDay: 1, digestTime: '09:30' },
    channelReference: {
      serviceUrl: sim.url,
      conversation: { id: `${teamId}-channel`, tenantId: T, conversationType: 'channel' },
      channelId: 'msteams',
      bot: { id: 'bot' },
    },
    createdAt: now,
    updatedAt: now,
  });
  const users: string[] = [];
  for (let i = 0; i < size; i += 1) {
    const userId = `${teamId}-u${i}`;
    users.push(userId);
    const member: TeamMember = {
      tenantId: T,
      teamId,
      userId,
      displayName: `User ${i}`,
      role: 'member',
      active: true,
      timeZone: 'UTC',
      joinedAt: now,
      updatedAt: now,
    };
    await s.teams.saveMember(member);
    await s.users.saveUser({
      tenantId: T,
      userId,
      displayName: `User ${i}`,
      teamIds: [teamId],
      updatedAt: now,
      conversationReference: {
        serviceUrl: sim.url,
        channelId: 'msteams',
        conversation: { id: `${userId}-chat`, tenantId: T, conversationType: 'personal' },
        user: { id: userId },
        bot: { id: 'bot' },
      },
    });
    await s.okrs.saveKeyResult(
      keyResult({ tenantId: T, teamId, id: `${userId}-kr`, ownerId: userId, cycleId: 'FY2027-Q2' }),
    );
  }
  return users;
}

function worker(
  owner: string,
  options: { leaseMs?: number; sendTimeoutMs?: number; perSecond?: number } = {},
) {
  const deps = { stores: store.stores, now: () => clock, newId: () => 'unused' };
  const { sendTimeoutMs, perSecond, ...rest } = options;
  return new DeliveryWorker({
    deliveries: store.stores.deliveries,
    sender: new TeamsProactiveSender(async () => undefined, true, sendTimeoutMs),
    // The limiter runs on the test clock: waiting for a slot moves time forward instead of sleeping.
    limiter: new SendRateLimiter(
      undefined,
      perSecond ? teamsTenantLimits(perSecond) : undefined,
      () => clock.getTime(),
      async (ms) => {
        clock = new Date(clock.getTime() + ms);
      },
    ),
    content: (job) => new DeliveryContentResolver(deps, 0).contentFor(job),
    onConversationCreated: async (job, reference) =>
      rememberConversation(
        store.stores,
        job.tenantId,
        job.userId as string,
        reference,
        clock.toISOString(),
      ),
    onRecipientGone: async (job) =>
      deactivateTeamMember(
        store.stores,
        job.tenantId,
        job.teamId,
        job.userId as string,
        clock.toISOString(),
      ),
    now: () => clock,
    logger,
    owner,
    random: () => 0.5,
    ...rest,
  });
}

/** How many cards each conversation whose id starts with `prefix` got since delivery `before`. */
function cardsPerConversation(before: number, prefix: string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const d of sim.deliveries.slice(before))
    if (d.conversationId.startsWith(prefix))
      counts.set(d.conversationId, (counts.get(d.conversationId) ?? 0) + 1);
  return counts;
}

const jobsOf = async (teamId: string) =>
  store.stores.deliveries.listJobsForWeek(T, teamId, '2026-W48');
const byKind = (jobs: readonly DeliveryJob[], kind: string) => jobs.filter((j) => j.kind === kind);

it('plans a check-in and a reminder per reachable member and one digest, idempotently', async () => {
  clock = new Date('2026-11-23T00:05:00Z'); // planned at the start of the week, as the timer does
  await seedTeam('plan', 3);
  expect(await planTeamWeek(store.stores, T, 'plan', clock)).toBe(7);
  expect(await planTeamWeek(store.stores, T, 'plan', clock)).toBe(0);
  const jobs = await jobsOf('plan');
  expect(byKind(jobs, 'checkIn').map((j) => j.dueAt)).toEqual(
    Array(3).fill('2026-11-23T09:00:00.000Z'),
  );
  expect(byKind(jobs, 'reminder').map((j) => j.dueAt)).toEqual(
    Array(3).fill('2026-11-24T09:00:00.000Z'),
  );
  expect(byKind(jobs, 'digest').map((j) => j.dueAt)).toEqual(['2026-11-23T09:30:00.000Z']);
});

it('two workers racing send every due card exactly once; reminders wait for their time', async () => {
  clock = MONDAY_10_UTC;
  const users = await seedTeam('race', 12);
  await planTeamWeek(store.stores, T, 'race', clock);
  const before = sim.deliveries.length;
  const [a, b] = await Promise.all([worker('A').tick(), worker('B').tick()]);
  const mine = sim.deliveries.slice(before).filter((d) => d.conversationId.startsWith('race-'));
  const counts = new Map<string, number>();
  for (const d of mine) counts.set(d.conversationId, (counts.get(d.conversationId) ?? 0) + 1);
  expect([...counts.keys()].sort()).toEqual(
    [...users.map((u) => `${u}-chat`), 'race-channel'].sort(),
  );
  expect([...counts.values()].every((n) => n === 1)).toBe(true);
  expect(a.lostLeases + b.lostLeases).toBe(0);
  const jobs = await jobsOf('race');
  expect(byKind(jobs, 'digest').map((j) => j.status)).toEqual(['sent']);
  expect(byKind(jobs, 'checkIn').every((j) => j.status === 'sent')).toBe(true);
  expect(byKind(jobs, 'reminder').every((j) => j.status === 'pending')).toBe(true);
  expect((await worker('C').tick()).sent).toBe(0);
});

it('sends the reminder only to members who have not checked in', async () => {
  clock = MONDAY_10_UTC;
  const [done, notDone] = await seedTeam('remind', 2);
  await planTeamWeek(store.stores, T, 'remind', clock);
  await worker('A').tick();
  await store.stores.checkIns.saveCheckIn({
    tenantId: T,
    teamId: 'remind',
    userId: done,
    cycleId: 'FY2027-Q2',
    week: '2026-W48',
    updates: [],
    nothingChanged: true,
    submissionId: 'sub-remind-1',
    submittedAt: clock.toISOString(),
    updatedAt: clock.toISOString(),
  });
  clock = new Date('2026-11-24T10:05:00Z');
  const before = sim.deliveries.length;
  await worker('A').tick();
  expect(
    sim.deliveries
      .slice(before)
      .map((d) => d.conversationId)
      .filter((c) => c.startsWith('remind-')),
  ).toEqual([`${notDone}-chat`]);
  const reminders = byKind(await jobsOf('remind'), 'reminder');
  expect(reminders.find((j) => j.userId === done)).toMatchObject({
    status: 'skipped',
    lastError: 'already checked in',
  });
});

it('honours Retry-After, retries 5xx with backoff, and stops delivering to blocked or removed users', async () => {
  clock = MONDAY_10_UTC;
  const [throttled, flaky, blocked, removed] = await seedTeam('faults', 4);
  sim.inject(`${throttled}-chat`, { kind: 'throttle', retryAfterSeconds: 30, times: 1 });
  sim.inject(`${flaky}-chat`, { kind: 'status', status: 502, times: 1 });
  sim.inject(`${blocked}-chat`, { kind: 'blocked' });
  sim.inject(`${removed}-chat`, { kind: 'notFound' });
  await planTeamWeek(store.stores, T, 'faults', clock);
  await worker('A').tick();
  const checkIns = () => jobsOf('faults').then((jobs) => byKind(jobs, 'checkIn'));
  const job = async (u: string) => (await checkIns()).find((j) => j.userId === u) as DeliveryJob;
  // Retry-After: 30 counts from the 429 (the test clock moves a little as the limiter spaces sends).
  const throttledJob = await job(throttled);
  expect(throttledJob).toMatchObject({ status: 'pending', attempts: 1 });
  expect(throttledJob.notBefore >= '2026-11-23T10:00:30.000Z').toBe(true);
  expect(throttledJob.notBefore < '2026-11-23T10:00:31.000Z').toBe(true);
  expect(await job(flaky)).toMatchObject({
    status: 'pending',
    attempts: 1,
    lastError: 'connector error (502)',
  });
  expect(await job(blocked)).toMatchObject({
    status: 'failed',
    lastError: 'blocked by the user (403)',
  });
  expect(await job(removed)).toMatchObject({
    status: 'failed',
    lastError: 'conversation not found (404)',
  });
  expect((await store.stores.teams.getMember(T, 'faults', blocked))?.value.active).toBe(false);
  expect((await store.stores.teams.getMember(T, 'faults', removed))?.value.active).toBe(false);

  clock = new Date('2026-11-23T10:01:00Z');
  await worker('A').tick();
  expect((await job(throttled)).status).toBe('sent');
  expect((await job(flaky)).status).toBe('sent');
  // The deactivated members get no reminder.
  clock = new Date('2026-11-24T10:05:00Z');
  await worker('A').tick();
  const reminders = byKind(await jobsOf('faults'), 'reminder');
  expect(
    reminders.filter((j) => j.userId === blocked || j.userId === removed).map((j) => j.status),
  ).toEqual(['skipped', 'skipped']);
});

it('a send that hangs times out and is retried with backoff, then delivered once', async () => {
  clock = MONDAY_10_UTC;
  const [u] = await seedTeam('hang', 1);
  sim.inject(`${u}-chat`, { kind: 'hang', ms: 2_000, times: 1 });
  await planTeamWeek(store.stores, T, 'hang', clock);
  await worker('A', { sendTimeoutMs: 300 }).tick();
  const job = async () => byKind(await jobsOf('hang'), 'checkIn')[0] as DeliveryJob;
  expect(await job()).toMatchObject({ status: 'pending', attempts: 1, lastError: 'timeout' });
  clock = new Date(clock.getTime() + 60_000);
  await worker('A', { sendTimeoutMs: 300 }).tick();
  expect(await job()).toMatchObject({ status: 'sent' });
  expect(sim.deliveries.filter((d) => d.conversationId === `${u}-chat`)).toHaveLength(1);
});

it('a 500 after Teams already delivered is retried: the one duplicate the protocol allows', async () => {
  clock = MONDAY_10_UTC;
  const [u] = await seedTeam('dup', 1);
  sim.inject(`${u}-chat`, { kind: 'deliverThen500', times: 1 });
  await planTeamWeek(store.stores, T, 'dup', clock);
  await worker('A').tick();
  clock = new Date(clock.getTime() + 60_000);
  await worker('A').tick();
  // Teams gives no idempotency key for proactive sends: a 5xx after delivery means one repeat,
  // recorded as such, and never more than one.
  expect(sim.deliveries.filter((d) => d.conversationId === `${u}-chat`)).toHaveLength(2);
  const [job] = byKind(await jobsOf('dup'), 'checkIn');
  expect(job).toMatchObject({ status: 'sent', attempts: 1, lastError: 'connector error (500)' });
  clock = new Date(clock.getTime() + 60_000);
  await worker('A').tick();
  expect(sim.deliveries.filter((d) => d.conversationId === `${u}-chat`)).toHaveLength(2);
});

it('gives up after the last attempt and records why', async () => {
  clock = MONDAY_10_UTC;
  const [u] = await seedTeam('giveup', 1);
  sim.inject(`${u}-chat`, { kind: 'status', status: 503, times: 99 });
  await planTeamWeek(store.stores, T, 'giveup', clock);
  for (let i = 0; i < 6; i += 1) {
    await worker('A').tick();
    clock = new Date(clock.getTime() + 10 * 60_000);
  }
  const [job] = byKind(await jobsOf('giveup'), 'checkIn');
  expect(job).toMatchObject({ status: 'failed', attempts: 5, lastError: 'connector error (503)' });
  // One log line per give-up: the delivery-failure alert (infra/modules/alerts.bicep) counts them.
  const gaveUp = logger.lines.filter((l) => l.startsWith('warn delivery gave up '));
  expect(gaveUp.filter((l) => l.includes(job!.id))).toEqual([
    `warn delivery gave up ${JSON.stringify({ tenantId: T, job: job!.id, kind: 'checkIn', attempts: 5, reason: 'connector error (503)' })}`,
  ]);
});

it('picks up a crashed worker’s job after its lease expires, not before', async () => {
  clock = MONDAY_10_UTC;
  const [u] = await seedTeam('crash', 1);
  await planTeamWeek(store.stores, T, 'crash', clock);
  const [due] = (
    await store.stores.deliveries.listDueJobs(T, 'crash', clock.toISOString(), 10)
  ).filter((j) => j.value.kind === 'checkIn');
  // A worker claimed the job and died before sending.
  await store.stores.deliveries.saveJob(
    {
      ...due.value,
      leaseOwner: 'dead',
      leaseUntil: '2026-11-23T10:01:00.000Z',
      notBefore: '2026-11-23T10:01:00.000Z',
    },
    due.etag,
  );
  const before = sim.deliveries.length;
  await worker('B').tick();
  expect(sim.deliveries.slice(before).filter((d) => d.conversationId === `${u}-chat`)).toHaveLength(
    0,
  );
  clock = new Date('2026-11-23T10:01:01Z');
  await worker('B').tick();
  expect(sim.deliveries.slice(before).filter((d) => d.conversationId === `${u}-chat`)).toHaveLength(
    1,
  );
});

it('opens a 1:1 chat from the team roster for members who never wrote to the bot, once', async () => {
  clock = MONDAY_10_UTC;
  const [u] = await seedTeam('roster', 1);
  const profile = await store.stores.users.getUser(T, u);
  const { conversationReference: _drop, ...rest } = profile!.value;
  void _drop;
  await store.stores.users.saveUser({ ...rest, teamsUserId: `29:${u}` }, profile!.etag);
  await planTeamWeek(store.stores, T, 'roster', clock);
  const created = sim.stats.conversationsCreated;
  await worker('A').tick();
  expect(sim.stats.conversationsCreated).toBe(created + 1);
  expect(sim.deliveries.filter((d) => d.conversationId === `a:1on1-29:${u}`)).toHaveLength(1);
  const stored = await store.stores.users.getUser(T, u);
  expect(stored?.value.conversationReference).toMatchObject({
    conversation: { id: `a:1on1-29:${u}` },
  });
  // The reminder reuses the stored chat instead of opening another.
  clock = new Date('2026-11-24T10:05:00Z');
  await worker('A').tick();
  expect(sim.stats.conversationsCreated).toBe(created + 1);
  expect(sim.deliveries.filter((d) => d.conversationId === `a:1on1-29:${u}`)).toHaveLength(2);
});

it('finds due jobs of every team in one query, leaving out leased, later and finished ones', async () => {
  clock = MONDAY_10_UTC;
  await seedTeam('across-1', 2);
  await seedTeam('across-2', 2);
  await planTeamWeek(store.stores, T, 'across-1', clock);
  await planTeamWeek(store.stores, T, 'across-2', clock);
  const deliveries = store.stores.deliveries;
  const mine = async () =>
    (await deliveries.listDueJobsAcrossTeams(clock.toISOString(), 500))
      .map((j) => j.value)
      .filter((j) => j.teamId.startsWith('across-'));
  const due = await mine();
  // Two check-ins and a digest per team; the reminders are due tomorrow.
  expect(due.map((j) => `${j.teamId}/${j.kind}`).sort()).toEqual([
    'across-1/checkIn',
    'across-1/checkIn',
    'across-1/digest',
    'across-2/checkIn',
    'across-2/checkIn',
    'across-2/digest',
  ]);
  // A leased job and a sent one are not due.
  const [leased, sent] = await Promise.all(
    due
      .filter((j) => j.kind === 'checkIn' && j.teamId === 'across-1')
      .map((j) => deliveries.getJob(T, j.teamId, j.id)),
  );
  await deliveries.saveJob(
    { ...leased!.value, leaseOwner: 'X', notBefore: '2026-11-23T10:01:00.000Z' },
    leased!.etag,
  );
  await deliveries.saveJob({ ...sent!.value, status: 'sent' }, sent!.etag);
  const after = await mine();
  expect(after).toHaveLength(4);
  expect(after.map((j) => j.id)).not.toContain(leased!.value.id);
  expect(after.map((j) => j.id)).not.toContain(sent!.value.id);
  expect((await deliveries.listDueJobsAcrossTeams(clock.toISOString(), 1)).length).toBe(1);
});

it('two workers fetching small batches as they go send every job of several teams once', async () => {
  clock = MONDAY_10_UTC;
  const teams = ['batch-1', 'batch-2', 'batch-3'];
  const users: string[] = [];
  for (const t of teams) {
    users.push(...(await seedTeam(t, 3)));
    await planTeamWeek(store.stores, T, t, clock);
  }
  const before = sim.deliveries.length;
  // Batches of 2 while 12 jobs are due: each worker refills its queue several times in one tick.
  const [a, b] = await Promise.all([worker('A').tick(2), worker('B').tick(2)]);
  const counts = cardsPerConversation(before, 'batch-');
  expect([...counts.keys()].sort()).toEqual(
    [...users.map((u) => `${u}-chat`), ...teams.map((t) => `${t}-channel`)].sort(),
  );
  expect([...counts.values()].every((n) => n === 1)).toBe(true);
  expect(a.sent + b.sent).toBeGreaterThanOrEqual(12);
  expect(a.lostLeases + b.lostLeases).toBe(0);
  for (const t of teams) {
    const jobs = await jobsOf(t);
    expect(jobs.filter((j) => j.kind !== 'reminder').every((j) => j.status === 'sent')).toBe(true);
  }
});

it('a tick takes at most maxPerTick jobs and says more are due; the next tick goes on', async () => {
  clock = MONDAY_10_UTC;
  const users = await seedTeam('capped', 5);
  await planTeamWeek(store.stores, T, 'capped', clock);
  const before = sim.deliveries.length;
  const ticks = [];
  // Five cards and the digest are due: passes of at most 2 jobs (fetched 1 at a time).
  for (let i = 0; i < 10; i += 1) {
    const r = await worker('A').tick(1, 2);
    ticks.push(r);
    if (!r.more) break;
  }
  const taken = ticks.map((r) => r.sent + r.skipped + r.retried + r.failed + r.lostLeases);
  expect(Math.max(...taken)).toBeLessThanOrEqual(2);
  expect(ticks.length).toBeGreaterThanOrEqual(3);
  expect(ticks.slice(0, -1).every((r) => r.more)).toBe(true);
  expect(ticks[ticks.length - 1].more).toBe(false);
  const counts = cardsPerConversation(before, 'capped-');
  expect([...counts.keys()].sort()).toEqual(
    [...users.map((u) => `${u}-chat`), 'capped-channel'].sort(),
  );
  expect([...counts.values()].every((n) => n === 1)).toBe(true);
});

it('passes back to back: the next one lists due jobs before the last one has sent its last card', async () => {
  // A week later: the simulator's tenant window around Monday 10:00 holds the other tests' sends
  // (what they left due that week is sent too).
  clock = new Date(MONDAY_10_UTC.getTime() + 7 * 86_400_000);
  const users = await seedTeam('overlap', 5);
  await planTeamWeek(store.stores, T, 'overlap', clock);
  const before = sim.deliveries.length;
  // Passes of at most 2 jobs (fetched 1 at a time): how many cards had gone when each listed.
  const a = worker('A');
  const tick = a.tick.bind(a);
  const listedAt: number[] = [];
  const sentBy: number[] = [];
  const taken: number[] = [];
  a.tick = async (_limit, _max, onAllTaken) => {
    listedAt.push(sim.deliveries.length - before);
    const r = await tick(1, 2, onAllTaken);
    sentBy.push(r.sent);
    taken.push(r.sent + r.skipped + r.retried + r.failed + r.lostLeases);
    return r;
  };
  const total = await new Scheduler(store.stores, a, logger, () => clock).deliverDue();
  expect(taken.length).toBeGreaterThanOrEqual(3);
  expect(Math.max(...taken)).toBeLessThanOrEqual(2);
  // One after another, pass k + 1 would list once the cards of passes 1..k had all gone.
  const sentBefore = sentBy.map((_, k) => sentBy.slice(0, k + 1).reduce((x, y) => x + y, 0));
  expect(listedAt.slice(1).some((n, k) => n < sentBefore[k])).toBe(true);
  expect(total.sent).toBe(sim.deliveries.length - before);
  const counts = cardsPerConversation(before, 'overlap-');
  expect([...counts.keys()].sort()).toEqual(
    [...users.map((u) => `${u}-chat`), 'overlap-channel'].sort(),
  );
  expect([...counts.values()].every((n) => n === 1)).toBe(true);
});

it('hands a job back unsent when waiting for its slot took half its lease', async () => {
  clock = MONDAY_10_UTC;
  const users = await seedTeam('slow', 3);
  await planTeamWeek(store.stores, T, 'slow', clock);
  const before = sim.deliveries.length;
  // One send per 2 s against leases of 3 s: a job whose slot comes after 1.5 s is not sent on it.
  const first = await worker('A', { leaseMs: 3_000, perSecond: 0.5 }).tick();
  expect(first.retried).toBeGreaterThan(0);
  for (let i = 0; i < 10; i += 1) {
    clock = new Date(clock.getTime() + 3_000);
    if ((await worker('A', { leaseMs: 3_000, perSecond: 0.5 }).tick(1, 1)).sent === 0) break;
  }
  const counts = cardsPerConversation(before, 'slow-');
  expect([...counts.keys()].sort()).toEqual(
    [...users.map((u) => `${u}-chat`), 'slow-channel'].sort(),
  );
  expect([...counts.values()].every((n) => n === 1)).toBe(true);
  const jobs = byKind(await jobsOf('slow'), 'checkIn');
  expect(jobs.every((j) => j.status === 'sent' && j.attempts === 0)).toBe(true);
});

/**
 * Ticks until the team's check-in cards are out. The simulator's per-tenant window runs on real
 * time while the workers run on the test clock, so after the tests above it may answer 429 with
 * Retry-After: wait that long for real, move the test clock as far, and tick again.
 */
async function tickUntilSent(teamId: string): Promise<void> {
  for (let i = 0; i < 10; i += 1) {
    await worker('A').tick();
    const waiting = byKind(await jobsOf(teamId), 'checkIn').filter((j) => j.status === 'pending');
    if (waiting.length === 0) return;
    const ms = Math.max(...waiting.map((j) => Date.parse(j.notBefore) - clock.getTime()), 0);
    await new Promise((r) => setTimeout(r, ms));
    clock = new Date(clock.getTime() + ms);
  }
}

// Planned late or started by hand (these leave jobs of other weeks behind, so they run last).
describe('late planning and "send check-ins"', () => {
  it('planned after the check-in time, the reminder still comes a full offset after the card', async () => {
    clock = MONDAY_10_UTC;
    await seedTeam('late', 1);
    await planTeamWeek(store.stores, T, 'late', clock);
    const jobs = await jobsOf('late');
    expect(byKind(jobs, 'checkIn').map((j) => j.dueAt)).toEqual(['2026-11-23T09:00:00.000Z']);
    expect(byKind(jobs, 'reminder').map((j) => j.dueAt)).toEqual(['2026-11-24T10:00:00.000Z']);
  });

  it('does not send a week’s card out of the blue days after its time (team installed mid-week)', async () => {
    clock = new Date('2026-11-26T15:00:00Z'); // Thursday; the check-in was Monday 09:00
    await seedTeam('midweek', 2);
    expect(await planTeamWeek(store.stores, T, 'midweek', clock)).toBe(0);
    expect(await jobsOf('midweek')).toEqual([]);
  });

  it('"send check-ins" starts the week now for everyone, once, and the schedule later adds nothing', async () => {
    clock = new Date('2026-11-26T15:00:00Z');
    const users = await seedTeam('now', 3);
    expect(await sendCheckInsNow(store.stores, T, 'now', clock)).toEqual({
      queued: 3,
      alreadyDone: 0,
      unreachable: 0,
    });
    const before = sim.deliveries.length;
    await tickUntilSent('now');
    const sent = () =>
      sim.deliveries
        .slice(before)
        .map((d) => d.conversationId)
        .filter((c) => c.startsWith('now-'))
        .sort();
    expect(sent()).toEqual(users.map((u) => `${u}-chat`).sort());
    const reminders = byKind(await jobsOf('now'), 'reminder');
    expect(reminders.map((j) => j.dueAt)).toEqual(Array(3).fill('2026-11-27T15:00:00.000Z'));
    // Asking again, and the regular planning, send nothing more.
    expect(await sendCheckInsNow(store.stores, T, 'now', clock)).toEqual({
      queued: 0,
      alreadyDone: 3,
      unreachable: 0,
    });
    expect(await planTeamWeek(store.stores, T, 'now', clock)).toBe(0);
    await worker('B').tick();
    expect(sent()).toHaveLength(3);
  });

  it('"send check-ins" before the scheduled time pulls the planned cards forward', async () => {
    clock = new Date('2026-11-23T00:05:00Z');
    const users = await seedTeam('early', 2);
    await planTeamWeek(store.stores, T, 'early', clock);
    clock = new Date('2026-11-23T07:00:00Z');
    expect(await sendCheckInsNow(store.stores, T, 'early', clock)).toMatchObject({ queued: 2 });
    const before = sim.deliveries.length;
    await tickUntilSent('early');
    expect(
      sim.deliveries
        .slice(before)
        .map((d) => d.conversationId)
        .filter((c) => c.startsWith('early-'))
        .sort(),
    ).toEqual(users.map((u) => `${u}-chat`).sort());
    clock = new Date('2026-11-23T09:01:00Z');
    const again = sim.deliveries.length;
    await worker('A').tick();
    expect(
      sim.deliveries.slice(again).filter((d) => d.conversationId.startsWith('early-')),
    ).toEqual([]);
  });
});
