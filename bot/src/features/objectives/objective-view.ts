import {
  objectiveProgress,
  worstConfidence,
  type KeyResult,
  type KpiView,
  type LintWarning,
  type Objective,
  type ObjectiveView,
} from '@bearing/core';
import { keyResultView } from '../key-results';
import type { Versioned } from '../common';

/** What an objective's view is built from besides the objective itself. */
export interface ObjectiveViewContext {
  /** The objective's active key results. */
  readonly keyResults: readonly Versioned<KeyResult>[];
  /** Display names by user id. */
  readonly names: ReadonlyMap<string, string>;
  /** Active KPIs of the team, as views: those guarding the objective become its guardrails. */
  readonly kpis: readonly KpiView[];
  /** Lint warnings of the team: those about the objective or its key results are kept. */
  readonly warnings: readonly LintWarning[];
  /** Whether a parent id counts as alignment (e.g. only active parents). */
  readonly countsAsAligned: (parentId: string) => boolean;
}

/** An objective as the tab shows it, with its key results, guardrails and lint hints. */
export function objectiveView(
  { value: o, etag }: Versioned<Objective>,
  context: ObjectiveViewContext,
): ObjectiveView {
  const krs = context.keyResults.map((k) => k.value);
  const confidence = worstConfidence(krs.map((k) => k.confidence));
  return {
    id: o.id,
    title: o.title,
    cycleId: o.cycleId,
    level: o.level,
    status: o.status,
    ownerId: o.ownerId,
    ...(context.names.has(o.ownerId) ? { ownerName: context.names.get(o.ownerId) } : {}),
    parentIds: [...o.parentIds],
    aligned: o.parentIds.some((p) => p !== o.id && context.countsAsAligned(p)),
    progress: objectiveProgress(krs),
    ...(confidence ? { confidence } : {}),
    keyResults: context.keyResults.map((k) =>
      keyResultView(k.value, k.etag, context.names.get(k.value.ownerId)),
    ),
    guardrails: context.kpis
      .filter((k) => k.guardsObjectiveIds.includes(o.id))
      .map((k) => ({ kpiId: k.id, name: k.name, status: k.status })),
    warnings: context.warnings.filter(
      (w) =>
        w.objectiveId === o.id ||
        (w.keyResultId !== undefined && krs.some((k) => k.id === w.keyResultId)),
    ),
    etag,
  };
}
