import {
  carryTarget,
  closesWithCycle,
  cycleById,
  cycleChoices,
  cycleFor,
  cycleKindOf,
  cycleScope,
  cycleScopeOf,
  inCycleScope,
  keyResultCycleFits,
  lintTeamOkrs,
} from '@bearing/core';
import { keyResult, objective } from '../../fixtures/okrs';

const cycle = (id: string, month: number) => cycleById(id, month)!;

describe('what the view of a cycle contains', () => {
  it('a quarter shows its own items and the annual items of its fiscal year', () => {
    expect(cycleScope(cycle('FY2026-Q2', 7))).toEqual(['FY2026-Q2', 'FY2026']);
    expect(inCycleScope(cycle('FY2026-Q2', 7), 'FY2026')).toBe(true);
    expect(inCycleScope(cycle('FY2026-Q2', 7), 'FY2026-Q1')).toBe(false);
    expect(inCycleScope(cycle('FY2026-Q2', 7), 'FY2025')).toBe(false);
  });

  it('a fiscal year shows its annual items and its four quarters', () => {
    expect(cycleScope(cycle('FY2026', 4))).toEqual([
      'FY2026',
      'FY2026-Q1',
      'FY2026-Q2',
      'FY2026-Q3',
      'FY2026-Q4',
    ]);
    expect(inCycleScope(cycle('FY2026', 4), 'FY2027-Q1')).toBe(false);
    expect(cycleScopeOf('FY2026-Q3')).toEqual(['FY2026-Q3', 'FY2026']);
    expect(cycleScopeOf('nonsense')).toEqual(['nonsense']);
  });

  it.each([
    // [date, fiscal start month, quarter id, its year's id]
    ['2025-11-20', 7, 'FY2026-Q2', 'FY2026'],
    ['2026-06-30', 7, 'FY2026-Q4', 'FY2026'],
    ['2026-07-01', 7, 'FY2027-Q1', 'FY2027'],
    ['2026-01-01', 1, 'FY2026-Q1', 'FY2026'],
    ['2025-12-31', 1, 'FY2025-Q4', 'FY2025'],
    ['2026-03-31', 4, 'FY2026-Q4', 'FY2026'],
    ['2026-04-01', 4, 'FY2027-Q1', 'FY2027'],
    ['2026-10-31', 11, 'FY2026-Q4', 'FY2026'],
    ['2026-11-01', 11, 'FY2027-Q1', 'FY2027'],
  ])(
    'on %s with fiscal start month %i the check-in quarter is %s, with %s annual items',
    (date, month, quarter, year) => {
      const q = cycleFor(date, month);
      expect(cycleScope(q)).toEqual([quarter, year]);
      // The year's dates contain the quarter's, at the year boundary too.
      const y = cycle(year, month);
      expect(y.start <= q.start && q.end <= y.end).toBe(true);
    },
  );

  it('lets an annual objective hold key results of its quarters, and nothing else', () => {
    expect(keyResultCycleFits('FY2026', 'FY2026')).toBe(true);
    expect(keyResultCycleFits('FY2026', 'FY2026-Q4')).toBe(true);
    expect(keyResultCycleFits('FY2026', 'FY2027-Q1')).toBe(false);
    expect(keyResultCycleFits('FY2026-Q2', 'FY2026-Q2')).toBe(true);
    expect(keyResultCycleFits('FY2026-Q2', 'FY2026')).toBe(false);
    expect(keyResultCycleFits('FY2026-Q2', 'FY2026-Q3')).toBe(false);
  });

  it('tells the kind of a cycle id', () => {
    expect(cycleKindOf('FY2026')).toBe('year');
    expect(cycleKindOf('FY2026-Q4')).toBe('quarter');
    expect(cycleKindOf('FY26')).toBeUndefined();
  });

  it('offers the picker the fiscal year of the cycle with its quarters, and the years around', () => {
    const names = (id: string, month: number) =>
      cycleChoices(cycle(id, month), month).map((c) => `${c.name} ${c.start}`);
    expect(names('FY2026-Q2', 7)).toEqual([
      'FY2027 2026-07-01',
      'FY2026 2025-07-01',
      'FY2026 Q1 2025-07-01',
      'FY2026 Q2 2025-10-01',
      'FY2026 Q3 2026-01-01',
      'FY2026 Q4 2026-04-01',
      'FY2025 2024-07-01',
    ]);
    expect(names('FY2026', 1)[2]).toBe('FY2026 Q1 2026-01-01');
    expect(names('FY2026-Q4', 10)).toContain('FY2026 Q4 2026-07-01');
  });
});

describe('closing a cycle', () => {
  it('a quarter closes its own items only; a year its annual items and its quarters', () => {
    const q2 = cycle('FY2026-Q2', 7);
    expect(closesWithCycle(q2, 'FY2026-Q2')).toBe(true);
    expect(closesWithCycle(q2, 'FY2026')).toBe(false);
    const year = cycle('FY2026', 7);
    expect(closesWithCycle(year, 'FY2026')).toBe(true);
    expect(closesWithCycle(year, 'FY2026-Q4')).toBe(true);
    expect(closesWithCycle(year, 'FY2027-Q1')).toBe(false);
  });

  it('carries an annual item into the next year and a quarterly one into the next quarter', () => {
    const year = cycle('FY2026', 7);
    expect(carryTarget(year, 'FY2026', 7).id).toBe('FY2027');
    expect(carryTarget(year, 'FY2026-Q4', 7).id).toBe('FY2027-Q1');
    expect(carryTarget(cycle('FY2026-Q2', 7), 'FY2026-Q2', 7).id).toBe('FY2026-Q3');
  });
});

describe('lint in a view with annual and quarterly objectives', () => {
  const now = '2025-11-20T12:00:00Z';
  const annual = objective({ id: 'a', cycleId: 'FY2026' });
  const kr = (id: string, cycleId: string, extra = {}) =>
    keyResult({ id, objectiveId: 'a', cycleId, lastCheckInAt: now, ...extra });

  it('counts objectives per cycle for OKR soup', () => {
    const quarterly = Array.from({ length: 5 }, (_, i) =>
      objective({ id: `q${i}`, cycleId: 'FY2026-Q2' }),
    );
    const annuals = Array.from({ length: 3 }, (_, i) =>
      objective({ id: `y${i}`, cycleId: 'FY2026' }),
    );
    const codes = lintTeamOkrs({ objectives: [...quarterly, ...annuals], keyResults: [], now });
    expect(codes.filter((w) => w.code === 'LINT.OKR_SOUP')).toEqual([]);
    const six = [...quarterly, objective({ id: 'q9', cycleId: 'FY2026-Q2' })];
    expect(
      lintTeamOkrs({ objectives: six, keyResults: [], now }).filter(
        (w) => w.code === 'LINT.OKR_SOUP',
      ),
    ).toHaveLength(1);
  });

  it("judges an annual objective's key result count per quarter, not over the year", () => {
    const perQuarter = ['Q1', 'Q2', 'Q3', 'Q4'].flatMap((q) => [
      kr(`${q}-1`, `FY2026-${q}`),
      kr(`${q}-2`, `FY2026-${q}`, { title: 'Cut churn from 5% to 3%' }),
    ]);
    const codes = lintTeamOkrs({ objectives: [annual], keyResults: perQuarter, now }).map(
      (w) => w.code,
    );
    expect(codes).not.toContain('LINT.TOO_MANY_KRS');
    expect(codes).not.toContain('LINT.TOO_FEW_KRS');
  });

  it('flags drift only while the key result’s own cycle runs', () => {
    const stale = '2025-07-15T09:00:00Z';
    const krs = [
      kr('ended', 'FY2026-Q1', { lastCheckInAt: stale }),
      kr('running', 'FY2026', { lastCheckInAt: stale, title: 'Cut churn from 5% to 3%' }),
    ];
    const drift = lintTeamOkrs({ objectives: [annual], keyResults: krs, now, fiscalStartMonth: 7 })
      .filter((w) => w.code === 'LINT.DRIFT')
      .map((w) => w.keyResultId);
    expect(drift).toEqual(['running']);
  });
});
