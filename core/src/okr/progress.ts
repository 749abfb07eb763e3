import type { Confidence, KeyResult, Objective } from './types';

type Measured = Pick<KeyResult, 'type' | 'baseline' | 'target' | 'current' | 'direction'>;

const clamp01 = (x: number) => (Number.isFinite(x) ? Math.min(1, Math.max(0, x)) : 0);

/**
 * Progress of a key result from baseline to target, clamped to 0..1. Works for decreasing metrics
 * (30 → 20 days at 25 is 0.5); when baseline equals target it is 1 once the target is reached in
 * the KR's direction, else 0.
 */
export function keyResultProgress(kr: Measured): number {
  const { baseline, target, current } = kr;
  if (![baseline, target, current].every(Number.isFinite)) return 0;
  if (kr.type === 'boolean') return current >= 1 ? 1 : 0;
  if (baseline === target) {
    const reached = kr.direction === 'decrease' ? current <= target : current >= target;
    return reached ? 1 : 0;
  }
  return clamp01((current - baseline) / (target - baseline));
}

/** Progress of an objective: the mean of its active key results (0 with none). */
export function objectiveProgress(keyResults: readonly KeyResult[]): number {
  const active = keyResults.filter((k) => k.status === 'active');
  if (active.length === 0) return 0;
  return active.reduce((sum, k) => sum + keyResultProgress(k), 0) / active.length;
}

/** Progress of a team: the mean over its active objectives of their progress. */
export function teamProgress(
  objectives: readonly Objective[],
  keyResults: readonly KeyResult[],
): number {
  const active = objectives.filter((o) => o.status === 'active');
  if (active.length === 0) return 0;
  const total = active.reduce(
    (sum, o) => sum + objectiveProgress(keyResults.filter((k) => k.objectiveId === o.id)),
    0,
  );
  return total / active.length;
}

const SEVERITY: Record<Confidence, number> = { onTrack: 0, atRisk: 1, offTrack: 2 };

/** Roll-up of confidences: the worst one wins (one off-track KR makes the objective off track). */
export function worstConfidence(confidences: readonly Confidence[]): Confidence | undefined {
  return confidences.reduce<Confidence | undefined>(
    (worst, c) => (worst === undefined || SEVERITY[c] > SEVERITY[worst] ? c : worst),
    undefined,
  );
}

/** How many key results are in each confidence. */
export function confidenceCounts(keyResults: readonly KeyResult[]): Record<Confidence, number> {
  const counts: Record<Confidence, number> = { onTrack: 0, atRisk: 0, offTrack: 0 };
  for (const k of keyResults) if (k.status === 'active') counts[k.confidence] += 1;
  return counts;
}
