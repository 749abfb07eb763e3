import { getMeetingAgenda } from '../../../bot/src/features/alignment/meeting-agenda';
import { getMyOkrs } from '../../../bot/src/features/me/my-okrs';
import { createObjective } from '../../../bot/src/features/objectives/objectives';
import { seedDemoOrganization } from '../../../bot/src/features/demo/seed-demo';
import { getTeamDashboard } from '../../../bot/src/features/alignment/team-dashboard';
import { getTeamSettings, patchTeamSettings } from '../../../bot/src/features/team/team-settings';
import type { OperationKind } from '../../../bot/src/store/op-counter';
import { documentTable, markdownTable } from '../../support/doc-table';
import { memoryLogger, startTestStore, type TestStore } from '../../support/embedded-store';

// Pins what the tab views' request paths cost in store operations (the demo team: 6 members,
// 6 KPIs); docs/data-model.md quotes the table, and the last test fails when the two differ. No
// cross-partition query on any of them.
const TENANT = '00000000-0000-0000-0000-000000000001';
const TEAM = '00000000-0000-0000-0000-000000000031';
const ALEX = { tenantId: TENANT, userId: '00000000-0000-0000-0000-000000000020' };
const now = new Date('2026-11-23T18:00:00.000Z');
let t: TestStore;
const rows: string[][] = [];

beforeAll(async () => {
  t = await startTestStore();
  await seedDemoOrganization(t.stores, now, memoryLogger());
}, 60_000);
afterAll(() => t?.close());

async function measure(name: string, run: () => Promise<{ ok: boolean }>) {
  t.counter.reset();
  expect((await run()).ok).toBe(true);
  const c: Readonly<Record<OperationKind, number>> = t.counter.snapshot();
  rows.push([
    name,
    ...[c.pointRead, c.pointWrite, c.batch, c.singlePartitionQuery, c.crossPartitionQuery].map(
      String,
    ),
  ]);
  return c;
}

it.each([
  ['GET …/dashboard (6 KPIs)', () => getTeamDashboard(t.stores, ALEX, TEAM, now), [3, 0, 7]],
  ['GET …/meeting-agenda', () => getMeetingAgenda(t.stores, ALEX, TEAM, now), [3, 0, 2]],
  ['GET /me/okrs (1 team)', () => getMyOkrs(t.stores, ALEX, now), [2, 0, 3]],
  ['GET …/settings', () => getTeamSettings(t.stores.teams, ALEX, TEAM), [2, 0, 0]],
] as const)('%s', async (name, run, [reads, writes, queries]) => {
  expect(await measure(name, run)).toEqual({
    pointRead: reads,
    pointWrite: writes,
    batch: 0,
    singlePartitionQuery: queries,
    crossPartitionQuery: 0,
  });
});

it('writes: settings PATCH and objective POST', async () => {
  const settings = await getTeamSettings(t.stores.teams, ALEX, TEAM);
  if (!settings.ok) throw new Error('no settings');
  const patch = await measure('PATCH …/settings', () =>
    patchTeamSettings(
      t.stores.teams,
      ALEX,
      TEAM,
      { etag: settings.value.etag, checkInDay: 2 },
      now,
    ),
  );
  expect(patch).toEqual({
    pointRead: 2,
    pointWrite: 1,
    batch: 0,
    singlePartitionQuery: 0,
    crossPartitionQuery: 0,
  });
  const created = await measure('POST …/objectives (2 parents, 1 KPI)', () =>
    createObjective(
      t.stores,
      ALEX,
      TEAM,
      {
        cycleId: 'FY2027-Q2',
        level: 'team',
        title: 'Measured objective',
        ownerId: ALEX.userId,
        parentIds: ['obj-company-people', 'obj-company-growth'],
        kpiIds: ['kpi-uptime'],
        status: 'active',
      },
      () => 'obj-measured',
      now,
    ),
  );
  // Point reads: caller, organisation, owner, team, each parent (company scope first), the KPI.
  expect(created).toEqual({
    pointRead: 7,
    pointWrite: 1,
    batch: 0,
    singlePartitionQuery: 1,
    crossPartitionQuery: 0,
  });
});

it('docs/data-model.md quotes exactly these numbers', () => {
  const head = [
    'tab route',
    'point reads',
    'point writes',
    'batches',
    'single-partition queries',
    'cross-partition queries',
  ];
  const measured = [head, ...rows];
  const documented = documentTable('docs/data-model.md', '<!-- tab-views-ops -->');
  if (JSON.stringify(documented) !== JSON.stringify(measured))
    throw new Error(
      `docs/data-model.md is out of date; its tab route table should be:\n\n${markdownTable(measured)}\n`,
    );
});
