import {
  API_ERROR_CODES,
  closeItem,
  err,
  ok,
  type OpenItem,
  type OpenItemView,
  type Result,
  type TeamMember,
} from '@bearing/core';
import {
  StoreConflictError,
  type OkrStore,
  type OrganizationStore,
  type TeamStore,
  conflict,
  forbidden,
  notFound,
  requireMember,
  weekIn,
  type Caller,
} from '../common';
import { itemLookup, openItemViewOf } from './open-item-views';
import type { OpenItemStore } from './ports';

/** The stores the item actions and views read. */
export interface OpenItemStores {
  readonly organizations: OrganizationStore;
  readonly teams: TeamStore;
  readonly okrs: OkrStore;
  readonly openItems: OpenItemStore;
}

/** What may change an item: its team's managers, or its author. */
type Who = 'manager' | 'author';

const closed = err({
  code: API_ERROR_CODES.conflict,
  message: 'This item is already closed. Reload to see its outcome.',
});

/**
 * Loads an open item for the caller, applies `change` and saves it with its ETag. Another team,
 * tenant or missing item: 404; a member acting as manager, or on someone else's item: 403.
 */
async function changeItem(
  stores: OpenItemStores,
  caller: Caller,
  teamId: string,
  itemId: string,
  who: Who,
  change: (item: OpenItem, me: TeamMember, at: string) => OpenItem,
  now: Date,
): Promise<Result<OpenItemView>> {
  const me = await requireMember(stores.teams, caller, teamId, {
    write: who === 'manager',
    forbidden: 'Only team owners and managers can resolve items and record decisions.',
  });
  if (!me.ok) return me;
  const stored = await stores.openItems.getItem(caller.tenantId, teamId, itemId);
  if (!stored) return notFound('This item does not exist in this team.');
  if (who === 'author' && stored.value.authorId !== caller.userId)
    return forbidden('Only the person who raised this item can change it.');
  if (stored.value.status !== 'open') return closed;
  const next = change(stored.value, me.value, now.toISOString());
  let saved: OpenItem;
  try {
    saved = (await stores.openItems.saveItem(next, stored.etag)).value;
  } catch (error) {
    if (error instanceof StoreConflictError) return conflict('this item');
    throw error;
  }
  return ok(await viewOne(stores, caller.tenantId, teamId, saved, now));
}

/** One item's view (a few point reads: names, key result titles, the team's week). */
async function viewOne(
  stores: OpenItemStores,
  tenantId: string,
  teamId: string,
  item: OpenItem,
  now: Date,
): Promise<OpenItemView> {
  const [team, org, members, krs] = await Promise.all([
    stores.teams.getTeam(tenantId, teamId),
    stores.organizations.getOrganization(tenantId),
    stores.teams.listMembers(tenantId, teamId),
    Promise.all(item.keyResultIds.map((id) => stores.okrs.getKeyResult(tenantId, teamId, id))),
  ]);
  const week = weekIn(now, team?.value.settings.timeZone, org?.value.defaultTimeZone);
  const titles = krs.flatMap((k) => (k ? [{ id: k.value.id, title: k.value.title }] : []));
  return openItemViewOf(item, itemLookup(members, titles, week));
}

/**
 * A manager closes an item: a blocker (or a decision request) `resolved`, with an optional note,
 * or a decision request `decided`, with what was decided; either way with who and when.
 */
export const closeOpenItem = (
  stores: OpenItemStores,
  caller: Caller,
  teamId: string,
  itemId: string,
  outcome: { readonly status: 'resolved' | 'decided'; readonly text?: string },
  now: Date,
) =>
  changeItem(
    stores,
    caller,
    teamId,
    itemId,
    'manager',
    (item, me, at) => closeItem(item, outcome.status, me.userId, me.displayName, at, outcome.text),
    now,
  );

/** A manager marks an item resolved, with an optional note. */
export const resolveOpenItem = (
  stores: OpenItemStores,
  caller: Caller,
  teamId: string,
  itemId: string,
  note: string | undefined,
  now: Date,
) => closeOpenItem(stores, caller, teamId, itemId, { status: 'resolved', text: note }, now);

/** A manager records what was decided. */
export const recordDecision = (...args: Parameters<typeof resolveOpenItem>) => {
  const [stores, caller, teamId, itemId, decision, now] = args;
  return closeOpenItem(stores, caller, teamId, itemId, { status: 'decided', text: decision }, now);
};

/** The author rewords their open item. */
export const updateOpenItem = (
  stores: OpenItemStores,
  caller: Caller,
  teamId: string,
  itemId: string,
  text: string,
  now: Date,
) =>
  changeItem(
    stores,
    caller,
    teamId,
    itemId,
    'author',
    (item, _me, at) => ({ ...item, text, updatedAt: at }),
    now,
  );

/** The author withdraws their open item (no longer blocking, no longer needed). */
export const withdrawOpenItem = (
  stores: OpenItemStores,
  caller: Caller,
  teamId: string,
  itemId: string,
  now: Date,
) =>
  changeItem(
    stores,
    caller,
    teamId,
    itemId,
    'author',
    (item, me, at) => closeItem(item, 'withdrawn', me.userId, me.displayName, at),
    now,
  );
