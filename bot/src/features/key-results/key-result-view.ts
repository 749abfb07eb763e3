import {
  keyResultProgress,
  liveKeyResults,
  type KeyResult,
  type KeyResultView,
  type KeyResultWithObjective,
} from '@bearing/core';
import type { TeamSnapshot } from '../common';

/** The key result as the tab shows it. */
export function keyResultView(k: KeyResult, etag: string, ownerName?: string): KeyResultView {
  return {
    id: k.id,
    objectiveId: k.objectiveId,
    cycleId: k.cycleId,
    title: k.title,
    type: k.type,
    ...(k.unit ? { unit: k.unit } : {}),
    baseline: k.baseline,
    target: k.target,
    current: k.current,
    direction: k.direction,
    progress: keyResultProgress(k),
    confidence: k.confidence,
    ownerId: k.ownerId,
    ...(ownerName ? { ownerName } : {}),
    ...(k.lastCheckInAt ? { lastCheckInAt: k.lastCheckInAt } : {}),
    etag,
  };
}

/** Active key results of live objectives, each with its objective's title and owner name. */
export function liveKeyResultViews(snapshot: TeamSnapshot): KeyResultWithObjective[] {
  const names = new Map(snapshot.members.map((m) => [m.userId, m.displayName]));
  return liveKeyResults(
    snapshot.objectives.map((o) => o.value),
    snapshot.keyResults,
    (k) => k.value,
  ).map(({ keyResult: k, objectiveTitle }) => ({
    ...keyResultView(k.value, k.etag, names.get(k.value.ownerId)),
    objectiveTitle,
  }));
}
