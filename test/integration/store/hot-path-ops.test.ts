import type { OperationKind } from '../../../bot/src/store/op-counter';
import { keyResult, objective, team } from '../../fixtures/okrs';
import { startTestStore, type TestStore } from '../../support/embedded-store';
import { getTeamView, teamAccess } from '../../../bot/src/app/team-view';
import { resolveMemberContext } from '../../../bot/src/app/member-context';
import { submitCheckIn } from '../../../bot/src/app/submit-check-in';

// Pins what each hot path costs in store operations and prints the table quoted in docs/data-model.md.
const A = '11111111-1111-1111-1111-111111111111';
const now = '2026-11-23T10:00:00.000Z';
let t: TestStore;
const rows: [string, Readonly<Record<OperationKind, number>>][] = [];

beforeAll(async () => {
  t = await startTestStore();
  const s = t.stores;
  await s.teams.saveTeam(team({ tenantId: A, id: 'hot' }));
  for (let i = 0; i < 8; i += 1) {
    await s.teams.saveMember({
      tenantId: A,
      teamId: 'hot',
      userId: `u${i}`,
      displayName: `U${i}`,
      role: 'member',
      active: true,
      joinedAt: now,
      updatedAt: now,
    });
  }
  await s.okrs.saveObjective(objective({ tenantId: A, teamId: 'hot' }));
  await s.okrs.saveKeyResult(keyResult({ tenantId: A, teamId: 'hot', id: 'k1', ownerId: 'u1' }));
  await s.okrs.saveKeyResult(keyResult({ tenantId: A, teamId: 'hot', id: 'k2', ownerId: 'u1' }));
});
afterAll(async () => {
  console.log(
    [
      '| hot path | point reads | point writes | single-partition queries | cross-partition queries |',
      '| --- | --- | --- | --- | --- |',
    ]
      .concat(
        rows.map(
          ([name, c]) =>
            `| ${name} | ${c.pointRead} | ${c.pointWrite} | ${c.singlePartitionQuery} | ${c.crossPartitionQuery} |`,
        ),
      )
      .join('\n'),
  );
  await t.close();
});

async function measure(name: string, run: () => Promise<unknown>) {
  t.counter.reset();
  await run();
  const counts = t.counter.snapshot();
  rows.push([name, counts]);
  return counts;
}

it('team view: one single-partition query for the team (+1 for company objectives)', async () => {
  const counts = await measure('team view (GET …/alignment)', async () => {
    expect(await teamAccess(t.stores, A, 'hot', 'u1')).toEqual({ kind: 'ok', role: 'member' });
    const view = await getTeamView(t.stores, A, 'hot', new Date(now), { cycleId: 'FY2027-Q2' });
    expect(view?.objectives[0]?.keyResults).toHaveLength(2);
  });
  // Point reads: the caller's membership, the organisation (cycle calendar), the team (time zone).
  expect(counts).toEqual({
    pointRead: 3,
    pointWrite: 0,
    singlePartitionQuery: 2,
    crossPartitionQuery: 0,
  });
});

it('check-in submit (the card’s use case): point reads and conditional point writes only', async () => {
  const s = t.stores;
  await s.users.saveUser({
    tenantId: A,
    userId: 'u2',
    displayName: 'U2',
    teamIds: ['hot'],
    updatedAt: now,
  });
  const cycleId = (await resolveMemberContext(s, A, 'u2', new Date(now), 'hot'))!.cycle.id;
  for (const id of ['k3', 'k4']) {
    await s.okrs.saveKeyResult(
      keyResult({ tenantId: A, teamId: 'hot', id, ownerId: 'u2', cycleId }),
    );
  }
  const counts = await measure('check-in submit (2 KRs)', async () => {
    const context = await resolveMemberContext(s, A, 'u2', new Date(now), 'hot');
    if (!context) throw new Error('u2 is not a member of the team');
    const result = await submitCheckIn(
      s,
      context,
      {
        teamId: 'hot',
        cycleId: context.cycle.id,
        week: context.week,
        submissionId: 'sub-hotpath1',
        nothingChanged: false,
        updates: ['k3', 'k4'].map((keyResultId) => ({
          keyResultId,
          value: 33,
          confidence: 'onTrack' as const,
        })),
      },
      now,
    );
    if (!result.ok) throw new Error(result.error.message);
  });
  // Member context (user, membership, team, organisation), the 2 submitted key results and the
  // week's check-in are point reads; then the check-in and each key result are conditional writes.
  expect(counts).toEqual({
    pointRead: 7,
    pointWrite: 3,
    singlePartitionQuery: 0,
    crossPartitionQuery: 0,
  });
});

it('weekly send planning: one single-partition query per team', async () => {
  const counts = await measure('weekly send planning (per team)', async () => {
    await t.stores.teams.getTeam(A, 'hot');
    await t.stores.teams.listMembers(A, 'hot');
  });
  expect(counts).toEqual({
    pointRead: 1,
    pointWrite: 0,
    singlePartitionQuery: 1,
    crossPartitionQuery: 0,
  });
});

it('my profile (/api/v1/me): point reads only', async () => {
  await t.stores.users.saveUser({
    tenantId: A,
    userId: 'u1',
    displayName: 'U1',
    teamIds: ['hot'],
    updatedAt: now,
  });
  const counts = await measure('my profile (1 team)', async () => {
    const user = await t.stores.users.getUser(A, 'u1');
    for (const teamId of user?.value.teamIds ?? []) {
      await t.stores.teams.getTeam(A, teamId);
      await t.stores.teams.getMember(A, teamId, 'u1');
    }
  });
  expect(counts).toEqual({
    pointRead: 3,
    pointWrite: 0,
    singlePartitionQuery: 0,
    crossPartitionQuery: 0,
  });
});
