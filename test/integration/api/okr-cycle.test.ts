import { schemas } from '@bearing/core';
import { ALEX, MEGAN, TEAM, errorOf, tabSession } from './tab-session';

const { token, member, foreign, call } = tabSession();

const teamView = async (cycleId?: string) => {
  const res = await call('GET', `/teams/${TEAM}/alignment${cycleId ? `?cycleId=${cycleId}` : ''}`);
  expect(res.status).toBe(200);
  return schemas.teamViewResponse.parse(res.body);
};
const countOkrs = async () => {
  const v = await teamView();
  return {
    objectives: v.objectives.length,
    keyResults: v.objectives.flatMap((o) => o.keyResults).length,
  };
};

describe('export', () => {
  it('exports OKRs as JSON and as CSV with the import columns first', async () => {
    const json = await call('GET', `/teams/${TEAM}/export?format=json&what=okrs`);
    expect(json.status).toBe(200);
    const data = schemas.teamExportJson.parse(json.body);
    expect(data.objectives?.map((o) => o.id)).toContain('obj-engagement');
    expect(
      data.objectives?.find((o) => o.id === 'obj-engagement')?.keyResults.map((k) => k.id),
    ).toContain('kr-engagement');
    const csv = await call('GET', `/teams/${TEAM}/export?format=csv&what=okrs`, member());
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-type')).toMatch(/^text\/csv/);
    expect(csv.headers.get('content-disposition')).toMatch(/attachment; filename=".+\.csv"/);
    const [header, ...rows] = csv.text.trim().split('\r\n');
    expect(header!.startsWith(schemas.OKR_CSV_COLUMNS.join(','))).toBe(true);
    expect(rows.some((r) => r.includes('kr-engagement'))).toBe(true);
  });

  it('exports check-ins and KPI readings', async () => {
    const readings = await call('GET', `/teams/${TEAM}/export?what=readings`);
    expect(readings.status).toBe(200);
    const r = schemas.teamExportJson.parse(readings.body);
    expect(r.readings?.some((x) => x.kpiId === 'kpi-uptime')).toBe(true);
    const checkIns = await call('GET', `/teams/${TEAM}/export?what=checkins&format=csv`);
    expect(checkIns.status).toBe(200);
    expect(checkIns.text.split('\r\n')[0]).toBe(
      'week,userId,submittedAt,keyResultId,previousValue,value,confidence,whatChanged,blockers,decisionNeeded',
    );
  });

  it('404s other tenants and 400s bad queries', async () => {
    expect((await call('GET', `/teams/${TEAM}/export`, foreign())).status).toBe(404);
    const bad = await call('GET', `/teams/${TEAM}/export?format=xml`);
    expect(bad.status).toBe(400);
    expect(errorOf(bad).field).toBe('format');
  });
});

describe('OKR import from CSV', () => {
  const csv = [
    'objective,keyResult,type,unit,baseline,target,direction,ownerId',
    `Delight new hires,Onboarding NPS from 20 to 50,number,NPS,20,50,,${MEGAN}`,
    'Delight new hires,Time to first commit under 3 days,number,days,7,3,decrease,',
    '"Tidy the backlog, finally",,,,,,,',
  ].join('\n');

  it('previews (nothing written), then imports with confirm=true', async () => {
    const before = await countOkrs();
    const { cycle } = await teamView();
    const preview = await call('POST', `/teams/${TEAM}/objectives/import`, token(), {
      cycleId: cycle.id,
      csv,
    });
    expect(preview.status).toBe(200);
    const p = schemas.okrImportResponse.parse(preview.body);
    expect(p).toMatchObject({
      confirmed: false,
      valid: 3,
      errors: [],
      imported: { objectives: 0 },
    });
    expect(p.objectives.map((o) => [o.title, o.keyResults.length])).toEqual([
      ['Delight new hires', 2],
      ['Tidy the backlog, finally', 0],
    ]);
    expect(await countOkrs()).toEqual(before);

    const done = await call('POST', `/teams/${TEAM}/objectives/import?confirm=true`, token(), {
      cycleId: cycle.id,
      csv,
    });
    expect(done.status).toBe(200);
    const d = schemas.okrImportResponse.parse(done.body);
    expect(d.imported).toEqual({ objectives: 2, keyResults: 2 });
    const view = await teamView();
    const imported = view.objectives.find((o) => o.id === d.objectives[0]!.id)!;
    expect(imported.keyResults.map((k) => [k.title, k.ownerId, k.direction])).toEqual(
      expect.arrayContaining([
        ['Onboarding NPS from 20 to 50', MEGAN, 'increase'],
        ['Time to first commit under 3 days', ALEX, 'decrease'],
      ]),
    );
  });

  it('reports every bad row with its line; confirming such a file is a 400 that writes nothing', async () => {
    const before = await countOkrs();
    const { cycle } = await teamView();
    const bad = [
      'objective,keyResult,type,baseline,target,ownerId',
      'Good objective,Fine KR,number,1,2,',
      ',Orphan KR,number,1,2,',
      'Good objective,Broken KR,number,one,2,',
      'Good objective,Yes or no,boolean,0,5,',
      'Good objective,Someone else,number,1,2,stranger',
    ].join('\n');
    const preview = await call('POST', `/teams/${TEAM}/objectives/import`, token(), {
      cycleId: cycle.id,
      csv: bad,
    });
    expect(preview.status).toBe(200);
    const p = schemas.okrImportResponse.parse(preview.body);
    expect(p.errors.map((e) => [e.line, e.field])).toEqual([
      [3, 'objective'],
      [4, 'baseline'],
      [5, 'target'],
      [6, 'ownerId'],
    ]);
    const confirm = await call('POST', `/teams/${TEAM}/objectives/import?confirm=true`, token(), {
      cycleId: cycle.id,
      csv: bad,
    });
    expect(confirm.status).toBe(400);
    expect(errorOf(confirm)).toMatchObject({ code: 'VALIDATION.FAILED', field: 'csv' });
    const noHeader = await call('POST', `/teams/${TEAM}/objectives/import`, token(), {
      cycleId: cycle.id,
      csv: 'just,some,cells',
    });
    expect(schemas.okrImportResponse.parse(noHeader.body).errors[0]?.line).toBe(1);
    const asMember = await call('POST', `/teams/${TEAM}/objectives/import?confirm=true`, member(), {
      cycleId: cycle.id,
      csv,
    });
    expect(asMember.status).toBe(403);
    const asForeign = await call(
      'POST',
      `/teams/${TEAM}/objectives/import?confirm=true`,
      foreign(),
      {
        cycleId: cycle.id,
        csv,
      },
    );
    expect(asForeign.status).toBe(404);
    const noCycle = await call('POST', `/teams/${TEAM}/objectives/import`, token(), { csv });
    expect(errorOf(noCycle).field).toBe('cycleId');
    expect(await countOkrs()).toEqual(before);
  });
});

describe('OKR import of a large bad file', () => {
  it('shows the first 100 errors and counts all of them by code', async () => {
    const { cycle } = await teamView();
    const rows = [
      ...Array.from({ length: 6_000 }, (_, i) => `Objective ${i % 40},KR ${i},number,one,2,`),
      ...Array.from(
        { length: 2_000 },
        (_, i) => `Objective ${i % 40},Owner ${i},number,1,2,nobody`,
      ),
      ...Array.from({ length: 1_000 }, () => ',Orphan KR,number,1,2,'),
    ];
    const csv = ['objective,keyResult,type,baseline,target,ownerId', ...rows].join('\n');
    expect(csv.length).toBeGreaterThan(300_000);
    const preview = await call('POST', `/teams/${TEAM}/objectives/import`, token(), {
      cycleId: cycle.id,
      csv,
    });
    expect(preview.status).toBe(200);
    expect(preview.text.length).toBeLessThan(30_000);
    const p = schemas.okrImportResponse.parse(preview.body);
    expect(p.errors).toHaveLength(100);
    expect(p.errors[0]).toMatchObject({ line: 2, code: 'keyResult.invalid', field: 'baseline' });
    expect(p.errorCount).toBe(9_000);
    expect(p.errorCounts).toEqual({
      'keyResult.invalid': 6_000,
      'owner.notMember': 2_000,
      'objective.invalid': 1_000,
    });
  });
});

describe('closing the cycle', () => {
  it('previews suggested scores; members 403, foreigners 404, bad ids 400 — nothing written', async () => {
    const { cycle } = await teamView();
    const path = `/teams/${TEAM}/cycles/${cycle.id}/close`;
    const preview = await call('GET', path, member());
    expect(preview.status).toBe(200);
    const p = schemas.cycleCloseResponse.parse(preview.body);
    expect(p.closed).toBe(false);
    const kr = p.objectives
      .flatMap((o) => o.keyResults)
      .find((k) => k.keyResultId === 'kr-engagement')!;
    expect(kr.suggestedScore).toBe(Math.round(kr.progress * 10) / 10);
    expect((await call('POST', path, member(), { scores: [] })).status).toBe(403);
    expect((await call('POST', path, foreign(), { scores: [] })).status).toBe(404);
    const unknown = await call('POST', path, token(), {
      scores: [{ keyResultId: 'kr-nope', score: 0.5 }],
    });
    expect(unknown.status).toBe(400);
    expect(errorOf(unknown).field).toBe('scores.0.keyResultId');
    const tooHigh = await call('POST', path, token(), {
      scores: [{ keyResultId: 'kr-engagement', score: 1.5 }],
    });
    expect(tooHigh.status).toBe(400);
    expect(errorOf(tooHigh).field).toBe('scores.0.score');
    expect(schemas.cycleCloseResponse.parse((await call('GET', path)).body).closed).toBe(false);
  });

  it('scores (given or from progress), keeps retros, carries over once even when closed twice', async () => {
    const { cycle } = await teamView();
    const path = `/teams/${TEAM}/cycles/${cycle.id}/close`;
    const body = {
      scores: [{ keyResultId: 'kr-engagement', score: 0.7 }],
      retrospectives: [
        { objectiveId: 'obj-engagement', whatWorked: 'Stay interviews.', whatDidNot: 'Surveys.' },
      ],
      carryOverObjectiveIds: ['obj-engagement'],
    };
    const res = await call('POST', path, token(), body);
    expect(res.status).toBe(200);
    const closed = schemas.cycleCloseResponse.parse(res.body);
    expect(closed.closed).toBe(true);
    const engagement = closed.objectives.find((o) => o.objectiveId === 'obj-engagement')!;
    expect(engagement).toMatchObject({ status: 'closed', whatWorked: 'Stay interviews.' });
    const scores = Object.fromEntries(engagement.keyResults.map((k) => [k.keyResultId, k]));
    expect(scores['kr-engagement']?.score).toBe(0.7);
    const turnover = scores['kr-turnover']!;
    expect(turnover.score).toBe(turnover.suggestedScore);
    expect(closed.carriedOver).toHaveLength(1);
    const copy = closed.carriedOver[0]!;

    const again = schemas.cycleCloseResponse.parse((await call('POST', path, token(), body)).body);
    expect(again.carriedOver).toEqual([copy]);
    const next = await teamView(closed.nextCycle.id);
    const copies = next.objectives.filter(
      (o) => o.title === 'Make My Team a place people want to stay',
    );
    expect(copies).toHaveLength(1);
    expect(copies[0]).toMatchObject({ id: copy.objectiveId, status: 'draft' });
    expect(copies[0]!.keyResults.map((k) => k.id).sort()).toEqual([...copy.keyResultIds].sort());
  });
});
