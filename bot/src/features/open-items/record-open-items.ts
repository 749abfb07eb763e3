import {
  openItemId,
  openItemsFromCheckIn,
  type CheckIn,
  type OpenItem,
  type OpenItemKind,
} from '@bearing/core';
import { StoreConflictError, type Versioned } from '../common';
import type { OpenItemStore } from './ports';

const ATTEMPTS = 3;
const KINDS: readonly OpenItemKind[] = ['blocker', 'decision'];

/**
 * Brings a stored check-in's blockers and decisions into the open items (after the check-in was
 * written, and again on a replay, so a crash in between is repaired). Item ids follow from the
 * check-in, each write is ETag-conditioned, and nothing changes when the items already agree:
 * editing or resubmitting a check-in never duplicates an item. Two point reads, at most two writes.
 */
export async function recordOpenItems(
  store: OpenItemStore,
  checkIn: CheckIn,
  authorName: string,
  /** The week's check-in before this submission, if any. */
  previous?: CheckIn,
): Promise<void> {
  // Neither this version nor the one before asked anything: no item to create or withdraw, no read.
  const asks = (c?: CheckIn) => Boolean(c?.blockers?.trim() || c?.decisionNeeded?.trim());
  if (!asks(checkIn) && !asks(previous)) return;
  for (let attempt = 1; attempt <= ATTEMPTS; attempt += 1) {
    const stored = await Promise.all(
      KINDS.map((kind) =>
        store.getItem(
          checkIn.tenantId,
          checkIn.teamId,
          openItemId(kind, checkIn.userId, checkIn.week),
        ),
      ),
    );
    const found = stored.filter((s): s is Versioned<OpenItem> => s !== undefined);
    const byId = new Map(found.map((s) => [s.value.id, s.value]));
    const etags = new Map(found.map((s) => [s.value.id, s.etag]));
    const writes = openItemsFromCheckIn(checkIn, byId, authorName);
    try {
      await Promise.all(writes.map((item) => store.saveItem(item, etags.get(item.id))));
      return;
    } catch (error) {
      // A second device or a manager wrote the item meanwhile: read again and decide from that.
      if (!(error instanceof StoreConflictError) || attempt === ATTEMPTS) throw error;
    }
  }
}
