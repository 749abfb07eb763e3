import type { TeamMember } from '@bearing/core';
import type { TeamStore } from '../../../bot/src/features/common/ports';
import { removeTeamMember, setMemberRole } from '../../../bot/src/features/team/team-roles';
import { addTeamMember, registerTeam } from '../../../bot/src/features/team/installation';
import { startTestStore, type TestStore } from '../../support/embedded-store';

// The "never without an owner" rule against the real store, including two owners stepping down
// at the same moment (both have read two owners before either writes).
const T = '22222222-2222-4222-8222-222222222222';
const now = new Date('2026-11-22T12:00:00.000Z');
let t: TestStore;
beforeAll(async () => {
  t = await startTestStore();
});
afterAll(async () => t.close());

async function team(id: string, people: [string, TeamMember['role']][]) {
  await registerTeam(t.stores, T, { id, name: id }, { conversation: { id } }, now.toISOString());
  for (const [i, [userId, role]] of people.entries()) {
    // Joined one minute apart, in the order given.
    await addTeamMember(
      t.stores,
      T,
      id,
      { userId, name: userId },
      new Date(now.getTime() + i * 60_000).toISOString(),
    );
    const m = await t.stores.teams.getMember(T, id, userId);
    await t.stores.teams.saveMember({ ...m!.value, role }, m!.etag);
  }
}

const rolesOf = async (id: string) =>
  Object.fromEntries(
    (await t.stores.teams.listMembers(T, id))
      .filter((m) => m.active)
      .map((m) => [m.userId, m.role]),
  );

/** The team store, with every member write held until `n` writes are waiting. */
function writesMeetAt(n: number): TeamStore {
  const teams = t.stores.teams;
  let waiting: (() => void)[] = [];
  return Object.assign(Object.create(Object.getPrototypeOf(teams)) as TeamStore, teams, {
    saveMember: async (member: TeamMember, etag?: string) => {
      if (n > 0) {
        await new Promise<void>((resolve) => {
          waiting.push(resolve);
          if (waiting.length >= n) {
            n = 0;
            waiting.forEach((r) => r());
            waiting = [];
          }
        });
      }
      return teams.saveMember(member, etag);
    },
  });
}

it('two owners stepping down at once: both are refused and both stay owners', async () => {
  await team('race', [
    ['ann', 'owner'],
    ['bob', 'owner'],
  ]);
  const teams = writesMeetAt(2);
  const [a, b] = await Promise.all([
    setMemberRole(
      teams,
      { tenantId: T, userId: 'ann', isAdmin: false },
      'race',
      'bob',
      { role: 'member' },
      now,
    ),
    setMemberRole(
      teams,
      { tenantId: T, userId: 'bob', isAdmin: false },
      'race',
      'ann',
      { role: 'member' },
      now,
    ),
  ]);
  expect([a.ok, b.ok]).toEqual([false, false]);
  expect(!a.ok && a.error.code).toBe('TEAM.LAST_OWNER');
  expect(await rolesOf('race')).toEqual({ ann: 'owner', bob: 'owner' });
});

it('the last owner leaving hands ownership to the longest-standing manager, else member', async () => {
  await team('leave', [
    ['olga', 'owner'],
    ['mia', 'member'],
    ['max', 'manager'],
    ['meg', 'manager'],
  ]);
  expect(await removeTeamMember(t.stores, T, 'leave', 'olga', now.toISOString())).toBe('max');
  expect(await rolesOf('leave')).toEqual({ mia: 'member', max: 'owner', meg: 'manager' });
  // Another owner remains: nobody is promoted.
  await t.stores.teams
    .getMember(T, 'leave', 'meg')
    .then((m) => t.stores.teams.saveMember({ ...m!.value, role: 'owner' }, m!.etag));
  expect(await removeTeamMember(t.stores, T, 'leave', 'max', now.toISOString())).toBeUndefined();
  // Only members left: the longest-standing one takes over.
  await team('members', [
    ['oz', 'owner'],
    ['mo', 'member'],
    ['mu', 'member'],
  ]);
  expect(await removeTeamMember(t.stores, T, 'members', 'oz', now.toISOString())).toBe('mo');
  expect(await rolesOf('members')).toEqual({ mo: 'owner', mu: 'member' });
});
