import { ok, type Cycle, type IsoWeek, type Result, type Team, type TeamRole } from '@bearing/core';
import {
  cycleOf,
  roleIn,
  teamNotFound,
  weekIn,
  type Caller,
  type OrganizationStore,
  type TeamStore,
  type Versioned,
} from '../common';

/** Where a team's views start: the caller's role, the cycle, and weeks in the team's time zone. */
export interface TeamWeek {
  readonly role: TeamRole;
  readonly cycle: Cycle;
  readonly team: Versioned<Team>;
  /** The team's time zone, else the organisation's, else UTC. */
  readonly timeZone: string;
  /** This week. */
  readonly week: IsoWeek;
  /** The week `at` falls in, in the team's time zone. */
  readonly weekAt: (at: Date) => IsoWeek;
}

/**
 * The dashboard's and the agenda's first steps: the caller must be a member (not a member and no
 * such team answer alike), then the cycle (`cycleId` or the current one) and the team's week.
 * One point read for the role, one for the organisation, one for the team.
 */
export async function teamWeekFor(
  stores: { readonly teams: TeamStore; readonly organizations: OrganizationStore },
  caller: Caller,
  teamId: string,
  now: Date,
  cycleId?: string,
): Promise<Result<TeamWeek>> {
  const role = await roleIn(stores.teams, caller, teamId, false);
  if (!role.ok) return role;
  const { cycle, orgTimeZone } = await cycleOf(stores.organizations, caller.tenantId, now, cycleId);
  const team = await stores.teams.getTeam(caller.tenantId, teamId);
  if (!team) return teamNotFound;
  const zone = team.value.settings.timeZone;
  const weekAt = (at: Date) => weekIn(at, zone, orgTimeZone);
  return ok({
    role: role.value,
    cycle,
    team,
    timeZone: zone || orgTimeZone || 'UTC',
    week: weekAt(now),
    weekAt,
  });
}
