import type { Kpi, TargetRange, UpdateFrequency } from './types';

const HOUR = 3_600_000;
const FREQUENCY_MS: Record<UpdateFrequency, number> = {
  hourly: HOUR,
  daily: 24 * HOUR,
  weekly: 7 * 24 * HOUR,
  monthly: 30 * 24 * HOUR,
  quarterly: 91 * 24 * HOUR,
};

/** How long one update period of a KPI lasts, in ms. */
export const updateFrequencyMs = (f: UpdateFrequency): number => FREQUENCY_MS[f];

/** Health of a single value against a KPI's target range and warning margin. */
export type RangeStatus = 'healthy' | 'warning' | 'breach';

type RangeKpi = Pick<Kpi, 'direction' | 'target' | 'warningMargin'>;

/** The bounds that matter for a direction: a floor for higher-is-better, a ceiling for lower. */
export function effectiveBounds(kpi: RangeKpi): TargetRange {
  if (kpi.direction === 'higherIsBetter') return { min: kpi.target.min };
  if (kpi.direction === 'lowerIsBetter') return { max: kpi.target.max };
  return kpi.target;
}

/** Breach outside the range; warning inside it but within the warning margin of a bound. */
export function kpiRangeStatus(kpi: RangeKpi, value: number): RangeStatus {
  const { min, max } = effectiveBounds(kpi);
  if ((min !== undefined && value < min) || (max !== undefined && value > max)) return 'breach';
  const margin = Math.max(0, kpi.warningMargin);
  if ((min !== undefined && value < min + margin) || (max !== undefined && value > max - margin)) {
    return 'warning';
  }
  return 'healthy';
}

/**
 * How "bad" a value is, as a number that grows as the KPI gets worse. Used for trends: lower for
 * higher-is-better means worse; for within-range, the distance from the middle of the range.
 */
export function badness(kpi: RangeKpi, value: number): number {
  if (kpi.direction === 'higherIsBetter') return -value;
  if (kpi.direction === 'lowerIsBetter') return value;
  const { min, max } = kpi.target;
  if (min !== undefined && max !== undefined) return Math.abs(value - (min + max) / 2);
  if (min !== undefined) return -value;
  return max !== undefined ? value : 0;
}

/** The value a corrective key result should reach to bring the KPI back into its healthy range. */
export function correctiveKeyResultTarget(
  kpi: RangeKpi,
  current: number,
): { target: number; direction: 'increase' | 'decrease' } {
  const { min, max } = effectiveBounds(kpi);
  const margin = Math.max(0, kpi.warningMargin);
  // Round away binary noise (4.6 + 0.1 is 4.699999…) so the drafted target reads as people expect.
  const tidy = (n: number) => Number(n.toPrecision(12));
  if (min !== undefined && current < min + margin) {
    return { target: tidy(min + margin), direction: 'increase' };
  }
  if (max !== undefined && current > max - margin) {
    return { target: tidy(max - margin), direction: 'decrease' };
  }
  return {
    target: current,
    direction: kpi.direction === 'lowerIsBetter' ? 'decrease' : 'increase',
  };
}
