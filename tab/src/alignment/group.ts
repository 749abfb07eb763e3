import type { KeyResultView, ObjectiveView, TeamViewResponse } from '@bearing/core';

/** An objective in the tree with the objectives aligned to it (e.g. individual under team). */
export interface ObjectiveNode {
  readonly objective: ObjectiveView;
  readonly children: readonly ObjectiveNode[];
}

/** A company objective with the team objectives aligned to it. */
export interface CompanyGroup {
  readonly company: TeamViewResponse['companyObjectives'][number];
  readonly objectives: readonly ObjectiveNode[];
}

/** The team view arranged as the alignment tree shows it. */
export interface AlignmentGroups {
  readonly company: readonly CompanyGroup[];
  /** Aligned, but to parents this view does not show (another team's objective, or filtered out). */
  readonly alignedElsewhere: readonly ObjectiveNode[];
  readonly notAligned: readonly ObjectiveNode[];
}

/**
 * Arranges company → team objectives → their own children. An objective with several parents
 * appears under each; unaligned objectives are called out apart. With `hideEmptyCompany` (a
 * search is active) company objectives with nothing under them are left out.
 */
export function groupAlignment(view: TeamViewResponse, hideEmptyCompany = false): AlignmentGroups {
  const companyIds = new Set(view.companyObjectives.map((c) => c.id));
  const teamIds = new Set(view.objectives.map((o) => o.id));
  const childrenOf = new Map<string, ObjectiveView[]>();
  for (const objective of view.objectives) {
    if (!objective.aligned) continue;
    for (const parentId of new Set(objective.parentIds)) {
      if (parentId === objective.id || !teamIds.has(parentId)) continue;
      childrenOf.set(parentId, [...(childrenOf.get(parentId) ?? []), objective]);
    }
  }
  const shown = new Set<string>();
  // `path` guards against alignment cycles, which the server lints but may still store.
  const node = (objective: ObjectiveView, path: ReadonlySet<string>): ObjectiveNode => {
    shown.add(objective.id);
    const next = new Set(path).add(objective.id);
    return {
      objective,
      children: (childrenOf.get(objective.id) ?? [])
        .filter((child) => !next.has(child.id))
        .map((child) => node(child, next)),
    };
  };
  const company = view.companyObjectives
    .map((c) => {
      const objectives = view.objectives
        .filter((o) => o.aligned && o.parentIds.includes(c.id))
        .map((o) => node(o, new Set()));
      return { company: c, objectives };
    })
    .filter((group) => !hideEmptyCompany || group.objectives.length > 0);
  const notAligned = view.objectives.filter((o) => !o.aligned).map((o) => node(o, new Set()));
  const hasShownParent = (o: ObjectiveView) =>
    o.parentIds.some((p) => p !== o.id && (companyIds.has(p) || teamIds.has(p)));
  const alignedElsewhere = view.objectives
    .filter((o) => o.aligned && !hasShownParent(o))
    .map((o) => node(o, new Set()));
  // Whatever no parent reached (a cycle of team objectives) is still shown, never dropped.
  for (const o of view.objectives) {
    if (!shown.has(o.id)) alignedElsewhere.push(node(o, new Set()));
  }
  return { company, alignedElsewhere, notAligned };
}

/** The view with one key result replaced by its updated version (after a successful edit). */
export function withKeyResult(view: TeamViewResponse, updated: KeyResultView): TeamViewResponse {
  return {
    ...view,
    objectives: view.objectives.map((o) =>
      o.keyResults.some((k) => k.id === updated.id)
        ? { ...o, keyResults: o.keyResults.map((k) => (k.id === updated.id ? updated : k)) }
        : o,
    ),
  };
}

/** Finds a key result anywhere in the view. */
export function findKeyResult(
  view: TeamViewResponse,
  keyResultId: string,
): KeyResultView | undefined {
  for (const objective of view.objectives) {
    const found = objective.keyResults.find((k) => k.id === keyResultId);
    if (found) return found;
  }
  return undefined;
}
