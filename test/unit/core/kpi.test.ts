import {
  correctiveKeyResultTarget,
  evaluateKpi,
  kpiRangeStatus,
  nextEpisodeState,
  readingTimeProblem,
  type EpisodeState,
  type KpiStatus,
} from '@bearing/core';
import { kpi } from '../../fixtures/okrs';

const DAY = 86_400_000;
const now = '2026-11-22T12:00:00.000Z';
const series = (values: number[], stepDays = 1) =>
  values.map((value, i) => ({
    value,
    at: new Date(Date.parse(now) - (values.length - 1 - i) * stepDays * DAY).toISOString(),
  }));

describe('KPI range status', () => {
  const higher = kpi({ direction: 'higherIsBetter', target: { min: 4.6 }, warningMargin: 0.1 });
  const lower = kpi({ direction: 'lowerIsBetter', target: { max: 10 }, warningMargin: 1 });
  const within = kpi({ direction: 'withinRange', target: { min: 40, max: 60 }, warningMargin: 5 });

  it.each([
    [higher, 4.8, 'healthy'],
    [higher, 4.7, 'healthy'],
    [higher, 4.65, 'warning'],
    [higher, 4.6, 'warning'],
    [higher, 4.59, 'breach'],
    [lower, 5, 'healthy'],
    [lower, 9.5, 'warning'],
    [lower, 10, 'warning'],
    [lower, 10.01, 'breach'],
    [within, 50, 'healthy'],
    [within, 42, 'warning'],
    [within, 58, 'warning'],
    [within, 39, 'breach'],
    [within, 61, 'breach'],
  ])('%#: %j at %d is %s', (k, value, status) => {
    expect(kpiRangeStatus(k, value)).toBe(status);
  });
});

describe('evaluateKpi', () => {
  const csat = kpi({ updateFrequency: 'daily', target: { min: 4.6 }, warningMargin: 0.1 });

  it('has no data without readings and ignores non-finite values', () => {
    expect(evaluateKpi(csat, [], now).status).toBe('noData');
    expect(evaluateKpi(csat, [{ value: Number.NaN, at: now }], now).status).toBe('noData');
  });

  it('reports healthy, warning and breach from the latest reading, whatever the input order', () => {
    const readings = series([4.9, 4.8, 4.55]);
    expect(evaluateKpi(csat, readings, now).status).toBe('breach');
    expect(evaluateKpi(csat, [...readings].reverse(), now)).toEqual(
      evaluateKpi(csat, readings, now),
    );
    expect(evaluateKpi(csat, series([4.9, 4.65]), now).status).toBe('warning');
    expect(evaluateKpi(csat, series([4.9, 4.9]), now)).toMatchObject({
      status: 'healthy',
      trend: 'stable',
      trendingToBreach: false,
    });
  });

  it('is stale when the latest reading is older than 1.5 update periods (and not at exactly 1.5)', () => {
    const at = (ms: number) => [{ value: 4.9, at: new Date(Date.parse(now) - ms).toISOString() }];
    expect(evaluateKpi(csat, at(1.5 * DAY), now).status).toBe('healthy');
    expect(evaluateKpi(csat, at(1.5 * DAY + 1000), now)).toMatchObject({
      status: 'stale',
      rangeStatus: 'healthy',
    });
  });

  it('sees a trend toward breach after 3 worsening readings', () => {
    const e = evaluateKpi(csat, series([5.0, 4.98, 4.96, 4.94]), now, { forecastPeriods: 0 });
    expect(e).toMatchObject({ status: 'healthy', trend: 'worsening', trendingToBreach: true });
    const two = evaluateKpi(csat, series([5.0, 5.0, 4.98, 4.96]), now, { forecastPeriods: 0 });
    expect(two.trendingToBreach).toBe(false);
  });

  it('forecasts a breach with a linear fit within the next periods', () => {
    // Falling 0.02 a day ends at 4.8: the line reaches 4.76 in 2 days, still in range.
    const slow = evaluateKpi(csat, series([4.9, 4.9, 4.85, 4.85, 4.8, 4.8]), now, {
      worseningRun: 99,
    });
    expect(slow.trendingToBreach).toBe(false);
    const fast = evaluateKpi(csat, series([5.2, 5.1, 5.0, 4.9, 4.8, 4.7]), now, {
      worseningRun: 99,
    });
    expect(fast.trendingToBreach).toBe(true);
    expect(Date.parse(fast.forecastBreachAt as string)).toBeGreaterThan(Date.parse(now));
    expect(Date.parse(fast.forecastBreachAt as string)).toBeLessThanOrEqual(
      Date.parse(now) + 2 * DAY,
    );
  });

  it('treats moving away from the middle as worsening for within-range KPIs', () => {
    const within = kpi({
      direction: 'withinRange',
      target: { min: 40, max: 60 },
      warningMargin: 0,
    });
    expect(evaluateKpi(within, series([50, 55]), now).trend).toBe('worsening');
    expect(evaluateKpi(within, series([58, 52]), now).trend).toBe('improving');
    const lower = kpi({ direction: 'lowerIsBetter', target: { max: 10 }, warningMargin: 0 });
    expect(evaluateKpi(lower, series([5, 6]), now).trend).toBe('worsening');
  });
});

describe('breach episodes', () => {
  const csat = kpi({ target: { min: 4.6 }, warningMargin: 0.1 });

  it('opens once on breach and closes only when clear of the threshold (hysteresis)', () => {
    let state: EpisodeState = 'closed';
    const transitions: string[] = [];
    for (const value of [4.7, 4.59, 4.61, 4.58, 4.62, 4.65, 4.7, 4.69, 4.5]) {
      const status: KpiStatus = kpiRangeStatus(csat, value);
      const next = nextEpisodeState(state, status, value, csat);
      transitions.push(next.transition);
      state = next.state;
    }
    expect(transitions).toEqual([
      'unchanged',
      'opened',
      'unchanged',
      'unchanged',
      'unchanged',
      'unchanged',
      'closed',
      'unchanged',
      'opened',
    ]);
  });

  it('never closes on stale data', () => {
    expect(nextEpisodeState('open', 'stale', 4.9, csat)).toEqual({
      state: 'open',
      transition: 'unchanged',
    });
  });
});

describe('corrective key result target', () => {
  it('brings the KPI back inside its healthy range', () => {
    expect(
      correctiveKeyResultTarget(kpi({ target: { min: 4.6 }, warningMargin: 0.1 }), 4.3),
    ).toEqual({ target: 4.7, direction: 'increase' });
    const lower = kpi({ direction: 'lowerIsBetter', target: { max: 10 }, warningMargin: 1 });
    expect(correctiveKeyResultTarget(lower, 14)).toEqual({ target: 9, direction: 'decrease' });
  });
});

describe('readingTimeProblem', () => {
  const now = Date.parse('2026-11-23T09:00:00Z');
  it.each([
    ['2000-01-01T00:00:00Z', undefined],
    ['1999-12-31T23:59:59.999Z', 'before 2000-01-01'],
    ['0000-01-01T00:00:00Z', 'before 2000-01-01'],
    ['2026-11-23T09:05:00Z', undefined],
    ['2026-11-23T09:05:00.001Z', 'in the future'],
  ])('%s → %s', (at, problem) => {
    const found = readingTimeProblem(Date.parse(at), now, at);
    if (problem) expect(found).toContain(problem);
    else expect(found).toBeUndefined();
  });
});
