import { API_ERROR_CODES } from '@bearing/core';
import { checkInCardFor, submitCheckIn } from '../../../bot/src/features/check-in';
import { texts } from '../../support/cards';
import { getMeetingAgenda } from '../../../bot/src/features/alignment';
import { getMyOkrs } from '../../../bot/src/features/me';
import {
  getDecisionLog,
  recordDecision,
  resolveOpenItem,
  withdrawOpenItem,
} from '../../../bot/src/features/open-items';
import { resolveMemberContext } from '../../../bot/src/features/common';
import { keyResult } from '../../fixtures/okrs';
import { startTestStore, type TestStore } from '../../support/embedded-store';
import { seedTeam } from '../../support/seed-team';

// Blockers and decisions from check-ins, on the real (embedded) Cosmos store: they stay on the
// agenda across weeks until a manager resolves them, their author sees the outcome, and the
// decision log (and its CSV) keeps who decided what and when.
const T = '22222222-2222-2222-2222-222222222222';
const TEAM = 'loop-team';
const SAM = 'sam-manager';
const ALEX = 'alex-member';
const WEEK1 = new Date('2026-11-23T10:00:00Z'); // 2026-W48
const WEEK2 = new Date('2026-11-30T10:00:00Z'); // 2026-W49
let store: TestStore;

beforeAll(async () => {
  store = await startTestStore();
  const s = store.stores;
  await seedTeam(s, {
    tenantId: T,
    teamId: TEAM,
    teamName: 'Loop',
    at: WEEK1.toISOString(),
    people: [
      { userId: SAM, displayName: 'Sam Manager', role: 'manager' },
      { userId: ALEX, displayName: 'Alex Member' },
    ],
  });
  await s.okrs.saveKeyResult(
    keyResult({ tenantId: T, teamId: TEAM, id: 'kr-alex', ownerId: ALEX, title: 'Ship v2' }),
  );
}, 60_000);
afterAll(async () => store?.close());

async function checkIn(
  at: Date,
  submissionId: string,
  texts: { blockers?: string; decisionNeeded?: string },
) {
  const ctx = await resolveMemberContext(store.stores, T, ALEX, at, TEAM);
  if (!ctx) throw new Error('no member context');
  const result = await submitCheckIn(
    store.stores,
    ctx,
    {
      teamId: TEAM,
      cycleId: ctx.cycle.id,
      week: ctx.week,
      submissionId,
      nothingChanged: false,
      updates: [{ keyResultId: 'kr-alex', value: 31, confidence: 'atRisk' }],
      ...texts,
    },
    at.toISOString(),
  );
  expect(result.ok).toBe(true);
}

const agenda = async (at: Date) => {
  const r = await getMeetingAgenda(store.stores, { tenantId: T, userId: SAM }, TEAM, at);
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
};

it('a week-1 blocker stays on the week-2 agenda until a manager resolves it; its author sees the outcome; the log keeps it', async () => {
  await checkIn(WEEK1, 'loop-week1-a', { blockers: 'Waiting for the API key' });
  // Editing the check-in (a new submission) rewords the item, never duplicates it.
  await checkIn(new Date(WEEK1.getTime() + 60_000), 'loop-week1-b', {
    blockers: 'Waiting for the API key from IT',
  });
  const first = await agenda(WEEK1);
  expect(first.openItems.map((i) => [i.kind, i.text, i.isNew])).toEqual([
    ['blocker', 'Waiting for the API key from IT', true],
  ]);

  const week2 = await agenda(WEEK2);
  expect(week2.openItems).toHaveLength(1);
  const item = week2.openItems[0];
  expect(item).toMatchObject({
    ageWeeks: 1,
    isNew: false,
    status: 'open',
    createdWeek: '2026-W48',
  });
  expect(item?.author.displayName).toBe('Alex Member');
  expect(item?.keyResults.map((k) => k.title)).toEqual(['Ship v2']);
  expect(week2.blockers.map((b) => b.text)).toEqual(['Waiting for the API key from IT']);
  expect(week2.notCheckedIn.map((p) => p.displayName)).toEqual(['Alex Member', 'Sam Manager']);

  // A member may not resolve; the manager may, once.
  const id = item?.id as string;
  const byMember = await resolveOpenItem(
    store.stores,
    { tenantId: T, userId: ALEX },
    TEAM,
    id,
    undefined,
    WEEK2,
  );
  expect(byMember.ok || byMember.error.code).toBe(API_ERROR_CODES.forbidden);
  const resolved = await resolveOpenItem(
    store.stores,
    { tenantId: T, userId: SAM },
    TEAM,
    id,
    'IT sent the key',
    WEEK2,
  );
  expect(resolved.ok && resolved.value.resolution).toMatchObject({
    outcome: 'resolved',
    text: 'IT sent the key',
    by: { userId: SAM, displayName: 'Sam Manager' },
  });
  const again = await resolveOpenItem(
    store.stores,
    { tenantId: T, userId: SAM },
    TEAM,
    id,
    undefined,
    WEEK2,
  );
  expect(again.ok || again.error.code).toBe(API_ERROR_CODES.conflict);

  expect((await agenda(WEEK2)).openItems).toEqual([]);
  // A replay of the week-1 check-in does not bring it back.
  await checkIn(new Date(WEEK1.getTime() + 60_000), 'loop-week1-b', {
    blockers: 'Waiting for the API key from IT',
  });
  expect((await agenda(WEEK2)).openItems).toEqual([]);

  const mine = await getMyOkrs(store.stores, { tenantId: T, userId: ALEX }, WEEK2);
  const items = mine.ok ? mine.value.teams[0]?.openItems : [];
  expect(
    items?.map((i) => [i.status, i.resolution?.outcome, i.resolution?.by.displayName]),
  ).toEqual([['resolved', 'resolved', 'Sam Manager']]);

  // …and on their next check-in card.
  const ctx = await resolveMemberContext(store.stores, T, ALEX, WEEK2, TEAM);
  const card = await checkInCardFor(
    { stores: store.stores, now: () => WEEK2, newId: () => 'c-1' },
    ctx!,
  );
  expect(texts(card).join('\n')).toContain('Resolved by Sam Manager: IT sent the key');

  const log = await getDecisionLog(
    store.stores,
    { tenantId: T, userId: ALEX },
    TEAM,
    { format: 'json' },
    WEEK2,
  );
  expect(log.ok && log.value.format === 'json' && log.value.body.items.map((i) => i.id)).toEqual([
    id,
  ]);
  const csv = await getDecisionLog(
    store.stores,
    { tenantId: T, userId: ALEX },
    TEAM,
    { format: 'csv' },
    WEEK2,
  );
  if (!csv.ok || csv.value.format !== 'csv') throw new Error('no csv');
  const lines = csv.value.body.trim().split('\r\n');
  expect(lines[0]).toBe(
    'id,kind,status,outcome,raised_week,raised_by,text,key_results,decision_or_note,closed_by,closed_at',
  );
  expect(lines[1]).toContain(
    `${id},blocker,resolved,resolved,2026-W48,Alex Member,Waiting for the API key from IT,Ship v2,IT sent the key,Sam Manager,`,
  );
});

it('a decision recorded on the stage appears in the log with who and when', async () => {
  await checkIn(WEEK2, 'loop-week2-a', { decisionNeeded: 'Drop the Android build?' });
  const item = (await agenda(WEEK2)).openItems.find((i) => i.kind === 'decision');
  expect(item).toMatchObject({ isNew: true, ageWeeks: 0, text: 'Drop the Android build?' });
  const decidedAt = new Date(WEEK2.getTime() + 3600_000);
  const decided = await recordDecision(
    store.stores,
    { tenantId: T, userId: SAM },
    TEAM,
    item?.id as string,
    'Keep it until Q3',
    decidedAt,
  );
  expect(decided.ok).toBe(true);
  const log = await getDecisionLog(
    store.stores,
    { tenantId: T, userId: SAM },
    TEAM,
    { format: 'json', userId: SAM },
    decidedAt,
  );
  const entry =
    log.ok && log.value.format === 'json'
      ? log.value.body.items.find((i) => i.kind === 'decision')
      : undefined;
  expect(entry?.resolution).toEqual({
    outcome: 'decided',
    text: 'Keep it until Q3',
    by: { userId: SAM, displayName: 'Sam Manager' },
    at: decidedAt.toISOString(),
  });
  // Filtering by an objective none of its key results belong to leaves it out.
  const other = await getDecisionLog(
    store.stores,
    { tenantId: T, userId: SAM },
    TEAM,
    { format: 'json', objectiveId: 'no-such' },
    decidedAt,
  );
  expect(other.ok && other.value.format === 'json' && other.value.body.items).toEqual([]);
});

it('the author withdraws their own open item; nobody else can', async () => {
  await checkIn(WEEK2, 'loop-week2-b', {
    blockers: 'Laptop broken',
    decisionNeeded: 'Drop the Android build?',
  });
  const item = (await agenda(WEEK2)).openItems.find((i) => i.kind === 'blocker');
  const bySam = await withdrawOpenItem(
    store.stores,
    { tenantId: T, userId: SAM },
    TEAM,
    item?.id as string,
    WEEK2,
  );
  expect(bySam.ok || bySam.error.code).toBe(API_ERROR_CODES.forbidden);
  const other = await withdrawOpenItem(
    store.stores,
    { tenantId: 'other-tenant', userId: ALEX },
    TEAM,
    item?.id as string,
    WEEK2,
  );
  expect(other.ok || other.error.code).toBe(API_ERROR_CODES.notFound);
  const done = await withdrawOpenItem(
    store.stores,
    { tenantId: T, userId: ALEX },
    TEAM,
    item?.id as string,
    WEEK2,
  );
  expect(done.ok && done.value.resolution?.outcome).toBe('withdrawn');
  expect((await agenda(WEEK2)).openItems).toEqual([]);
});
