import { effectiveBounds, kpiRangeStatus } from './range';
import type { Kpi, KpiStatus } from './types';

/** Whether a KPI is in an open breach episode (one alert per episode, not per reading). */
export type EpisodeState = 'open' | 'closed';

/** What happened to the episode with a new evaluation. */
export type EpisodeTransition = 'opened' | 'closed' | 'unchanged';

type EpisodeKpi = Pick<Kpi, 'direction' | 'target' | 'warningMargin'>;

/**
 * Hysteresis: an episode opens on a breach and closes only once the value is back inside the range
 * by at least the warning margin, so a value flapping around the threshold does not open and close
 * an episode on every reading. Stale or missing data never closes an episode.
 */
export function nextEpisodeState(
  previous: EpisodeState,
  status: KpiStatus,
  value: number | undefined,
  kpi: EpisodeKpi,
): { state: EpisodeState; transition: EpisodeTransition } {
  if (previous === 'closed') {
    return status === 'breach'
      ? { state: 'open', transition: 'opened' }
      : { state: 'closed', transition: 'unchanged' };
  }
  if (value === undefined || !Number.isFinite(value) || status === 'stale' || status === 'noData') {
    return { state: 'open', transition: 'unchanged' };
  }
  return clearOfThreshold(kpi, value)
    ? { state: 'closed', transition: 'closed' }
    : { state: 'open', transition: 'unchanged' };
}

function clearOfThreshold(kpi: EpisodeKpi, value: number): boolean {
  if (kpiRangeStatus(kpi, value) === 'breach') return false;
  const margin = Math.max(0, kpi.warningMargin);
  const { min, max } = effectiveBounds(kpi);
  return (
    (min === undefined || value >= min + margin) && (max === undefined || value <= max - margin)
  );
}
