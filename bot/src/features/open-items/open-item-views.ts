import {
  openItemAgeWeeks,
  type IsoWeek,
  type OpenItem,
  type OpenItemView,
  type TeamMember,
} from '@bearing/core';

/** What turns stored items into views: names of members, titles of key results, this week. */
export interface ItemLookup {
  readonly names: ReadonlyMap<string, string>;
  readonly titles: ReadonlyMap<string, string>;
  readonly week: IsoWeek;
}

/** A lookup from the team's members and key results. */
export const itemLookup = (
  members: readonly Pick<TeamMember, 'userId' | 'displayName'>[],
  keyResults: readonly { readonly id: string; readonly title: string }[],
  week: IsoWeek,
): ItemLookup => ({
  names: new Map(members.map((m) => [m.userId, m.displayName])),
  titles: new Map(keyResults.map((k) => [k.id, k.title])),
  week,
});

/** One item as the agenda, My OKRs and the decision log show it. */
export function openItemViewOf(item: OpenItem, lookup: ItemLookup): OpenItemView {
  const name = (userId: string) => lookup.names.get(userId) ?? userId;
  const r = item.resolution;
  return {
    id: item.id,
    kind: item.kind,
    text: item.text,
    author: { userId: item.authorId, displayName: name(item.authorId) },
    keyResults: item.keyResultIds
      .filter((id) => lookup.titles.has(id))
      .map((id) => ({ id, title: lookup.titles.get(id) as string })),
    cycleId: item.cycleId,
    createdWeek: item.createdWeek,
    createdAt: item.createdAt,
    ageWeeks: openItemAgeWeeks(item, lookup.week),
    isNew: item.createdWeek === lookup.week,
    status: item.status,
    ...(r
      ? {
          resolution: {
            outcome: r.outcome,
            ...(r.text ? { text: r.text } : {}),
            by: { userId: r.byUserId, displayName: r.byName || name(r.byUserId) },
            at: r.at,
          },
        }
      : {}),
  };
}

/** The agenda's order: oldest first (what has waited longest comes up first). */
export const agendaOrder = (a: OpenItemView, b: OpenItemView) =>
  a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id);

/** Columns of the decision log export (CSV). */
export const DECISION_LOG_COLUMNS = [
  'id',
  'kind',
  'status',
  'outcome',
  'raised_week',
  'raised_by',
  'text',
  'key_results',
  'decision_or_note',
  'closed_by',
  'closed_at',
] as const;

/** One CSV row of the decision log. */
export const decisionLogRow = (v: OpenItemView): unknown[] => [
  v.id,
  v.kind,
  v.status,
  v.resolution?.outcome ?? '',
  v.createdWeek,
  v.author.displayName,
  v.text,
  v.keyResults.map((k) => k.title).join('; '),
  v.resolution?.text ?? '',
  v.resolution?.by.displayName ?? '',
  v.resolution?.at ?? '',
];
