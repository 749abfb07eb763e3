import type { TenantId, UserId } from '@bearing/core';
import type { TeamStore } from '../common';

/**
 * Data-subject requests and retention (docs/admin-guide.md "Your data"): export everything stored
 * about one user, erase one user's personal data, erase a whole tenant. Always scoped to the
 * caller's own tenant; the HTTP layer checks the caller is an admin and audits the request.
 */

/** Owner id written where an erased user owned an objective, key result or KPI ("needs owner"). */
export const ERASED_USER_ID = 'erased-user';

/** One stored item about a user, as stored (the export shows exactly what Bearing keeps). */
export interface UserDataRecord {
  readonly container: string;
  readonly type: string;
  readonly id: string;
  readonly data: unknown;
}

export interface UserErasureOptions {
  /** New owner of what the user owned; without it, those items are flagged with ERASED_USER_ID. */
  readonly reassignTo?: UserId;
}

export interface UserErasure {
  /** Profile, memberships, check-ins and delivery records removed. */
  readonly removed: number;
  /** Objectives, key results and KPIs given to `reassignTo`. */
  readonly reassigned: number;
  /** Objectives, key results and KPIs left without an owner, for a manager to reassign. */
  readonly flagged: readonly { readonly type: string; readonly id: string }[];
}

/** What the data-rights use cases need from the store. */
export interface DataRightsStore {
  collectUser(tenantId: TenantId, userId: UserId): Promise<UserDataRecord[]>;
  eraseUser(tenantId: TenantId, userId: UserId, options: UserErasureOptions): Promise<UserErasure>;
  /** Removes every item of the tenant in every container; returns how many. */
  eraseTenant(tenantId: TenantId): Promise<number>;
}

/** How long personal history is kept, in days (0 = kept until erased). */
export interface RetentionPolicy {
  readonly checkInDays: number;
  readonly readingDays: number;
}

export interface UserExport {
  readonly tenantId: TenantId;
  readonly userId: UserId;
  readonly exportedAt: string;
  readonly items: readonly UserDataRecord[];
}

export async function exportUserData(
  store: DataRightsStore,
  tenantId: TenantId,
  userId: UserId,
  now: Date,
): Promise<UserExport> {
  const items = await store.collectUser(tenantId, userId);
  return { tenantId, userId, exportedAt: now.toISOString(), items };
}

export type EraseUserResult =
  | { readonly kind: 'ok'; readonly erasure: UserErasure }
  | { readonly kind: 'newOwnerNotMember'; readonly teamId: string };

/**
 * Erases a user's personal data. Check-ins are removed, not anonymised: their free text (what
 * changed, blockers, decisions) is personal and cannot be made anonymous reliably; the key
 * results keep their current values, so progress and roll-ups do not change. A `reassignTo` must
 * be an active member of every team where the erased user owned something, so no item ends up
 * with an owner outside its team; otherwise nothing is changed.
 */
export async function eraseUserData(
  store: DataRightsStore & { readonly teams: TeamStore },
  tenantId: TenantId,
  userId: UserId,
  options: UserErasureOptions,
): Promise<EraseUserResult> {
  if (options.reassignTo) {
    const owned = await store.collectUser(tenantId, userId);
    const teamIds = new Set<string>();
    for (const item of owned) {
      const data = item.data as { ownerId?: unknown; teamId?: unknown };
      if (data.ownerId === userId && typeof data.teamId === 'string') teamIds.add(data.teamId);
    }
    for (const teamId of teamIds) {
      const member = await store.teams.getMember(tenantId, teamId, options.reassignTo);
      if (!member?.value.active) return { kind: 'newOwnerNotMember', teamId };
    }
  }
  return { kind: 'ok', erasure: await store.eraseUser(tenantId, userId, options) };
}

export async function eraseTenantData(
  store: DataRightsStore,
  tenantId: TenantId,
): Promise<{ readonly removed: number }> {
  return { removed: await store.eraseTenant(tenantId) };
}
