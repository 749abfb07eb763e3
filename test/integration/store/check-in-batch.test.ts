import type { KeyResult } from '@bearing/core';
import { submitCheckIn } from '../../../bot/src/features/check-in';
import { resolveMemberContext, type OkrStore } from '../../../bot/src/features/common';
import { keyResult } from '../../fixtures/okrs';
import { startTestStore, type TestStore } from '../../support/embedded-store';
import { seedTeam } from '../../support/seed-team';

// The check-in and the key results it moves are one transactional batch. On the embedded store a
// batch runs in order and stops at its first failure without undoing what ran: when a key result
// changed between the submit's read and its batch, the check-in is stored and that key result is
// re-read and brought in line one by one (a later check-in's values win; a plain edit keeps its
// change and gets the check-in's value).
const T = '33333333-3333-3333-3333-333333333333';
const TEAM = 'batch-team';
const ALEX = 'alex-batch';
const AT = new Date('2026-11-23T10:00:00Z');
const IDS = ['kr-a', 'kr-b', 'kr-c'];
let store: TestStore;

beforeAll(async () => {
  store = await startTestStore();
  await seedTeam(store.stores, {
    tenantId: T,
    teamId: TEAM,
    at: AT.toISOString(),
    people: [{ userId: ALEX, displayName: 'Alex' }],
  });
}, 60_000);
afterAll(async () => store?.close());

/** Fresh key results for one test (ids suffixed), owned by Alex in the current quarter. */
async function seed(suffix: string): Promise<string[]> {
  const ids = IDS.map((id) => `${id}-${suffix}`);
  for (const id of ids)
    await store.stores.okrs.saveKeyResult(
      keyResult({
        tenantId: T,
        teamId: TEAM,
        id,
        ownerId: ALEX,
        current: 10,
        lastCheckInAt: '2026-11-01T00:00:00.000Z',
      }),
    );
  return ids;
}

/** Submits 20 for every key result; `meanwhile` runs between the submit's read and its write. */
async function submitWith(ids: string[], week: string, meanwhile: () => Promise<void>) {
  const okrs: OkrStore = Object.create(store.stores.okrs) as OkrStore;
  let once = false;
  okrs.getKeyResults = async (...args) => {
    const read = await store.stores.okrs.getKeyResults(...args);
    if (!once) {
      once = true;
      await meanwhile();
    }
    return read;
  };
  const ctx = (await resolveMemberContext(store.stores, T, ALEX, AT, TEAM))!;
  const result = await submitCheckIn(
    { ...store.stores, okrs },
    ctx,
    {
      teamId: TEAM,
      cycleId: ctx.cycle.id,
      week,
      submissionId: `batch-${week}`,
      nothingChanged: false,
      updates: ids.map((keyResultId) => ({
        keyResultId,
        value: 20,
        confidence: 'atRisk' as const,
      })),
    },
    AT.toISOString(),
  );
  expect(result.ok).toBe(true);
  const stored = await store.stores.okrs.getKeyResults(T, TEAM, ids);
  const checkIn = await store.stores.checkIns.getCheckIn(T, TEAM, ALEX, week);
  return { stored: stored.map((k) => k?.value as KeyResult), checkIn: checkIn?.value };
}

const edit = async (id: string, change: Partial<KeyResult>) => {
  const kr = (await store.stores.okrs.getKeyResult(T, TEAM, id))!;
  await store.stores.okrs.saveKeyResult({ ...kr.value, ...change }, kr.etag);
};

it('a key result renamed meanwhile: its rename stays, and every key result gets the check-in value', async () => {
  const ids = await seed('rename');
  const { stored, checkIn } = await submitWith(ids, '2026-W40', () =>
    edit(ids[1], { title: 'Renamed meanwhile' }),
  );
  expect(checkIn?.updates.map((u) => u.value)).toEqual([20, 20, 20]);
  expect(stored.map((k) => [k.current, k.confidence])).toEqual([
    [20, 'atRisk'],
    [20, 'atRisk'],
    [20, 'atRisk'],
  ]);
  expect(stored[1].title).toBe('Renamed meanwhile');
});

it('a key result checked in later meanwhile (another device): the later values win there only', async () => {
  const ids = await seed('later');
  const { stored, checkIn } = await submitWith(ids, '2026-W41', () =>
    edit(ids[0], {
      current: 33,
      confidence: 'offTrack',
      lastCheckInAt: '2026-12-31T00:00:00.000Z',
    }),
  );
  expect(checkIn?.updates).toHaveLength(3);
  expect(stored.map((k) => k.current)).toEqual([33, 20, 20]);
  expect(stored[0].confidence).toBe('offTrack');
});
