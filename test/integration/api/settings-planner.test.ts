import { DEFAULT_TEAM_SETTINGS } from '@bearing/core';
import { getTeamSettings, patchTeamSettings } from '../../../bot/src/features/team/team-settings';
import { planTeamWeek, replanTeamWeek } from '../../../bot/src/features/delivery/planner';
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

it('moves this week’s waiting jobs when the settings change, and leaves what went out', async () => {
  const s = store.stores;
  const caller = { tenantId: T, userId: OWNER };
  const change = async (fields: Record<string, unknown>, at: Date) => {
    const current = await getTeamSettings(s.teams, caller, TEAM);
    if (!current.ok) throw new Error(current.error.message);
    const saved = await patchTeamSettings(
      s.teams,
      caller,
      TEAM,
      { etag: current.value.etag, ...fields },
      at,
    );
    if (!saved.ok) throw new Error(saved.error.message);
    return replanTeamWeek(s, T, TEAM, at);
  };
  const jobs = async () => {
    const all = await s.deliveries.listJobsForWeek(T, TEAM, '2026-W48');
    return Object.fromEntries(all.map((j) => [j.kind, j]));
  };
  // Planned for Wednesday 10:30 by the test above; the owner moves it to Thursday 08:00, +2 h.
  // The card, its reminder and the owner's missed check-ins card (at the check-in time) move.
  expect(
    await change(
      { checkInDay: 4, checkInTime: '08:00', reminderOffsetMinutes: 120 },
      MONDAY_06_UTC,
    ),
  ).toBe(3);
  expect((await jobs()).checkIn?.dueAt).toBe('2026-11-26T08:00:00.000Z');
  // The managers' card goes at the check-in time in the team's zone, not the member's.
  expect((await jobs()).missedCheckIns?.dueAt).toBe('2026-11-26T07:00:00.000Z');
  expect((await jobs()).reminder?.dueAt).toBe('2026-11-26T10:00:00.000Z');
  // Nothing changed: nothing moves.
  expect(await change({ reminderOffsetMinutes: 120, checkInTime: '08:00' }, MONDAY_06_UTC)).toBe(0);

  // Thursday: the card went out. A later change moves neither the card nor its reminder.
  const card = (await s.deliveries.listJobsForWeek(T, TEAM, '2026-W48')).find(
    (j) => j.kind === 'checkIn',
  )!;
  const stored = await s.deliveries.getJob(T, TEAM, card.id);
  await s.deliveries.saveJob({ ...stored!.value, status: 'sent' }, stored!.etag);
  const thursday = new Date('2026-11-26T09:00:00Z');
  expect(await change({ checkInDay: 5, reminderOffsetMinutes: 30 }, thursday)).toBe(0);
  expect((await jobs()).checkIn).toMatchObject({
    status: 'sent',
    dueAt: '2026-11-26T08:00:00.000Z',
  });
  expect((await jobs()).reminder?.dueAt).toBe('2026-11-26T10:00:00.000Z');
});
