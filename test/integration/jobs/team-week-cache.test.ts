import type { DeliveryJob } from '../../../bot/src/features/common/delivery-ports';
import {
  DeliveryContentResolver,
  WEEK_CACHE_MS_PER_MEMBER,
} from '../../../bot/src/features/delivery/delivery-content';
import { startTestStore, type TestStore } from '../../support/embedded-store';
import { seedTeam } from '../../support/seed-team';

// A team's week (members, key results, check-ins: one query) is shared by its cards. A large
// team's is kept for as long as its cards take at Teams' rate, so that a 10,000-member team is not
// read again every few seconds of its weekly send; a small team's is kept `cacheMs`.
const T = '33333333-3333-3333-3333-333333333333';
const NOW = new Date('2026-11-23T10:00:00Z');
const LARGE = 300; // kept 300 × 20 ms = 6 s, beyond the 5 s of a small team
let store: TestStore;

beforeAll(async () => {
  store = await startTestStore();
  const at = NOW.toISOString();
  await seedTeam(store.stores, {
    tenantId: T,
    teamId: 'large',
    at,
    people: Array.from({ length: LARGE }, (_, i) => ({ userId: `l${i}` })),
  });
  await store.stores.teams.saveTeam({
    ...(await store.stores.teams.getTeam(T, 'large'))!.value,
    id: 'small',
    name: 'Small',
  });
  for (const userId of ['s0', 's1', 's2'])
    await store.stores.teams.saveMember({
      tenantId: T,
      teamId: 'small',
      userId,
      displayName: userId,
      role: 'member',
      active: true,
      joinedAt: at,
      updatedAt: at,
    });
});
afterAll(async () => {
  jest.restoreAllMocks();
  await store?.close();
});

const job = (teamId: string, userId: string): DeliveryJob => ({
  tenantId: T,
  teamId,
  id: `job-${teamId}-${userId}`,
  kind: 'checkIn',
  userId,
  cycleId: 'FY2027-Q2',
  week: '2026-W48',
  dueAt: NOW.toISOString(),
  notBefore: NOW.toISOString(),
  status: 'pending',
  attempts: 0,
});

it("keeps a large team's week for as long as its cards take at Teams' rate", async () => {
  expect(LARGE * WEEK_CACHE_MS_PER_MEMBER).toBe(6_000);
  const real = Date.now;
  const start = real();
  let offset = 0;
  jest.spyOn(Date, 'now').mockImplementation(() => start + offset);
  const resolver = new DeliveryContentResolver(
    { stores: store.stores, now: () => NOW, newId: () => 'id' },
    5_000,
  );
  /** Team-partition queries of one card's content (the week's two, or none from the cache). */
  const queriesFor = async (teamId: string, userId: string) => {
    store.counter.reset();
    await resolver.contentFor(job(teamId, userId));
    return store.counter.snapshot().singlePartitionQuery;
  };

  expect(await queriesFor('large', 'l0')).toBe(2);
  expect(await queriesFor('small', 's0')).toBe(2);
  offset = 5_500;
  // Past the small team's 5 s, within the large team's 6 s.
  expect(await queriesFor('small', 's1')).toBe(2);
  expect(await queriesFor('large', 'l1')).toBe(0);
  offset = 6_500;
  expect(await queriesFor('large', 'l2')).toBe(2);
});

it('reads the week for every card when the cache is off, however large the team', async () => {
  const resolver = new DeliveryContentResolver(
    { stores: store.stores, now: () => NOW, newId: () => 'id' },
    0,
  );
  for (const userId of ['l3', 'l4']) {
    store.counter.reset();
    await resolver.contentFor(job('large', userId));
    expect(store.counter.snapshot().singlePartitionQuery).toBe(2);
  }
});
