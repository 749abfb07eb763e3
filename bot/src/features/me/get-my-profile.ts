import type { TeamRole, TenantId, UserId } from '@bearing/core';
import type { TeamStore, UserStore } from '../common';

/** The caller's profile and the teams they belong to. */
export interface MyProfile {
  readonly userId: UserId;
  readonly tenantId: TenantId;
  readonly displayName: string;
  readonly timeZone?: string;
  readonly teams: readonly {
    readonly id: string;
    readonly name: string;
    readonly role: TeamRole;
  }[];
}

/** Reads the caller's profile (one point read) and their teams (one point read each). */
export async function getMyProfile(
  stores: { readonly users: UserStore; readonly teams: TeamStore },
  tenantId: TenantId,
  userId: UserId,
  fallbackName: string,
): Promise<MyProfile> {
  const user = await stores.users.getUser(tenantId, userId);
  const teams = await Promise.all(
    (user?.value.teamIds ?? []).map(async (teamId) => {
      const [team, member] = await Promise.all([
        stores.teams.getTeam(tenantId, teamId),
        stores.teams.getMember(tenantId, teamId, userId),
      ]);
      return team && member?.value.active
        ? { id: team.value.id, name: team.value.name, role: member.value.role }
        : undefined;
    }),
  );
  return {
    userId,
    tenantId,
    displayName: user?.value.displayName ?? fallbackName,
    timeZone: user?.value.timeZone,
    teams: teams.filter((t): t is NonNullable<typeof t> => t !== undefined),
  };
}
