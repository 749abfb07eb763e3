import type { OpenItem, TeamId, TenantId, UserId } from '@bearing/core';
import type { Versioned } from '../common';

/** Open items in the team partition (one document per item, id from the check-in). */
export interface OpenItemStore {
  getItem(tenantId: TenantId, teamId: TeamId, id: string): Promise<Versioned<OpenItem> | undefined>;
  /** Creates when `etag` is omitted (conflict if it exists), else replaces if the ETag matches. */
  saveItem(item: OpenItem, etag?: string): Promise<Versioned<OpenItem>>;
  /** The team's open items, oldest first (one single-partition query). */
  listOpenItems(tenantId: TenantId, teamId: TeamId): Promise<readonly Versioned<OpenItem>[]>;
  /** Every item of the team, optionally of one cycle or author, newest first (the decision log). */
  listItems(
    tenantId: TenantId,
    teamId: TeamId,
    filter: {
      readonly cycleId?: string;
      readonly authorId?: UserId;
      /** Only items still open or changed at or after this instant. */
      readonly openOrChangedSince?: string;
    },
  ): Promise<readonly Versioned<OpenItem>[]>;
}
