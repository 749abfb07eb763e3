import { DEFAULT_TEAM_SETTINGS } from '@bearing/core';
import { getTeamSettings, patchTeamSettings } from '../../../bot/src/app/team-settings';
import { planTeamWeek } from '../../../bot/src/jobs/planner';
import { startTestStore, type TestStore } from '../../support/embedded-store';

// Settings saved through the tab's use case are what the weekly planner schedules with.
const T = '22222222-2222-4222-8222-222222222222';
const TEAM = 'team-settings-planner';
const OWNER = 'owner-1';
const MONDAY_06_UTC = new Date('2026-11-23T06:00:00Z'); // ISO week 2026-W48
let store: TestStore;

beforeAll(async () => {
  store = await startTestStore();
  const s = store.stores;
  const at = MONDAY_06_UTC.toISOString();
  await s.teams.saveTeam({
    tenantId: T,
    id: TEAM,
    name: 'Planner team',
    settings: { ...DEFAULT_TEAM_SETTINGS, timeZone: 'UTC' },
    createdAt: at,
    updatedAt: at,
  });
  await s.teams.saveMember({
    tenantId: T,
    teamId: TEAM,
    userId: OWNER,
    displayName: 'Owner',
    role: 'owner',
    active: true,
    timeZone: 'UTC',
    joinedAt: at,
    updatedAt: at,
  });
  await s.users.saveUser({
    tenantId: T,
    userId: OWNER,
    displayName: 'Owner',
    teamIds: [TEAM],
    updatedAt: at,
    conversationReference: { conversation: { id: 'chat' } },
  });
}, 60_000);
afterAll(async () => store?.close());

it('plans the check-in and reminder at the day, time and offset saved from the tab', async () => {
  const caller = { tenantId: T, userId: OWNER };
  const current = await getTeamSettings(store.stores.teams, caller, TEAM);
  if (!current.ok) throw new Error(current.error.message);
  const saved = await patchTeamSettings(
    store.stores.teams,
    caller,
    TEAM,
    {
      etag: current.value.etag,
      checkInDay: 3,
      checkInTime: '10:30',
      timeZone: 'Europe/Berlin',
      reminderOffsetMinutes: 90,
    },
    MONDAY_06_UTC,
  );
  expect(saved.ok).toBe(true);
  expect(await planTeamWeek(store.stores, T, TEAM, MONDAY_06_UTC)).toBeGreaterThan(0);
  const jobs = await store.stores.deliveries.listJobsForWeek(T, TEAM, '2026-W48');
  const dueOf = (kind: string) => jobs.find((j) => j.kind === kind)?.dueAt;
  // The member's own zone (UTC) wins over the team's new default zone; day and time are the team's.
  expect(dueOf('checkIn')).toBe('2026-11-25T10:30:00.000Z');
  expect(dueOf('reminder')).toBe('2026-11-25T12:00:00.000Z');
});
