import { schemas, type KeyResult, type Objective } from '@bearing/core';
import { checkInCardFor } from '../../../bot/src/features/check-in/check-in-views';
import { resolveMemberContext } from '../../../bot/src/features/common/member-context';
import { DEMO_TEAM_ID, DEMO_TENANT_ID } from '../../../bot/src/features/demo/demo-organization';
import { startHarness, type Harness } from '../../faults/harness';
import { cardProblems } from '../../support/cards';
import { fabrikamZip, fileOf } from '../../support/viva-fixtures';

// Annual cycles beside quarterly ones, over the real HTTP API (local identity: Alex, an admin and
// owner of "My Team") against the embedded Cosmos store, after importing the Fabrikam Viva Goals
// export: "Grow the platform business" (FY2026, with an annual key result) holds the quarterly
// "Make onboarding delightful" (FY2026-Q2) and its key results. The organisation starts its
// fiscal year in July, so 20 Nov 2025 is in FY2026 Q2.
const NOW = new Date('2025-11-20T17:00:00Z');
const MEGAN = '00000000-0000-0000-0000-000000000021';
const ALEX = '00000000-0000-0000-0000-000000000020';
const TEAM = `/api/v1/teams/${DEMO_TEAM_ID}`;

let h: Harness;
beforeAll(async () => {
  h = await startHarness({ now: () => NOW });
  const zip = await fabrikamZip();
  const res = await call('POST', '/api/v1/admin/import/viva-goals/apply', {
    files: [fileOf('fabrikam.zip', zip)],
  });
  expect(res.status).toBe(200);
}, 90_000);
afterAll(() => h?.stop());

async function call(method: string, path: string, body?: unknown) {
  const res = await fetch(`${h.url}${path}`, {
    method,
    headers: body === undefined ? {} : { 'content-type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await res.text();
  const json = res.headers.get('content-type')?.includes('json') ? JSON.parse(text) : undefined;
  return { status: res.status, body: json as Record<string, unknown>, text };
}
const alignment = async (cycleId?: string) =>
  schemas.teamViewResponse.parse(
    (await call('GET', `${TEAM}/alignment${cycleId ? `?cycleId=${cycleId}` : ''}`)).body,
  );
const ids = (items: readonly { id: string }[]) => items.map((i) => i.id);

describe('the alignment view of a quarter and of its fiscal year', () => {
  it('a quarter shows its objectives with the annual ones above them', async () => {
    const view = await alignment();
    expect(view.cycle).toEqual({
      id: 'FY2026-Q2',
      kind: 'quarter',
      name: 'FY2026 Q2',
      start: '2025-10-01',
      end: '2026-01-01',
    });
    expect(view.cycles.map((c) => c.id)).toEqual([
      'FY2027',
      'FY2026',
      'FY2026-Q1',
      'FY2026-Q2',
      'FY2026-Q3',
      'FY2026-Q4',
      'FY2025',
    ]);
    expect(view.cycles.find((c) => c.id === 'FY2026')).toMatchObject({
      kind: 'year',
      start: '2025-07-01',
      end: '2026-07-01',
    });
    const annual = view.objectives.find((o) => o.id === 'viva-o-1001')!;
    expect(annual.cycleId).toBe('FY2026');
    expect(ids(annual.keyResults)).toEqual(['viva-k-2005']);
    const quarterly = view.objectives.find((o) => o.id === 'viva-o-1004')!;
    expect(quarterly).toMatchObject({ cycleId: 'FY2026-Q2', parentIds: ['viva-o-1001'] });
    expect(ids(quarterly.keyResults).sort()).toEqual([
      'viva-k-2002',
      'viva-k-2003',
      'viva-k-2004',
      'viva-k-3001',
    ]);
    // The company's annual objective is there to align to.
    expect(view.companyObjectives.find((c) => c.id === 'viva-o-1003')).toMatchObject({
      cycleId: 'FY2026',
    });
  });

  it('the fiscal year shows its annual objectives and every quarter; another quarter only the annual', async () => {
    const year = await alignment('FY2026');
    expect(year.cycle).toMatchObject({ id: 'FY2026', kind: 'year' });
    expect(ids(year.objectives)).toEqual(expect.arrayContaining(['viva-o-1001', 'viva-o-1004']));
    const q3 = await alignment('FY2026-Q3');
    expect(ids(q3.objectives)).toContain('viva-o-1001');
    expect(ids(q3.objectives)).not.toContain('viva-o-1004');
    const next = await alignment('FY2027');
    expect(ids(next.objectives)).not.toContain('viva-o-1001');
  });

  it('lint counts objectives per cycle: annual and quarterly ones are not one soup', async () => {
    const year = await alignment('FY2026');
    const perCycle = new Map<string, number>();
    for (const o of year.objectives) perCycle.set(o.cycleId, (perCycle.get(o.cycleId) ?? 0) + 1);
    expect(Math.max(...perCycle.values())).toBeLessThanOrEqual(5);
    expect(year.warnings.map((w) => w.code)).not.toContain('LINT.OKR_SOUP');
    // The annual objective with one annual key result still gets "too few key results".
    const annual = year.objectives.find((o) => o.id === 'viva-o-1001')!;
    expect(annual.warnings.map((w) => w.code)).toContain('LINT.TOO_FEW_KRS');
  });
});

describe('the dashboard, My OKRs and the check-in card of a quarter list annual key results', () => {
  it('the dashboard charts the imported check-ins of quarterly and annual key results', async () => {
    const quarter = schemas.teamDashboardResponse.parse(
      (await call('GET', `${TEAM}/dashboard?cycleId=FY2026-Q2`)).body,
    );
    const weekly = quarter.keyResults.find((k) => k.id === 'viva-k-2002')!;
    expect(weekly.points.map((p) => [p.week, p.value])).toEqual([
      ['2025-W45', 140],
      ['2025-W46', 150],
    ]);
    expect(ids(quarter.keyResults)).toContain('viva-k-2005');
    const year = schemas.teamDashboardResponse.parse(
      (await call('GET', `${TEAM}/dashboard?cycleId=FY2026`)).body,
    );
    expect(year.cycle.kind).toBe('year');
    // Every week of the year so far: 2025-W27 (1 July) to this week, 2025-W47.
    expect(year.checkInCompletion.map((w) => w.week)[0]).toBe('2025-W27');
    expect(year.checkInCompletion).toHaveLength(21);
    expect(year.keyResults.find((k) => k.id === 'viva-k-2002')!.points).toHaveLength(2);
  });

  it("an annual key result is on the owner's quarterly check-in card", async () => {
    const deps = { stores: h.stores as never, now: () => NOW, newId: () => 'card' };
    const ctx = (await resolveMemberContext(h.stores as never, DEMO_TENANT_ID, MEGAN, NOW))!;
    expect(ctx.cycle.id).toBe('FY2026-Q2');
    const card = await checkInCardFor(deps, ctx);
    expect(cardProblems(card)).toEqual([]);
    const text = JSON.stringify(card);
    expect(text).toContain('Revenue from the platform'); // FY2026, under the annual objective
    expect(text).toContain('Weekly active teams'); // FY2026-Q2
  });

  it('My OKRs lists an annual key result in the quarter, and a check-in updates it', async () => {
    const created = await call('POST', `${TEAM}/objectives/viva-o-1001/key-results`, {
      title: 'Partners signed this year',
      type: 'number',
      baseline: 0,
      target: 12,
      ownerId: ALEX,
    });
    expect(created.status).toBe(201);
    const id = created.body.id as string;
    expect(created.body.cycleId).toBe('FY2026');
    const mine = schemas.myOkrsResponse.parse((await call('GET', '/api/v1/me/okrs')).body);
    const team = mine.teams.find((t) => t.team.id === DEMO_TEAM_ID)!;
    expect(team.cycle).toMatchObject({ id: 'FY2026-Q2', kind: 'quarter' });
    expect(team.keyResults.find((k) => k.id === id)).toMatchObject({
      cycleId: 'FY2026',
      objectiveTitle: 'Grow the platform business',
    });
    const submitted = await call('POST', '/api/v1/me/check-ins', {
      teamId: DEMO_TEAM_ID,
      cycleId: 'FY2026-Q2',
      week: team.week,
      submissionId: 'annual-check-in-1',
      nothingChanged: false,
      updates: [{ keyResultId: id, value: 3, confidence: 'onTrack' }],
    });
    expect(submitted.status).toBe(200);
    const kr = (await h.stores.okrs.getKeyResult(DEMO_TENANT_ID, DEMO_TEAM_ID, id))!.value;
    expect(kr.current).toBe(3);
    const after = schemas.myOkrsResponse.parse((await call('GET', '/api/v1/me/okrs')).body);
    const points = after.teams[0]!.keyResults.find((k) => k.id === id)!.points;
    expect(points.map((p) => p.value)).toEqual([3]);
  });
});

describe('key results of an annual objective', () => {
  it('may be set for one of its quarters, and show in that quarter only', async () => {
    const body = { title: 'Teams onboarded in Q3', type: 'number', baseline: 0, target: 40 };
    const created = await call('POST', `${TEAM}/objectives/viva-o-1001/key-results`, {
      ...body,
      ownerId: MEGAN,
      cycleId: 'FY2026-Q3',
    });
    expect(created.status).toBe(201);
    expect(created.body.cycleId).toBe('FY2026-Q3');
    const q3 = await alignment('FY2026-Q3');
    const inQ3 = q3.objectives.find((o) => o.id === 'viva-o-1001')!;
    expect(ids(inQ3.keyResults)).toContain(created.body.id);
    const q2 = await alignment('FY2026-Q2');
    const inQ2 = q2.objectives.find((o) => o.id === 'viva-o-1001')!;
    expect(ids(inQ2.keyResults)).not.toContain(created.body.id);
  });

  it('refuses a cycle outside the objective’s year (and a year under a quarterly objective)', async () => {
    const before = await h.contents();
    const body = { title: 'Out of place', type: 'number', baseline: 0, target: 1, ownerId: MEGAN };
    for (const [objectiveId, cycleId] of [
      ['viva-o-1001', 'FY2027-Q1'],
      ['viva-o-1004', 'FY2026'],
    ]) {
      const res = await call('POST', `${TEAM}/objectives/${objectiveId}/key-results`, {
        ...body,
        cycleId,
      });
      expect(res.status).toBe(400);
      expect(res.body.error).toMatchObject({ field: 'cycleId' });
    }
    expect(await h.contents()).toBe(before);
  });
});

describe('export and cycle close', () => {
  it('exports name each item’s cycle and kind (JSON and CSV)', async () => {
    const json = schemas.teamExportJson.parse(
      (await call('GET', `${TEAM}/export?what=okrs&format=json&cycleId=FY2026-Q2`)).body,
    );
    expect(json).toMatchObject({ cycleId: 'FY2026-Q2', cycleKind: 'quarter' });
    const annual = json.objectives!.find((o) => o.id === 'viva-o-1001')!;
    expect(annual).toMatchObject({ cycleId: 'FY2026', cycleKind: 'year' });
    expect(annual.keyResults.find((k) => k.id === 'viva-k-2005')).toMatchObject({
      cycleId: 'FY2026',
      cycleKind: 'year',
    });
    const csv = await call('GET', `${TEAM}/export?what=okrs&format=csv&cycleId=FY2026-Q2`);
    const [header, ...rows] = csv.text.trim().split(/\r?\n/);
    const columns = header!.split(',');
    expect(columns.slice(-4)).toEqual([
      'objectiveCycleId',
      'objectiveCycleKind',
      'keyResultCycleId',
      'keyResultCycleKind',
    ]);
    const revenue = rows.find((r) => r.includes('Revenue from the platform'))!;
    expect(revenue.split(',').slice(-4)).toEqual(['FY2026', 'year', 'FY2026', 'year']);
  });

  it('closing the quarter leaves annual items open; closing the year closes and carries them', async () => {
    const objective = async (id: string) =>
      (await h.stores.okrs.getObjective(DEMO_TENANT_ID, DEMO_TEAM_ID, id))!.value as Objective;
    const keyResult = async (id: string) =>
      (await h.stores.okrs.getKeyResult(DEMO_TENANT_ID, DEMO_TEAM_ID, id))?.value as KeyResult;

    const preview = schemas.cycleCloseResponse.parse(
      (await call('GET', `${TEAM}/cycles/FY2026-Q2/close`)).body,
    );
    expect(preview.objectives.map((o) => o.objectiveId)).toContain('viva-o-1004');
    expect(preview.objectives.map((o) => o.objectiveId)).not.toContain('viva-o-1001');
    const quarter = await call('POST', `${TEAM}/cycles/FY2026-Q2/close`, { scores: [] });
    expect(quarter.status).toBe(200);
    expect(schemas.cycleCloseResponse.parse(quarter.body).closed).toBe(true);
    expect((await objective('viva-o-1004')).status).toBe('closed');
    expect((await objective('viva-o-1001')).status).toBe('active');
    expect((await keyResult('viva-k-2005')).score).toBeUndefined();
    const q2Score = (await keyResult('viva-k-2002')).score;
    expect(q2Score).toBeDefined();

    // The year's close lists the annual objective with all its key results (and scores them).
    const yearPreview = schemas.cycleCloseResponse.parse(
      (await call('GET', `${TEAM}/cycles/FY2026/close`)).body,
    );
    const annual = yearPreview.objectives.find((o) => o.objectiveId === 'viva-o-1001')!;
    expect(annual.status).toBe('active');
    expect(annual.keyResults.map((k) => k.keyResultId)).toContain('viva-k-2005');
    const year = await call('POST', `${TEAM}/cycles/FY2026/close`, {
      scores: annual.keyResults.map((k) => ({ keyResultId: k.keyResultId, score: 0.9 })),
      carryOverObjectiveIds: ['viva-o-1001'],
    });
    expect(year.status).toBe(200);
    const closed = schemas.cycleCloseResponse.parse(year.body);
    expect(closed).toMatchObject({ closed: true, nextCycle: { id: 'FY2027', kind: 'year' } });
    expect(await objective('viva-o-1001')).toMatchObject({ status: 'closed', score: 0.9 });
    // What the quarter's close scored stays as it was.
    expect((await keyResult('viva-k-2002')).score).toBe(q2Score);
    expect(closed.carriedOver).toEqual([
      {
        fromObjectiveId: 'viva-o-1001',
        objectiveId: 'viva-o-1001.FY2027',
        keyResultIds: expect.arrayContaining(['viva-k-2005.FY2027']),
      },
    ]);
    expect(await objective('viva-o-1001.FY2027')).toMatchObject({
      cycleId: 'FY2027',
      status: 'draft',
    });
    expect(await keyResult('viva-k-2005.FY2027')).toMatchObject({ cycleId: 'FY2027' });
  });

  it('an unknown cycle is a 400 that names the field, and changes nothing', async () => {
    const before = await h.contents();
    const res = await call('POST', `${TEAM}/cycles/FY2026-Q5/close`, { scores: [] });
    expect(res.status).toBe(400);
    expect(await h.contents()).toBe(before);
  });
});
