import type { TenantId, UserId } from '@bearing/core';
import type { Logger } from '../../observability/logger';
import { StoreConflictError, type TeamStore } from '../common';
import { auditRole } from './team-roles';

/**
 * Who owns a team in Microsoft Teams. The Bot Connector roster cannot say (its `userRole` is
 * user, guest or anonymous); Microsoft Graph can (`GET /teams/{id}/members`, `roles: ['owner']`),
 * with the resource-specific permission `TeamMember.Read.Group` a team owner consents to when
 * adding Bearing. Undefined when it cannot be known (no permission, Graph slow or failing).
 */
export interface TeamOwnerDirectory {
  ownersOf(tenantId: TenantId, teamId: string): Promise<readonly UserId[] | undefined>;
}

/**
 * Makes the team's Teams owners owners in Bearing, if they are active members. Never demotes
 * anyone (the installer and people promoted in Bearing keep their role); never throws: the
 * directory failing only means nobody is promoted. Returns who was promoted.
 */
export async function adoptTeamsOwners(
  deps: { readonly teams: TeamStore; readonly directory: TeamOwnerDirectory },
  tenantId: TenantId,
  teamId: string,
  now: Date,
  logger?: Logger,
): Promise<UserId[]> {
  let owners: readonly UserId[] | undefined;
  try {
    owners = await deps.directory.ownersOf(tenantId, teamId);
  } catch (error) {
    logger?.warn('team owners unavailable', { teamId, error: (error as Error).name });
    return [];
  }
  if (!owners) return [];
  const promoted: UserId[] = [];
  for (const userId of new Set(owners)) {
    const member = await deps.teams.getMember(tenantId, teamId, userId);
    if (!member?.value.active || member.value.role === 'owner') continue;
    try {
      await deps.teams.saveMember(
        { ...member.value, role: 'owner', updatedAt: now.toISOString() },
        member.etag,
      );
    } catch (error) {
      if (error instanceof StoreConflictError) continue; // changed meanwhile: next sync retries
      throw error;
    }
    promoted.push(userId);
    auditRole(logger, {
      action: 'teamsOwner',
      tenantId,
      teamId,
      actorSource: 'teams',
      targetUserId: userId,
      from: member.value.role,
      to: 'owner',
      outcome: 'done',
    });
  }
  return promoted;
}
