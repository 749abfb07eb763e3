import fc from 'fast-check';
import {
  carryOver,
  confidenceCounts,
  cycleById,
  cycleElapsed,
  cycleFor,
  keyResultProgress,
  nextCycle,
  objectiveProgress,
  objectiveScore,
  previousCycle,
  scoreBand,
  suggestedScore,
  teamProgress,
  validateScore,
  worstConfidence,
} from '@bearing/core';
import { keyResult, objective } from '../../fixtures/okrs';

describe('cycles', () => {
  it.each([
    ['2026-11-22', 7, 'FY2027-Q2', '2026-10-01', '2027-01-01'],
    ['2026-07-01', 7, 'FY2027-Q1', '2026-07-01', '2026-10-01'],
    ['2026-06-30', 7, 'FY2026-Q4', '2026-04-01', '2026-07-01'],
    ['2026-11-22', 1, 'FY2026-Q4', '2026-10-01', '2027-01-01'],
    ['2027-01-01', 1, 'FY2027-Q1', '2027-01-01', '2027-04-01'],
    ['2026-03-31', 4, 'FY2026-Q4', '2026-01-01', '2026-04-01'],
    ['2026-04-01', 4, 'FY2027-Q1', '2026-04-01', '2026-07-01'],
    ['2026-12-15', 10, 'FY2027-Q1', '2026-10-01', '2027-01-01'],
    ['2026-09-30', 10, 'FY2026-Q4', '2026-07-01', '2026-10-01'],
    ['2026-02-10', 11, 'FY2026-Q2', '2026-02-01', '2026-05-01'],
    ['2026-01-31', 11, 'FY2026-Q1', '2025-11-01', '2026-02-01'],
  ])('%s with fiscal start month %i is %s [%s, %s)', (date, month, id, start, end) => {
    const c = cycleFor(date, month);
    expect(c.id).toBe(id);
    expect(c.start).toBe(start);
    expect(c.end).toBe(end);
  });

  it('steps forward and back across fiscal years and parses ids', () => {
    const q4 = cycleFor('2027-06-15', 7);
    expect(q4.id).toBe('FY2027-Q4');
    expect(nextCycle(q4, 7)).toMatchObject({ id: 'FY2028-Q1', start: '2027-07-01' });
    expect(previousCycle(nextCycle(q4, 7), 7)).toEqual(q4);
    expect(previousCycle(cycleFor('2026-07-02', 7), 7).id).toBe('FY2026-Q4');
    expect(cycleById('FY2027-Q2', 7)).toEqual(cycleFor('2026-11-01', 7));
    expect(cycleById('FY2027-Q5', 7)).toBeUndefined();
  });

  it('every date belongs to the cycle it maps to (property)', () => {
    fc.assert(
      fc.property(
        fc.date({
          min: new Date('2000-01-01T00:00:00Z'),
          max: new Date('2099-12-31T00:00:00Z'),
          noInvalidDate: true,
        }),
        fc.integer({ min: 1, max: 12 }),
        (d, month) => {
          const day = d.toISOString().slice(0, 10);
          const c = cycleFor(day, month);
          expect(c.start <= day && day < c.end).toBe(true);
          expect(nextCycle(c, month).start).toBe(c.end);
        },
      ),
    );
  });

  it('measures elapsed time, clamped', () => {
    const c = cycleFor('2026-11-22', 1);
    expect(cycleElapsed(c, '2026-09-01T00:00:00Z')).toBe(0);
    expect(cycleElapsed(c, '2027-02-01T00:00:00Z')).toBe(1);
    expect(cycleElapsed(c, '2026-11-16T00:00:00Z')).toBeCloseTo(46 / 92, 5);
  });
});

describe('key result progress', () => {
  it('is linear from baseline to target, clamped to 0..1', () => {
    expect(keyResultProgress(keyResult({ baseline: 20, target: 40, current: 30 }))).toBe(0.5);
    expect(keyResultProgress(keyResult({ baseline: 20, target: 40, current: 50 }))).toBe(1);
    expect(keyResultProgress(keyResult({ baseline: 20, target: 40, current: 10 }))).toBe(0);
  });

  it('works for decreasing metrics', () => {
    const kr = keyResult({ baseline: 30, target: 20, current: 25, direction: 'decrease' });
    expect(keyResultProgress(kr)).toBe(0.5);
    expect(keyResultProgress({ ...kr, current: 35 })).toBe(0);
    expect(keyResultProgress({ ...kr, current: 10 })).toBe(1);
  });

  it('handles negative values', () => {
    expect(keyResultProgress(keyResult({ baseline: -10, target: 10, current: 0 }))).toBe(0.5);
  });

  it('with baseline == target is done only once the target is reached in its direction', () => {
    const up = keyResult({ baseline: 99.9, target: 99.9, current: 99.8 });
    expect(keyResultProgress(up)).toBe(0);
    expect(keyResultProgress({ ...up, current: 99.95 })).toBe(1);
    const down = keyResult({ baseline: 5, target: 5, current: 6, direction: 'decrease' });
    expect(keyResultProgress(down)).toBe(0);
    expect(keyResultProgress({ ...down, current: 4 })).toBe(1);
  });

  it('handles boolean, milestone and non-finite values', () => {
    expect(
      keyResultProgress(keyResult({ type: 'boolean', baseline: 0, target: 1, current: 1 })),
    ).toBe(1);
    expect(
      keyResultProgress(keyResult({ type: 'boolean', baseline: 0, target: 1, current: 0 })),
    ).toBe(0);
    expect(
      keyResultProgress(keyResult({ type: 'milestone', baseline: 0, target: 4, current: 3 })),
    ).toBe(0.75);
    expect(keyResultProgress(keyResult({ current: Number.NaN }))).toBe(0);
  });

  it('is always within [0, 1] (property)', () => {
    const n = fc.double({ noNaN: false, min: -1e12, max: 1e12 });
    fc.assert(
      fc.property(
        n,
        n,
        n,
        fc.constantFrom('increase', 'decrease') as fc.Arbitrary<'increase' | 'decrease'>,
        (b, t, c, d) => {
          const p = keyResultProgress(
            keyResult({ baseline: b, target: t, current: c, direction: d }),
          );
          expect(p >= 0 && p <= 1).toBe(true);
        },
      ),
    );
  });
});

describe('roll-ups and scoring', () => {
  const krs = [
    keyResult({ id: 'a', current: 40 }),
    keyResult({ id: 'b', current: 20, confidence: 'atRisk' }),
    keyResult({ id: 'c', current: 40, status: 'archived', confidence: 'offTrack' }),
  ];

  it('averages active key results into objectives and objectives into a team', () => {
    expect(objectiveProgress(krs)).toBe(0.5);
    expect(objectiveProgress([])).toBe(0);
    const objectives = [
      objective({ id: 'o1' }),
      objective({ id: 'o2' }),
      objective({ id: 'o3', status: 'archived' }),
    ];
    const teamKrs = [...krs, keyResult({ id: 'd', objectiveId: 'o2', current: 40 })];
    expect(teamProgress(objectives, teamKrs)).toBe(0.75);
    expect(teamProgress([], [])).toBe(0);
  });

  it('rolls confidence up to the worst and counts active ones', () => {
    expect(worstConfidence(['onTrack', 'atRisk', 'onTrack'])).toBe('atRisk');
    expect(worstConfidence(['onTrack', 'offTrack', 'atRisk'])).toBe('offTrack');
    expect(worstConfidence([])).toBeUndefined();
    expect(confidenceCounts(krs)).toEqual({ onTrack: 1, atRisk: 1, offTrack: 0 });
  });

  it('suggests, validates and bands end-of-cycle scores (0.7 is a good stretch)', () => {
    expect(suggestedScore(keyResult({ current: 34 }))).toBe(0.7);
    expect(validateScore(0.75)).toEqual({ ok: true, value: 0.75 });
    for (const bad of [-0.1, 1.01, Number.NaN, Number.POSITIVE_INFINITY]) {
      const r = validateScore(bad);
      expect(r.ok ? 'ok' : r.error.code).toBe('OKR.SCORE_OUT_OF_RANGE');
    }
    expect([0.2, 0.4, 0.69, 0.7, 0.95, 1].map(scoreBand)).toEqual([
      'missed',
      'progress',
      'progress',
      'goodStretch',
      'goodStretch',
      'achieved',
    ]);
    expect(objectiveScore([keyResult({ score: 0.6 }), keyResult({ current: 40 })])).toBe(0.8);
  });

  it('carries an objective over as a draft whose key results start where they ended', () => {
    const o = objective({ score: 0.6 });
    const next = cycleFor('2027-01-15', 7);
    const result = carryOver(
      o,
      krs,
      next,
      { objectiveId: 'o1-next', keyResultIds: ['x', 'y'] },
      '2027-01-02T00:00:00Z',
    );
    expect(result.objective).toMatchObject({
      id: 'o1-next',
      cycleId: 'FY2027-Q3',
      status: 'draft',
      carriedFromId: 'o1',
    });
    expect(result.objective.score).toBeUndefined();
    expect(result.keyResults.map((k) => [k.id, k.baseline, k.target, k.objectiveId])).toEqual([
      ['x', 40, 40, 'o1-next'],
      ['y', 20, 40, 'o1-next'],
    ]);
  });
});
