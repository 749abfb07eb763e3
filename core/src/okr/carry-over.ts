import type { Instant } from '../common/ids';
import type { Cycle, KeyResult, Objective } from './types';

/**
 * Carries an objective into the next cycle as a draft: same title, owner and alignment; each
 * active key result starts again from where it ended (baseline = current).
 */
export function carryOver(
  objective: Objective,
  keyResults: readonly KeyResult[],
  next: Cycle,
  ids: { readonly objectiveId: string; readonly keyResultIds: readonly string[] },
  now: Instant,
): { objective: Objective; keyResults: KeyResult[] } {
  const carried: Objective = {
    ...objective,
    id: ids.objectiveId,
    cycleId: next.id,
    status: 'draft',
    carriedFromId: objective.id,
    score: undefined,
    retrospective: undefined,
    createdAt: now,
    updatedAt: now,
  };
  const active = keyResults.filter((k) => k.status === 'active' && k.objectiveId === objective.id);
  const krs = active.map((k, i): KeyResult => ({
    ...k,
    id: ids.keyResultIds[i] ?? `${ids.objectiveId}-kr${i + 1}`,
    objectiveId: ids.objectiveId,
    cycleId: next.id,
    baseline: k.type === 'boolean' || k.type === 'milestone' ? k.baseline : k.current,
    score: undefined,
    confidence: 'onTrack',
    lastCheckInAt: undefined,
    createdAt: now,
    updatedAt: now,
  }));
  return { objective: carried, keyResults: krs };
}
