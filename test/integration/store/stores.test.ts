import { StoreConflictError } from '../../../bot/src/features/common/ports';
import type { CheckIn, TeamMember } from '@bearing/core';
import { keyResult, kpi, objective, team } from '../../fixtures/okrs';
import { startTestStore, type TestStore } from '../../support/embedded-store';

const A = '11111111-1111-1111-1111-111111111111';
const B = '22222222-2222-2222-2222-222222222222';
const now = '2026-11-22T12:00:00.000Z';

const member = (tenantId: string, userId: string, teamId = 'team-a'): TeamMember => ({
  tenantId,
  teamId,
  userId,
  displayName: userId,
  role: 'member',
  active: true,
  joinedAt: now,
  updatedAt: now,
});
const checkIn = (tenantId: string, userId: string, week: string, teamId = 'team-a'): CheckIn => ({
  tenantId,
  teamId,
  userId,
  cycleId: 'FY2027-Q2',
  week,
  updates: [],
  nothingChanged: true,
  submissionId: `s-${userId}-${week}`,
  submittedAt: now,
  updatedAt: now,
});

let t: TestStore;
beforeAll(async () => {
  t = await startTestStore();
});
afterAll(async () => t.close());

describe('conditional writes', () => {
  it('creates, reads with an etag, replaces with it, and rejects the stale one', async () => {
    const { teams } = t.stores;
    const created = await teams.saveTeam(team({ tenantId: A, id: 'etag-team' }));
    const read = await teams.getTeam(A, 'etag-team');
    expect(read?.value.name).toBe('Team A');
    expect(read?.etag).toBe(created.etag);
    const updated = await teams.saveTeam({ ...created.value, name: 'Renamed' }, created.etag);
    expect(updated.etag).not.toBe(created.etag);
    const stale = teams.saveTeam({ ...created.value, name: 'Lost update' }, created.etag);
    await expect(stale).rejects.toBeInstanceOf(StoreConflictError);
    await expect(stale).rejects.toMatchObject({ reason: 'staleEtag', code: 'STORE.CONFLICT' });
    expect((await teams.getTeam(A, 'etag-team'))?.value.name).toBe('Renamed');
  });

  it('rejects a second create of the same item', async () => {
    await t.stores.okrs.saveObjective(objective({ tenantId: A, id: 'dup' }));
    await expect(
      t.stores.okrs.saveObjective(objective({ tenantId: A, id: 'dup' })),
    ).rejects.toMatchObject({
      reason: 'alreadyExists',
    });
  });

  it('returns undefined for missing items instead of throwing', async () => {
    expect(await t.stores.teams.getTeam(A, 'nope')).toBeUndefined();
    expect(await t.stores.okrs.getKeyResult(A, 'team-a', 'nope')).toBeUndefined();
    expect(await t.stores.users.getUser(A, 'nobody')).toBeUndefined();
    expect(await t.stores.organizations.getOrganization('no-tenant')).toBeUndefined();
  });
});

describe('tenant isolation', () => {
  beforeAll(async () => {
    const s = t.stores;
    for (const tenantId of [A, B]) {
      const name = tenantId === A ? 'Alpha' : 'Beta';
      await s.organizations.saveOrganization({
        tenantId,
        name,
        fiscalStartMonth: 7,
        defaultTimeZone: 'UTC',
        createdAt: now,
        updatedAt: now,
      });
      await s.teams.saveTeam(team({ tenantId, id: 'shared', name }));
      await s.teams.saveMember(member(tenantId, 'u1', 'shared'));
      await s.okrs.saveObjective(objective({ tenantId, id: 'o1', teamId: 'shared', title: name }));
      await s.okrs.saveObjective(
        objective({ tenantId, id: 'c1', teamId: null, level: 'company', title: name }),
      );
      await s.okrs.saveKeyResult(keyResult({ tenantId, id: 'k1', teamId: 'shared', title: name }));
      await s.kpis.saveKpi(kpi({ tenantId, id: 'kpi1', teamId: 'shared', name }));
      await s.kpis.addReading({
        tenantId,
        kpiId: 'kpi1',
        id: 'r1',
        value: tenantId === A ? 1 : 2,
        at: now,
        receivedAt: now,
        source: 'api',
      });
      await s.checkIns.saveCheckIn(checkIn(tenantId, 'u1', '2026-W47', 'shared'));
      await s.users.saveUser({
        tenantId,
        userId: 'u1',
        displayName: name,
        teamIds: ['shared'],
        updatedAt: now,
      });
    }
  });

  it('never mixes the same ids under two tenants, for any read', async () => {
    const s = t.stores;
    for (const [tenantId, name, value] of [
      [A, 'Alpha', 1],
      [B, 'Beta', 2],
    ] as const) {
      expect((await s.organizations.getOrganization(tenantId))?.value.name).toBe(name);
      expect((await s.teams.getTeam(tenantId, 'shared'))?.value.name).toBe(name);
      expect((await s.okrs.getObjective(tenantId, 'shared', 'o1'))?.value.title).toBe(name);
      expect((await s.okrs.getObjective(tenantId, null, 'c1'))?.value.title).toBe(name);
      expect(
        (await s.okrs.listObjectives(tenantId, 'shared', ['FY2027-Q2'])).map((o) => o.value.title),
      ).toEqual([name]);
      expect(
        (await s.okrs.listKeyResults(tenantId, 'shared', ['FY2027-Q2'])).map((k) => k.value.title),
      ).toEqual([name]);
      expect(
        (await s.okrs.listKeyResultsOwnedBy(tenantId, 'shared', ['FY2027-Q2'], 'u1')).map(
          (k) => k.value.title,
        ),
      ).toEqual([name]);
      expect((await s.kpis.listKpis(tenantId, 'shared')).map((k) => k.value.name)).toEqual([name]);
      expect(
        (await s.kpis.listReadings(tenantId, 'kpi1', '2000-01-01T00:00:00Z', 10)).map(
          (r) => r.value,
        ),
      ).toEqual([value]);
      expect(
        (await s.checkIns.listCheckInsForWeek(tenantId, 'shared', '2026-W47')).map(
          (c) => c.value.tenantId,
        ),
      ).toEqual([tenantId]);
      expect(
        (await s.checkIns.listCheckInsForUser(tenantId, 'shared', 'u1')).items.map(
          (c) => c.tenantId,
        ),
      ).toEqual([tenantId]);
      expect((await s.teams.listMembers(tenantId, 'shared')).map((m) => m.tenantId)).toEqual([
        tenantId,
      ]);
      expect((await s.users.getUser(tenantId, 'u1'))?.value.displayName).toBe(name);
      const teams = await s.teams.listTeams(tenantId);
      expect(teams.items.every((x) => x.tenantId === tenantId)).toBe(true);
      const snapshot = await s.teams.loadTeamSnapshot(
        tenantId,
        'shared',
        ['FY2027-Q2'],
        ['2026-W47'],
      );
      expect(snapshot?.team.value.name).toBe(name);
      expect(snapshot?.objectives.map((o) => o.value.tenantId)).toEqual([tenantId]);
      const all = await s.okrs.listTenantObjectives(tenantId, ['FY2027-Q2']);
      expect(all.items.every((o) => o.tenantId === tenantId)).toBe(true);
    }
  });
});

describe('team snapshot', () => {
  it('reads the team, members, the cycle’s OKRs, KPIs and the requested weeks in one query', async () => {
    const s = t.stores;
    await s.teams.saveTeam(team({ tenantId: A, id: 'snap' }));
    await s.teams.saveMember(member(A, 'u1', 'snap'));
    await s.teams.saveMember(member(A, 'u2', 'snap'));
    await s.okrs.saveObjective(objective({ tenantId: A, id: 'now', teamId: 'snap' }));
    await s.okrs.saveObjective(
      objective({ tenantId: A, id: 'old', teamId: 'snap', cycleId: 'FY2027-Q1' }),
    );
    await s.okrs.saveKeyResult(
      keyResult({ tenantId: A, id: 'k-now', teamId: 'snap', objectiveId: 'now' }),
    );
    await s.okrs.saveKeyResult(
      keyResult({
        tenantId: A,
        id: 'k-old',
        teamId: 'snap',
        objectiveId: 'old',
        cycleId: 'FY2027-Q1',
      }),
    );
    await s.kpis.saveKpi(kpi({ tenantId: A, id: 'kp', teamId: 'snap' }));
    for (const week of ['2026-W46', '2026-W47', '2026-W48'])
      await s.checkIns.saveCheckIn(checkIn(A, 'u1', week, 'snap'));

    t.counter.reset();
    const snap = await s.teams.loadTeamSnapshot(A, 'snap', ['FY2027-Q2'], ['2026-W47', '2026-W48']);
    expect(t.counter.snapshot()).toEqual({
      pointRead: 0,
      pointWrite: 0,
      batch: 0,
      singlePartitionQuery: 1,
      crossPartitionQuery: 0,
    });
    expect(snap?.members.map((m) => m.userId).sort()).toEqual(['u1', 'u2']);
    expect(snap?.objectives.map((o) => o.value.id)).toEqual(['now']);
    expect(snap?.keyResults.map((k) => k.value.id)).toEqual(['k-now']);
    expect(snap?.kpis.map((k) => k.value.id)).toEqual(['kp']);
    expect(snap?.checkIns.map((c) => c.value.week).sort()).toEqual(['2026-W47', '2026-W48']);
    expect(snap?.team.etag).toBeTruthy();
    expect(await s.teams.loadTeamSnapshot(A, 'no-such-team', ['FY2027-Q2'], [])).toBeUndefined();
  });
});

describe('check-ins, readings and paging', () => {
  it('pages a user’s check-ins newest first with continuation tokens', async () => {
    const s = t.stores;
    const weeks = Array.from({ length: 30 }, (_, i) => `2026-W${String(i + 1).padStart(2, '0')}`);
    for (const week of weeks) await s.checkIns.saveCheckIn(checkIn(A, 'pager', week, 'paging'));
    const seen: string[] = [];
    let token: string | undefined;
    let pages = 0;
    do {
      const page = await s.checkIns.listCheckInsForUser(A, 'paging', 'pager', token);
      seen.push(...page.items.map((c) => c.week));
      token = page.continuationToken;
      pages += 1;
    } while (token && pages < 10);
    expect(pages).toBeGreaterThan(1);
    expect(seen).toEqual([...weeks].reverse());
  });

  it('stores a reading once per id and lists readings in time order from a point in time', async () => {
    const s = t.stores;
    const reading = (id: string, at: string, value: number) => ({
      tenantId: A,
      kpiId: 'order',
      id,
      value,
      at,
      receivedAt: now,
      source: 'api' as const,
    });
    expect(await s.kpis.addReading(reading('r2', '2026-11-02T00:00:00Z', 2))).toBe(true);
    expect(await s.kpis.addReading(reading('r1', '2026-11-01T00:00:00Z', 1))).toBe(true);
    expect(await s.kpis.addReading(reading('r3', '2026-11-03T00:00:00Z', 3))).toBe(true);
    expect(await s.kpis.addReading(reading('r2', '2026-11-02T00:00:00Z', 99))).toBe(false);
    expect(
      (await s.kpis.listReadings(A, 'order', '2026-01-01T00:00:00Z', 10)).map((r) => r.value),
    ).toEqual([1, 2, 3]);
    expect(
      (await s.kpis.listReadings(A, 'order', '2026-11-02T00:00:00Z', 10)).map((r) => r.value),
    ).toEqual([2, 3]);
    expect(
      (await s.kpis.listReadings(A, 'order', '2026-01-01T00:00:00Z', 2)).map((r) => r.value),
    ).toEqual([1, 2]);
  });
});

describe('erasing a user', () => {
  it('removes the profile, memberships and check-ins of that user only', async () => {
    const s = t.stores;
    await s.users.saveUser({
      tenantId: A,
      userId: 'leaver',
      displayName: 'Leaver',
      teamIds: ['erase'],
      updatedAt: now,
    });
    await s.teams.saveMember(member(A, 'leaver', 'erase'));
    await s.teams.saveMember(member(A, 'stayer', 'erase'));
    await s.checkIns.saveCheckIn(checkIn(A, 'leaver', '2026-W47', 'erase'));
    await s.checkIns.saveCheckIn(checkIn(A, 'stayer', '2026-W47', 'erase'));
    await s.checkIns.saveCheckIn(checkIn(B, 'leaver', '2026-W47', 'erase'));
    expect((await s.dataRights.eraseUser(A, 'leaver', {})).removed).toBe(3);
    expect(await s.users.getUser(A, 'leaver')).toBeUndefined();
    expect((await s.teams.listMembers(A, 'erase')).map((m) => m.userId)).toEqual(['stayer']);
    expect(
      (await s.checkIns.listCheckInsForWeek(A, 'erase', '2026-W47')).map((c) => c.value.userId),
    ).toEqual(['stayer']);
    expect(await s.checkIns.getCheckIn(B, 'erase', 'leaver', '2026-W47')).toBeDefined();
    expect((await s.dataRights.eraseUser(A, 'leaver', {})).removed).toBe(0);
  });
});
