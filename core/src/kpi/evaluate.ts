import type { Instant } from '../common/ids';
import { badness, kpiRangeStatus, updateFrequencyMs, type RangeStatus } from './range';
import type { Kpi, KpiEvaluation, KpiReading, KpiTrend } from './types';

/** Tunables of the trend detection. */
export interface EvaluateOptions {
  /** Consecutive worsening readings that count as trending toward breach. */
  readonly worseningRun: number;
  /** Readings the linear forecast is fitted on. */
  readonly forecastWindow: number;
  /** Update periods ahead the forecast looks for a breach. */
  readonly forecastPeriods: number;
}

const DEFAULTS: EvaluateOptions = { worseningRun: 3, forecastWindow: 6, forecastPeriods: 2 };

/** The evaluation plus the range status of the latest value (kept even when the data is stale). */
export type KpiAssessment = KpiEvaluation & { readonly rangeStatus?: RangeStatus };

/**
 * Evaluates a KPI at `now` from its readings (any order): noData, stale (latest reading older than
 * 1.5 update periods: stale wins because the range status is no longer trustworthy), else the range
 * status; plus the trend and whether it is heading for a breach.
 */
export function evaluateKpi(
  kpi: Kpi,
  readings: readonly Pick<KpiReading, 'value' | 'at'>[],
  now: Instant,
  options: Partial<EvaluateOptions> = {},
): KpiAssessment {
  const opts = { ...DEFAULTS, ...options };
  const series = readings
    .filter((r) => Number.isFinite(r.value) && Number.isFinite(Date.parse(r.at)))
    .map((r) => ({ value: r.value, t: Date.parse(r.at), at: r.at }))
    .sort((a, b) => a.t - b.t);
  const last = series[series.length - 1];
  if (!last) return { status: 'noData', trend: 'stable', trendingToBreach: false };

  const rangeStatus = kpiRangeStatus(kpi, last.value);
  const period = updateFrequencyMs(kpi.updateFrequency);
  const stale = Date.parse(now) - last.t > 1.5 * period;
  const bad = series.map((p) => badness(kpi, p.value));
  const trend = trendOf(bad);
  const run = worseningRunLength(bad);
  const forecastBreachAt =
    rangeStatus === 'breach' ? undefined : forecastBreach(kpi, series, period, opts);
  const trendingToBreach =
    rangeStatus !== 'breach' && (run >= opts.worseningRun || forecastBreachAt !== undefined);
  return {
    status: stale ? 'stale' : rangeStatus,
    rangeStatus,
    trend,
    trendingToBreach,
    ...(forecastBreachAt ? { forecastBreachAt } : {}),
    lastReading: { value: last.value, at: last.at },
  };
}

function trendOf(bad: readonly number[]): KpiTrend {
  if (bad.length < 2) return 'stable';
  const delta = bad[bad.length - 1] - bad[bad.length - 2];
  const scale = Math.max(1e-9, ...bad.map(Math.abs)) * 1e-6;
  return delta > scale ? 'worsening' : delta < -scale ? 'improving' : 'stable';
}

/** How many of the latest steps in a row got worse. */
function worseningRunLength(bad: readonly number[]): number {
  let run = 0;
  for (let i = bad.length - 1; i > 0 && bad[i] > bad[i - 1]; i -= 1) run += 1;
  return run;
}

/** Least-squares line over the latest readings; the instant it leaves the range, if soon. */
function forecastBreach(
  kpi: Kpi,
  series: readonly { value: number; t: number }[],
  period: number,
  opts: EvaluateOptions,
): Instant | undefined {
  const window = series.slice(-opts.forecastWindow);
  if (window.length < 3) return undefined;
  const n = window.length;
  const t0 = window[0].t;
  const xs = window.map((p) => (p.t - t0) / period);
  const ys = window.map((p) => p.value);
  const mx = xs.reduce((a, b) => a + b, 0) / n;
  const my = ys.reduce((a, b) => a + b, 0) / n;
  const sxx = xs.reduce((a, x) => a + (x - mx) ** 2, 0);
  if (sxx === 0) return undefined;
  const slope = xs.reduce((a, x, i) => a + (x - mx) * (ys[i] - my), 0) / sxx;
  const last = window[n - 1];
  const xLast = (last.t - t0) / period;
  // Step through the horizon in tenths of a period: simple, exact enough, no root finding.
  for (let step = 1; step <= opts.forecastPeriods * 10; step += 1) {
    const x = xLast + step / 10;
    const y = my + slope * (x - mx);
    if (kpiRangeStatus(kpi, y) === 'breach') return new Date(t0 + x * period).toISOString();
  }
  return undefined;
}
