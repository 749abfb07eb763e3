import type { ImportOrigin } from '../okr/types';
import { normalName } from './values';
import type { VivaExport, VivaItem } from './viva-types';

const clip60 = (s: string) => (s.length > 60 ? `${s.slice(0, 59)}…` : s);

/** The kept source facts of an imported item (status, goal type, score, progress). */
export const originOf = (item: VivaItem, unmatched?: string): ImportOrigin => ({
  system: 'vivaGoals',
  id: item.vivaId,
  ...(item.status ? { status: item.status } : {}),
  ...(item.goalType ? { goalType: item.goalType } : {}),
  ...(item.score !== undefined ? { score: item.score } : {}),
  ...(item.progress !== undefined ? { progress: item.progress } : {}),
  ...(unmatched ? { unmatchedOwner: unmatched } : {}),
});

/**
 * The alignment tree of an export: items by id and title, each item's parents (by id, else by a
 * unique title; missing ones warned about once), the nearest objective above an item, and the
 * team an item belongs to (its own first team, else the nearest parent's).
 */
export function itemTree(
  data: VivaExport,
  teamOf: (name: string) => string | undefined,
  warn: (code: string, message: string, source?: string) => void,
  decide: (subject: string, decision: string) => void,
) {
  const byId = new Map(data.items.map((i) => [i.vivaId, i]));
  const byTitle = new Map<string, VivaItem[]>();
  for (const i of data.items)
    byTitle.set(normalName(i.title), [...(byTitle.get(normalName(i.title)) ?? []), i]);
  const parentMemo = new Map<string, VivaItem[]>();
  const parentsOf = (item: VivaItem): VivaItem[] => {
    const known = parentMemo.get(item.vivaId);
    if (known) return known;
    const found = item.parents.flatMap((p) => {
      const byIdFound = p.id ? byId.get(p.id) : undefined;
      if (byIdFound) return [byIdFound];
      const titled = p.title ? (byTitle.get(normalName(p.title)) ?? []) : [];
      if (titled.length === 1) return titled;
      warn(
        'parent.missing',
        `"${clip60(item.title)}" aligns to ${p.id ? `item ${p.id}` : `"${p.title}"`}, which is not in the export${titled.length > 1 ? ' (or not unique)' : ''}.`,
        item.source,
      );
      return [];
    });
    parentMemo.set(item.vivaId, found);
    return found;
  };
  /** The objective an item belongs under: itself, or the nearest objective above it. */
  const objectiveAbove = (item: VivaItem, seen = new Set<string>()): VivaItem | undefined => {
    if (seen.has(item.vivaId)) return undefined;
    seen.add(item.vivaId);
    for (const p of parentsOf(item)) {
      if (p.kind === 'objective') return p;
      const up = objectiveAbove(p, seen);
      if (up) return up;
    }
    return undefined;
  };
  const teamMemo = new Map<string, string | null>();
  const teamIdOf = (item: VivaItem, seen = new Set<string>()): string | null => {
    if (teamMemo.has(item.vivaId)) return teamMemo.get(item.vivaId)!;
    if (item.teams.length > 1)
      decide('Items of several teams', 'kept in their first team; the alignment links the others');
    let team: string | null = item.teams[0] ? (teamOf(item.teams[0]) ?? null) : null;
    if (!team && !seen.has(item.vivaId)) {
      seen.add(item.vivaId);
      for (const p of parentsOf(item)) {
        team = teamIdOf(p, seen);
        if (team) break;
      }
    }
    teamMemo.set(item.vivaId, team);
    return team;
  };

  return { byId, byTitle, parentsOf, objectiveAbove, teamIdOf };
}
