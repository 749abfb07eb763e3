import {
  buildAlignmentTree,
  isTaskLikeTitle,
  lintKeyResultTitle,
  lintTeamOkrs,
  type LintCode,
} from '@bearing/core';
import { keyResult, kpi, objective, team } from '../../fixtures/okrs';

describe('alignment tree', () => {
  const company = objective({ id: 'c1', level: 'company', teamId: null, title: 'Win the market' });
  const company2 = objective({
    id: 'c2',
    level: 'company',
    teamId: null,
    title: 'Great place to work',
  });
  const teams = [team(), team({ id: 'team-b', name: 'Team B' })];

  it('hangs team objectives under every parent and computes progress and alignment %', () => {
    const a = objective({ id: 'a', parentIds: ['c1', 'c2'] });
    const b = objective({ id: 'b', teamId: 'team-b', parentIds: ['c1'] });
    const lone = objective({ id: 'lone', parentIds: [] });
    const krs = [
      keyResult({ objectiveId: 'a', current: 40 }),
      keyResult({ id: 'k2', objectiveId: 'a', current: 20 }),
    ];
    const tree = buildAlignmentTree({
      teams,
      objectives: [company, company2, a, b, lone],
      keyResults: krs,
    });
    expect(tree.roots.map((r) => [r.objective.id, r.children.map((c) => c.objective.id)])).toEqual([
      ['c1', ['a', 'b']],
      ['c2', ['a']],
    ]);
    const a1 = tree.roots[0].children[0];
    expect(a1.progress).toBe(0.5);
    expect(a1.teamName).toBe('Team A');
    expect(tree.roots[0].children[1].teamName).toBe('Team B');
    expect(tree.unaligned.map((n) => n.objective.id)).toEqual(['lone']);
    expect(tree.alignmentPercent).toBeCloseTo(2 / 3);
  });

  it('treats missing or archived parents as unaligned and ignores archived objectives', () => {
    const archivedParent = objective({
      id: 'old',
      level: 'company',
      teamId: null,
      status: 'archived',
    });
    const x = objective({ id: 'x', parentIds: ['old'] });
    const y = objective({ id: 'y', parentIds: ['ghost'] });
    const z = objective({ id: 'z', parentIds: ['c1'], status: 'archived' });
    const tree = buildAlignmentTree({
      teams,
      objectives: [company, archivedParent, x, y, z],
      keyResults: [],
    });
    expect(tree.unaligned.map((n) => n.objective.id).sort()).toEqual(['x', 'y']);
    expect(tree.alignmentPercent).toBe(0);
    expect(tree.roots.map((r) => r.objective.id)).toEqual(['c1']);
  });

  it('survives cycles in parentIds without looping', () => {
    const p = objective({ id: 'p', parentIds: ['c1', 'q'] });
    const q = objective({ id: 'q', parentIds: ['p'] });
    const self = objective({ id: 's', parentIds: ['s'] });
    const tree = buildAlignmentTree({ teams, objectives: [company, p, q, self], keyResults: [] });
    const pNode = tree.roots[0].children[0];
    expect(pNode.objective.id).toBe('p');
    expect(pNode.children.map((c) => c.objective.id)).toEqual(['q']);
    expect(pNode.children[0].children).toEqual([]);
    expect(tree.unaligned.map((n) => n.objective.id)).toEqual(['s']);
  });

  it('reports 100% alignment for an empty organisation', () => {
    expect(buildAlignmentTree({ teams: [], objectives: [], keyResults: [] })).toEqual({
      roots: [],
      unaligned: [],
      alignmentPercent: 1,
    });
  });
});

describe('lint', () => {
  const now = '2026-11-22T12:00:00Z';
  const codes = (warnings: { code: LintCode }[]) => warnings.map((w) => w.code).sort();
  const twoKrs = (objectiveId: string) => [
    keyResult({ id: `${objectiveId}-1`, objectiveId }),
    keyResult({ id: `${objectiveId}-2`, objectiveId, title: 'Cut churn from 5% to 3%' }),
  ];

  it('finds nothing wrong with a healthy team', () => {
    expect(lintTeamOkrs({ objectives: [objective()], keyResults: twoKrs('o1'), now })).toEqual([]);
    expect(lintTeamOkrs({ objectives: [], keyResults: [], now })).toEqual([]);
  });

  it('flags OKR soup at 6 objectives, not at 5', () => {
    const make = (n: number) => {
      const objectives = Array.from({ length: n }, (_, i) => objective({ id: `o${i}` }));
      return lintTeamOkrs({ objectives, keyResults: objectives.flatMap((o) => twoKrs(o.id)), now });
    };
    expect(codes(make(5))).toEqual([]);
    expect(codes(make(6))).toEqual(['LINT.OKR_SOUP']);
  });

  it('flags too few and too many key results', () => {
    const one = lintTeamOkrs({ objectives: [objective()], keyResults: [keyResult()], now });
    expect(codes(one)).toEqual(['LINT.TOO_FEW_KRS']);
    const six = Array.from({ length: 6 }, (_, i) => keyResult({ id: `k${i}` }));
    expect(codes(lintTeamOkrs({ objectives: [objective()], keyResults: six, now }))).toEqual([
      'LINT.TOO_MANY_KRS',
    ]);
  });

  it('flags unmeasurable, task-like, drifting and individual OKRs', () => {
    const krs = [
      keyResult({ id: 'same', baseline: 10, target: 10 }),
      keyResult({ id: 'task', title: 'Launch the new onboarding flow' }),
      keyResult({
        id: 'old',
        title: 'Grow MRR from 1 to 2',
        lastCheckInAt: '2026-11-01T00:00:00Z',
      }),
    ];
    const warnings = lintTeamOkrs({
      objectives: [objective({ level: 'individual' })],
      keyResults: krs,
      now,
    });
    expect(codes(warnings)).toEqual([
      'LINT.DRIFT',
      'LINT.INDIVIDUAL_OKR',
      'LINT.TASK_LIKE_KR',
      'LINT.UNMEASURABLE_KR',
    ]);
    expect(warnings.find((w) => w.code === 'LINT.DRIFT')).toMatchObject({
      keyResultId: 'old',
      message: 'No check-in for 21 days.',
    });
  });

  it('does not call 13 days drift', () => {
    const krs = twoKrs('o1').map((k) => ({ ...k, lastCheckInAt: '2026-11-09T13:00:00Z' }));
    expect(codes(lintTeamOkrs({ objectives: [objective()], keyResults: krs, now }))).toEqual([]);
  });

  it('flags a key result that only keeps a KPI in range (KPI cosplay), not one that moves it', () => {
    const csat = kpi({ name: 'CSAT', target: { min: 4.6 } });
    const cosplay = keyResult({
      id: 'c',
      title: 'Keep CSAT at 4.7 or above',
      baseline: 4.7,
      target: 4.8,
    });
    const real = keyResult({
      id: 'r',
      title: 'Raise CSAT from 4.3 to 4.7',
      baseline: 4.3,
      target: 4.7,
    });
    const warnings = lintTeamOkrs({
      objectives: [objective()],
      keyResults: [cosplay, real],
      kpis: [csat],
      now,
    });
    expect(warnings.filter((w) => w.code === 'LINT.KPI_COSPLAY').map((w) => w.keyResultId)).toEqual(
      ['c'],
    );
  });

  it.each([
    ['Launch X', true],
    ['  - ship the mobile app', true],
    ['SEND the newsletter', true],
    ['Set up a data warehouse', true],
    ['Launch 3 features used by 40% of accounts', false],
    ['Raise activation from 20% to 35%', false],
    ['Reduce time to fill from 48 to 30 days', false],
    ['Shipping cost per order below $4', false],
  ])('task-like title %j → %s', (t, expected) => {
    expect(isTaskLikeTitle(t)).toBe(expected);
    expect(lintKeyResultTitle(t).length > 0).toBe(expected);
  });
});
