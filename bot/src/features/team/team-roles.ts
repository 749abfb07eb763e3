import {
  API_ERROR_CODES,
  err,
  ok,
  type Result,
  type SetMemberRoleRequest,
  type TeamMember,
  type TeamMemberView,
  type TeamMembersResponse,
  type TeamRole,
  type TenantId,
  type UserId,
} from '@bearing/core';
import type { Logger } from '../../observability/logger';
import { deactivateTeamMember } from './installation';
import {
  StoreConflictError,
  type TeamStore,
  type UserStore,
  type Versioned,
  conflict,
  forbidden,
  notFound,
  teamNotFound,
  type Caller,
} from '../common';

/**
 * Who is an owner, a manager or a member of a team in Bearing. The person who adds Bearing to a
 * team becomes an owner; owners (and Bearing admins) make others owners or managers. Teams' own
 * roster does not say who owns a team (its `userRole` is user, guest or anonymous), so team
 * ownership in Teams is not read. A team always keeps at least one active owner.
 */

/** The caller of a role change; `isAdmin` when their token carries the Bearing admin app role. */
export interface RoleCaller extends Caller {
  readonly isAdmin: boolean;
}

const RANK: Record<TeamRole, number> = { owner: 0, manager: 1, member: 2 };

export const lastOwner = (name: string) =>
  err({
    code: API_ERROR_CODES.lastOwner,
    message: `${name || 'This person'} is the team's only owner. Make someone else an owner first, then change this role.`,
  });

const view = (m: Versioned<TeamMember>): TeamMemberView => ({
  userId: m.value.userId,
  displayName: m.value.displayName,
  role: m.value.role,
  etag: m.etag,
});

/** Active members, owners first, then managers, then members, each by name. */
export function byRole(members: readonly TeamMember[]): TeamMember[] {
  return members
    .filter((m) => m.active)
    .sort((a, b) => RANK[a.role] - RANK[b.role] || a.displayName.localeCompare(b.displayName));
}

/** May the caller see the team's people, and change their roles? Undefined: not found. */
async function authority(
  teams: TeamStore,
  caller: RoleCaller,
  teamId: string,
): Promise<{ canChange: boolean } | undefined> {
  const [member, team] = await Promise.all([
    teams.getMember(caller.tenantId, teamId, caller.userId),
    teams.getTeam(caller.tenantId, teamId),
  ]);
  if (!team) return undefined;
  if (caller.isAdmin) return { canChange: true };
  if (!member?.value.active) return undefined;
  return { canChange: member.value.role === 'owner' };
}

/** `GET /teams/:teamId/members`: every active member may see who has which role. */
export async function listTeamMembers(
  teams: TeamStore,
  caller: RoleCaller,
  teamId: string,
): Promise<Result<TeamMembersResponse>> {
  const access = await authority(teams, caller, teamId);
  if (!access) return teamNotFound;
  const rows = await teams.listMemberVersions(caller.tenantId, teamId);
  const etags = new Map(rows.map((r) => [r.value.userId, r.etag]));
  return ok({
    teamId,
    members: byRole(rows.map((r) => r.value)).map((m) =>
      view({ value: m, etag: etags.get(m.userId) ?? '' }),
    ),
    canChangeRoles: access.canChange,
  });
}

/** What a role change did, for the response and the audit. */
export interface RoleChange {
  readonly member: TeamMemberView;
  readonly from: TeamRole;
  readonly changed: boolean;
}

const activeOwners = async (teams: TeamStore, tenantId: TenantId, teamId: string) =>
  (await teams.listMembers(tenantId, teamId)).filter((m) => m.active && m.role === 'owner').length;

/**
 * `PUT /teams/:teamId/members/:userId/role`: owners and Bearing admins only. Setting the role a
 * person already has changes nothing. The last active owner cannot step down; if two owners step
 * down at once and none would remain, the change is undone and refused.
 */
export async function setMemberRole(
  teams: TeamStore,
  caller: RoleCaller,
  teamId: string,
  userId: UserId,
  request: SetMemberRoleRequest,
  now: Date,
): Promise<Result<RoleChange>> {
  const access = await authority(teams, caller, teamId);
  if (!access) return teamNotFound;
  if (!access.canChange)
    return forbidden('Only team owners (or a Bearing admin) can change who manages the team.');
  const target = await teams.getMember(caller.tenantId, teamId, userId);
  if (!target?.value.active) return notFound('This person is not an active member of the team.');
  if (request.etag && request.etag !== target.etag) return conflict("this person's role");
  const from = target.value.role;
  if (from === request.role) return ok({ member: view(target), from, changed: false });
  const stepsDown = from === 'owner';
  if (stepsDown && (await activeOwners(teams, caller.tenantId, teamId)) <= 1)
    return lastOwner(target.value.displayName);
  let saved: Versioned<TeamMember>;
  try {
    saved = await teams.saveMember(
      { ...target.value, role: request.role, updatedAt: now.toISOString() },
      target.etag,
    );
  } catch (error) {
    if (error instanceof StoreConflictError) return conflict("this person's role");
    throw error;
  }
  if (stepsDown && (await activeOwners(teams, caller.tenantId, teamId)) === 0) {
    // Another owner stepped down at the same moment: put this one back.
    await teams.saveMember({ ...saved.value, role: 'owner' }, saved.etag);
    return lastOwner(target.value.displayName);
  }
  return ok({ member: view(saved), from, changed: true });
}

/**
 * Someone left the team in Teams: no more deliveries to them. If they were its last active owner,
 * the longest-standing active manager becomes owner (or, with no manager, the longest-standing
 * member), so the team keeps someone who can hand out roles. Returns that successor.
 */
export async function removeTeamMember(
  stores: { readonly teams: TeamStore; readonly users: UserStore },
  tenantId: TenantId,
  teamId: string,
  userId: UserId,
  now: string,
): Promise<UserId | undefined> {
  const before = await stores.teams.getMember(tenantId, teamId, userId);
  await deactivateTeamMember(stores, tenantId, teamId, userId, now);
  if (!before?.value.active || before.value.role !== 'owner') return undefined;
  const members = (await stores.teams.listMembers(tenantId, teamId)).filter((m) => m.active);
  if (members.some((m) => m.role === 'owner')) return undefined;
  const [successor] = [...members].sort(
    (a, b) =>
      RANK[a.role] - RANK[b.role] ||
      a.joinedAt.localeCompare(b.joinedAt) ||
      a.userId.localeCompare(b.userId),
  );
  if (!successor) return undefined;
  const current = await stores.teams.getMember(tenantId, teamId, successor.userId);
  if (!current) return undefined;
  await stores.teams.saveMember({ ...current.value, role: 'owner', updatedAt: now }, current.etag);
  return successor.userId;
}

/** One audited role event: ids, roles and outcome only, never names. */
export interface RoleAudit {
  readonly action: 'setRole' | 'installerOwner' | 'ownerSucceeded' | 'teamsOwner';
  readonly tenantId: string;
  readonly teamId: string;
  /** Who did it (absent when Teams did, e.g. someone left the team). */
  readonly actorId?: string;
  readonly actorSource?: string;
  readonly targetUserId: string;
  readonly from?: string;
  readonly to?: string;
  readonly outcome: string;
}

/** Writes the audit line of a role event (same shape as the admin API's audit lines). */
export function auditRole(logger: Logger | undefined, entry: RoleAudit): void {
  logger?.info('role audit', { audit: true, ...entry });
}
