import type { Team } from '../team/types';
import { objectiveProgress } from '../okr/progress';
import type { KeyResult, Objective } from '../okr/types';

/** An objective in the alignment tree, with the objectives aligned beneath it. */
export interface AlignmentNode {
  readonly objective: Objective;
  readonly teamName?: string;
  readonly progress: number;
  readonly keyResults: readonly KeyResult[];
  readonly children: readonly AlignmentNode[];
}

/** The organisation's alignment: company roots → team objectives → key results. */
export interface AlignmentTree {
  readonly roots: readonly AlignmentNode[];
  /** Active team/individual objectives with no existing, active parent. */
  readonly unaligned: readonly AlignmentNode[];
  /** Share (0..1) of active non-company objectives aligned to an existing parent (1 with none). */
  readonly alignmentPercent: number;
}

const visible = (o: Objective) => o.status !== 'archived';

/**
 * Builds the alignment tree across teams. An objective with several parents appears under each;
 * cycles in `parentIds` are cut (an objective never appears inside its own subtree).
 */
export function buildAlignmentTree(input: {
  readonly teams: readonly Team[];
  readonly objectives: readonly Objective[];
  readonly keyResults: readonly KeyResult[];
}): AlignmentTree {
  const objectives = input.objectives.filter(visible);
  const byId = new Map(objectives.map((o) => [o.id, o]));
  const teamNames = new Map(input.teams.map((t) => [t.id, t.name]));
  const krsOf = new Map<string, KeyResult[]>();
  for (const k of input.keyResults) {
    if (k.status !== 'active') continue;
    krsOf.set(k.objectiveId, [...(krsOf.get(k.objectiveId) ?? []), k]);
  }
  const childrenOf = new Map<string, Objective[]>();
  for (const o of objectives) {
    for (const p of new Set(o.parentIds)) {
      if (byId.has(p) && p !== o.id) childrenOf.set(p, [...(childrenOf.get(p) ?? []), o]);
    }
  }
  const build = (o: Objective, path: ReadonlySet<string>): AlignmentNode => {
    const inner = new Set(path).add(o.id);
    const keyResults = krsOf.get(o.id) ?? [];
    return {
      objective: o,
      ...(o.teamId ? { teamName: teamNames.get(o.teamId) } : {}),
      progress: objectiveProgress(keyResults),
      keyResults,
      children: (childrenOf.get(o.id) ?? [])
        .filter((c) => !inner.has(c.id))
        .map((c) => build(c, inner)),
    };
  };
  const isAligned = (o: Objective) =>
    o.parentIds.some((p) => p !== o.id && byId.get(p)?.status === 'active');
  const roots = objectives.filter((o) => o.level === 'company').map((o) => build(o, new Set()));
  const candidates = objectives.filter((o) => o.level !== 'company' && o.status === 'active');
  const unaligned = candidates.filter((o) => !isAligned(o)).map((o) => build(o, new Set()));
  const alignmentPercent =
    candidates.length === 0 ? 1 : (candidates.length - unaligned.length) / candidates.length;
  return { roots, unaligned, alignmentPercent };
}
