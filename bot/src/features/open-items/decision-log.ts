import {
  cycleScopeOf,
  ok,
  type DecisionLogQuery,
  type DecisionLogResponse,
  type OpenItem,
  type OpenItemView,
  type Result,
} from '@bearing/core';
import { csvOf, requireMember, weekIn, type Caller } from '../common';
import type { OpenItemStores } from './item-actions';
import {
  agendaOrder,
  DECISION_LOG_COLUMNS,
  decisionLogRow,
  itemLookup,
  openItemViewOf,
  type ItemLookup,
} from './open-item-views';
import type { OpenItemStore } from './ports';

/** The decision log as JSON, or as CSV text to download. */
export type DecisionLogExport =
  | { readonly format: 'json'; readonly body: DecisionLogResponse }
  | { readonly format: 'csv'; readonly body: string; readonly fileName: string };

/**
 * The team's record of what was raised and decided: every item (open and closed), newest first,
 * filtered by cycle, objective (an item concerns the objectives of its key results) and person
 * (who raised or closed it). Members read it. One point read, one single-partition query for the
 * items and one per cycle for the key result titles.
 */
export async function getDecisionLog(
  stores: OpenItemStores,
  caller: Caller,
  teamId: string,
  query: DecisionLogQuery,
  now: Date,
): Promise<Result<DecisionLogExport>> {
  const me = await requireMember(stores.teams, caller, teamId);
  if (!me.ok) return me;
  const { tenantId } = caller;
  const [team, org, members, items] = await Promise.all([
    stores.teams.getTeam(tenantId, teamId),
    stores.organizations.getOrganization(tenantId),
    stores.teams.listMembers(tenantId, teamId),
    stores.openItems.listItems(tenantId, teamId, query.cycleId ? { cycleId: query.cycleId } : {}),
  ]);
  const cycles = [...new Set(items.map((i) => i.value.cycleId))];
  // The items' key results may be of their quarter or annual: every cycle's view, in one query.
  const scope = [...new Set(cycles.flatMap((c) => cycleScopeOf(c)))];
  const [krs, objectives] = scope.length
    ? await Promise.all([
        stores.okrs.listKeyResults(tenantId, teamId, scope),
        stores.okrs.listObjectives(tenantId, teamId, scope),
      ])
    : [[], []];
  const objectiveOf = new Map(krs.map((k) => [k.value.id, k.value.objectiveId]));
  const week = weekIn(now, team?.value.settings.timeZone, org?.value.defaultTimeZone);
  const lookup = itemLookup(
    members,
    krs.map((k) => k.value),
    week,
  );
  const views = items
    .map((i) => i.value)
    .filter(
      (i) =>
        !query.objectiveId ||
        i.keyResultIds.some((id) => objectiveOf.get(id) === query.objectiveId),
    )
    .filter(
      (i) =>
        !query.userId || i.authorId === query.userId || i.resolution?.byUserId === query.userId,
    )
    .map((i) => openItemViewOf(i, lookup));
  if (query.format === 'csv') {
    const name = (team?.value.name ?? teamId).replace(/[^A-Za-z0-9]+/g, '-');
    return ok({
      format: 'csv',
      body: csvOf(DECISION_LOG_COLUMNS, views.map(decisionLogRow)),
      fileName: `${name}-decision-log${query.cycleId ? `-${query.cycleId}` : ''}.csv`,
    });
  }
  const concerned = new Set(
    items.flatMap((i) => i.value.keyResultIds.map((k) => objectiveOf.get(k))),
  );
  const people = new Map<string, string>();
  for (const { value: i } of items) {
    people.set(i.authorId, lookup.names.get(i.authorId) ?? i.authorId);
    if (i.resolution)
      people.set(i.resolution.byUserId, i.resolution.byName || i.resolution.byUserId);
  }
  return ok({
    format: 'json',
    body: {
      teamId,
      items: views,
      objectives: objectives
        .filter((o) => concerned.has(o.value.id))
        .map((o) => ({ id: o.value.id, title: o.value.title })),
      cycleIds: cycles.sort(),
      people: [...people].map(([userId, displayName]) => ({ userId, displayName })),
    },
  });
}

/** The team's open items for the agenda and digest, oldest first. One single-partition query. */
export async function teamOpenItems(
  store: OpenItemStore,
  tenantId: string,
  teamId: string,
  lookup: ItemLookup,
): Promise<OpenItemView[]> {
  const items = await store.listOpenItems(tenantId, teamId);
  return items.map((i) => openItemViewOf(i.value, lookup)).sort(agendaOrder);
}

/** How long a closed item stays in its author's view (check-in card, My OKRs). */
const SHOW_OUTCOME_MS = 28 * 24 * 3600_000;

/** The instant from which closed items still show to their author. */
export const outcomesSince = (now: Date) => new Date(now.getTime() - SHOW_OUTCOME_MS).toISOString();

/**
 * A member's own items among `items` (open, or changed since {@link outcomesSince}): open ones,
 * then those a manager closed with the outcome (resolved, or what was decided). Pure, so a
 * team's weekly cards share one read of the team's items.
 */
export function ownItemViews(
  items: readonly OpenItem[],
  userId: string,
  lookup: ItemLookup,
  now: Date,
): OpenItemView[] {
  const since = outcomesSince(now);
  return items
    .filter(
      (i) =>
        i.authorId === userId &&
        (i.status === 'open' ||
          (i.resolution !== undefined &&
            i.resolution.outcome !== 'withdrawn' &&
            i.resolution.at >= since)),
    )
    .map((i) => openItemViewOf(i, lookup))
    .sort((a, b) => Number(a.status !== 'open') - Number(b.status !== 'open'));
}

/** A member's own items (see {@link ownItemViews}): one single-partition query. */
export async function memberOpenItems(
  store: OpenItemStore,
  tenantId: string,
  teamId: string,
  userId: string,
  lookup: ItemLookup,
  now: Date,
): Promise<OpenItemView[]> {
  const items = await store.listItems(tenantId, teamId, {
    authorId: userId,
    openOrChangedSince: outcomesSince(now),
  });
  return ownItemViews(
    items.map((i) => i.value),
    userId,
    lookup,
    now,
  );
}
