import { schemas } from '@bearing/core';
import { TEAM, errorOf, tabSession } from './tab-session';

const { token, member, foreign, call } = tabSession();

const teamView = async () => {
  const res = await call('GET', `/teams/${TEAM}/alignment`);
  expect(res.status).toBe(200);
  return schemas.teamViewResponse.parse(res.body);
};
const objectiveIds = async () => (await teamView()).objectives.map((o) => o.id).sort();

async function newObjective(title = 'Ship a calmer on-call rotation') {
  const { cycle } = await teamView();
  const res = await call('POST', `/teams/${TEAM}/objectives`, token(), {
    cycleId: cycle.id,
    title,
    ownerId: '00000000-0000-0000-0000-000000000020',
    parentIds: ['obj-company-people', 'obj-company-growth'],
    kpiIds: ['kpi-uptime'],
  });
  expect(res.status).toBe(201);
  return schemas.objectiveSavedResponse.parse(res.body);
}

describe('objectives', () => {
  it('an owner creates one aligned to two parents with a KPI link; lint hints come back', async () => {
    const saved = await newObjective();
    expect(saved).toMatchObject({
      title: 'Ship a calmer on-call rotation',
      status: 'active',
      parentIds: ['obj-company-people', 'obj-company-growth'],
      aligned: true,
      keyResults: [],
    });
    // An objective without key results is linted as such.
    expect(saved.warnings.map((w) => w.code)).toContain('LINT.TOO_FEW_KRS');
    expect(await objectiveIds()).toContain(saved.id);
  });

  it('edits with the ETag (body or If-Match), archives via status; a stale ETag gets 409', async () => {
    const created = await newObjective('Make releases boring');
    const renamed = await call('PATCH', `/teams/${TEAM}/objectives/${created.id}`, token(), {
      etag: created.etag,
      title: 'Make every release boring',
      parentIds: ['obj-company-growth'],
    });
    expect(renamed.status).toBe(200);
    expect(renamed.body).toMatchObject({
      title: 'Make every release boring',
      parentIds: ['obj-company-growth'],
    });
    const stale = await call(
      'PATCH',
      `/teams/${TEAM}/objectives/${created.id}`,
      token(),
      { title: 'Lost update' },
      { 'if-match': created.etag },
    );
    expect(stale.status).toBe(409);
    expect(errorOf(stale).code).toBe('STORE.CONFLICT');
    const archived = await call(
      'PATCH',
      `/teams/${TEAM}/objectives/${created.id}`,
      token(),
      { status: 'archived' },
      { 'if-match': renamed.body.etag as string },
    );
    expect(archived.status).toBe(200);
    expect(archived.body).toMatchObject({ status: 'archived' });
    const view = await teamView();
    expect(view.objectives.find((o) => o.id === created.id)).toBeUndefined();
  });

  it('members get 403, other tenants 404, and nothing is written', async () => {
    const before = await objectiveIds();
    const { cycle } = await teamView();
    const body = { cycleId: cycle.id, title: 'Sneaky', ownerId: 'x' };
    const asMember = await call('POST', `/teams/${TEAM}/objectives`, member(), body);
    expect(asMember.status).toBe(403);
    expect(errorOf(asMember).code).toBe('AUTH.FORBIDDEN');
    const asForeign = await call('POST', `/teams/${TEAM}/objectives`, foreign(), body);
    expect(asForeign.status).toBe(404);
    const existing = (await teamView()).objectives[0]!;
    const patchForeign = await call(
      'PATCH',
      `/teams/${TEAM}/objectives/${existing.id}`,
      foreign(),
      {
        etag: existing.etag,
        title: 'Taken over',
      },
    );
    expect(patchForeign.status).toBe(404);
    expect(await objectiveIds()).toEqual(before);
    expect((await teamView()).objectives[0]).toMatchObject({
      title: existing.title,
      etag: existing.etag,
    });
  });

  it.each([
    ['no title', { title: '' }, 'title'],
    ['an unknown parent', { parentIds: ['obj-nope'] }, 'parentIds.0'],
    ['an unknown KPI', { kpiIds: ['kpi-nope'] }, 'kpiIds.0'],
    ['an owner outside the team', { ownerId: 'stranger' }, 'ownerId'],
    ['an unknown field', { colour: 'red' }, undefined],
  ])('rejects %s with 400 JSON and writes nothing', async (_n, change, field) => {
    const before = await objectiveIds();
    const { cycle } = await teamView();
    const res = await call('POST', `/teams/${TEAM}/objectives`, token(), {
      cycleId: cycle.id,
      title: 'Valid title',
      ownerId: '00000000-0000-0000-0000-000000000020',
      ...change,
    });
    expect(res.status).toBe(400);
    expect(errorOf(res).code).toBe('VALIDATION.FAILED');
    if (field) expect(errorOf(res).field).toBe(field);
    expect(await objectiveIds()).toEqual(before);
  });
});

describe('key results', () => {
  it('adds a key result with lint hints, then archives it with its ETag', async () => {
    const objective = await newObjective('Cut pages at night');
    const created = await call(
      'POST',
      `/teams/${TEAM}/objectives/${objective.id}/key-results`,
      token(),
      {
        title: 'Write the runbook',
        type: 'number',
        baseline: 5,
        target: 5,
        ownerId: '00000000-0000-0000-0000-000000000021',
      },
    );
    expect(created.status).toBe(201);
    const kr = schemas.keyResultSavedResponse.parse(created.body);
    expect(kr).toMatchObject({ objectiveId: objective.id, current: 5, ownerName: 'Megan Bowen' });
    expect(kr.warnings.map((w) => w.code)).toEqual(
      expect.arrayContaining(['LINT.UNMEASURABLE_KR']),
    );
    const memberArchive = await call(
      'POST',
      `/teams/${TEAM}/key-results/${kr.id}/archive`,
      member(),
      { etag: kr.etag },
    );
    expect(memberArchive.status).toBe(403);
    const stale = await call('POST', `/teams/${TEAM}/key-results/${kr.id}/archive`, token(), {
      etag: '"stale"',
    });
    expect(stale.status).toBe(409);
    const archived = await call(
      'POST',
      `/teams/${TEAM}/key-results/${kr.id}/archive`,
      token(),
      undefined,
      { 'if-match': kr.etag },
    );
    expect(archived.status).toBe(200);
    const view = await teamView();
    expect(view.objectives.find((o) => o.id === objective.id)?.keyResults).toEqual([]);
  });

  it('rejects bad key results (400 naming the field), members (403) and foreigners (404)', async () => {
    const objective = await newObjective('Answer tickets faster');
    const path = `/teams/${TEAM}/objectives/${objective.id}/key-results`;
    const good = {
      title: 'Median first response under 2 hours',
      type: 'number',
      baseline: 6,
      target: 2,
      ownerId: '00000000-0000-0000-0000-000000000020',
    };
    const bad = await call('POST', path, token(), { ...good, type: 'boolean' });
    expect(bad.status).toBe(400);
    expect(errorOf(bad).field).toBe('target');
    const notNumber = await call('POST', path, token(), { ...good, target: 'two' });
    expect(errorOf(notNumber).field).toBe('target');
    expect((await call('POST', path, member(), good)).status).toBe(403);
    expect((await call('POST', path, foreign(), good)).status).toBe(404);
    const missing = await call(
      'POST',
      `/teams/${TEAM}/objectives/obj-nope/key-results`,
      token(),
      good,
    );
    expect(missing.status).toBe(404);
    const view = await teamView();
    expect(view.objectives.find((o) => o.id === objective.id)?.keyResults).toEqual([]);
    const ok = await call('POST', path, token(), good);
    expect(ok.status).toBe(201);
    expect(ok.body).toMatchObject({ direction: 'decrease', progress: 0 });
  });
});
