import type { Instant, IsoWeek, TeamId, TenantId, UserId } from '../common/ids';
import { isoWeekStart } from '../schedule/iso-week';
import type { CheckIn } from './types';

/** A check-in's "what is blocking" or "decision needed" answer, tracked until it is resolved. */
export type OpenItemKind = 'blocker' | 'decision';
export type OpenItemStatus = 'open' | 'resolved';
/** How an item was closed: resolved by a manager, decided (with the decision), or withdrawn by its author. */
export type OpenItemOutcome = 'resolved' | 'decided' | 'withdrawn';

/** Who closed an item, when, and (for a decision) what was decided. */
export interface OpenItemResolution {
  readonly outcome: OpenItemOutcome;
  /** The decision (decided), or a note on how the blocker was cleared. */
  readonly text?: string;
  readonly byUserId: UserId;
  readonly byName: string;
  readonly at: Instant;
}

/** One open item: at most one per member, week and kind, so its id follows from the check-in. */
export interface OpenItem {
  readonly tenantId: TenantId;
  readonly teamId: TeamId;
  readonly id: string;
  readonly kind: OpenItemKind;
  readonly cycleId: string;
  readonly authorId: UserId;
  readonly text: string;
  /** The key results the check-in updated (what the item concerns). */
  readonly keyResultIds: readonly string[];
  readonly createdWeek: IsoWeek;
  readonly createdAt: Instant;
  readonly updatedAt: Instant;
  readonly status: OpenItemStatus;
  readonly resolution?: OpenItemResolution;
}

const KINDS: readonly { kind: OpenItemKind; field: 'blockers' | 'decisionNeeded' }[] = [
  { kind: 'blocker', field: 'blockers' },
  { kind: 'decision', field: 'decisionNeeded' },
];

/** The deterministic id of the item a check-in answer becomes (an edit lands on the same id). */
export const openItemId = (kind: OpenItemKind, userId: UserId, week: IsoWeek) =>
  `${kind}.${userId}.${week}`.replace(/[/\\?#]/g, '-');

/**
 * The items a stored check-in asks for, given what is stored for it now (by id). Returns only the
 * items to write: new answers become open items; an edited answer updates its open item; an
 * answer cleared in an edit withdraws its open item. Resolved items are never reopened or changed,
 * and an unchanged item is not written again, so applying the same check-in twice writes nothing.
 */
export function openItemsFromCheckIn(
  checkIn: CheckIn,
  stored: ReadonlyMap<string, OpenItem>,
  authorName: string,
): OpenItem[] {
  const out: OpenItem[] = [];
  const keyResultIds = checkIn.updates.map((u) => u.keyResultId);
  for (const { kind, field } of KINDS) {
    const id = openItemId(kind, checkIn.userId, checkIn.week);
    const text = checkIn[field]?.trim() ?? '';
    const existing = stored.get(id);
    if (existing && existing.status !== 'open') continue;
    if (!existing) {
      if (!text) continue;
      out.push({
        tenantId: checkIn.tenantId,
        teamId: checkIn.teamId,
        id,
        kind,
        cycleId: checkIn.cycleId,
        authorId: checkIn.userId,
        text,
        keyResultIds,
        createdWeek: checkIn.week,
        createdAt: checkIn.submittedAt,
        updatedAt: checkIn.updatedAt,
        status: 'open',
      });
      continue;
    }
    // A write that is not newer than the item (a replay after the author edited the item) changes nothing.
    if (existing.updatedAt >= checkIn.updatedAt) continue;
    if (!text) {
      out.push(closeItem(existing, 'withdrawn', checkIn.userId, authorName, checkIn.updatedAt));
    } else if (text !== existing.text || !sameIds(keyResultIds, existing.keyResultIds)) {
      out.push({ ...existing, text, keyResultIds, updatedAt: checkIn.updatedAt });
    }
  }
  return out;
}

const sameIds = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && a.every((x, i) => x === b[i]);

/** The item closed with `outcome` by `byUserId` (the decision or note in `text`). */
export function closeItem(
  item: OpenItem,
  outcome: OpenItemOutcome,
  byUserId: UserId,
  byName: string,
  at: Instant,
  text?: string,
): OpenItem {
  return {
    ...item,
    status: 'resolved',
    updatedAt: at,
    resolution: { outcome, byUserId, byName, at, ...(text ? { text } : {}) },
  };
}

/** Whole weeks from the week an item was raised to `week` (0 in the week it was raised). */
export function openItemAgeWeeks(item: Pick<OpenItem, 'createdWeek'>, week: IsoWeek): number {
  const ms = Date.parse(isoWeekStart(week)) - Date.parse(isoWeekStart(item.createdWeek));
  return Math.max(0, Math.round(ms / (7 * 24 * 3600_000)));
}
