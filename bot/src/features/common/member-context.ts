import {
  cycleFor,
  isoWeek,
  resolveMemberTimeZone,
  toLocal,
  type Cycle,
  type Organization,
  type Team,
  type TeamMember,
  type TenantId,
  type UserId,
} from '@bearing/core';
import type { OrganizationStore, TeamStore, UserProfile, UserStore, Versioned } from './ports';

/** Where a user stands right now: their team, the current cycle and their ISO week. */
export interface MemberContext {
  readonly user: Versioned<UserProfile>;
  readonly organization: Organization;
  readonly team: Team;
  readonly member: TeamMember;
  readonly cycle: Cycle;
  readonly week: string;
  readonly timeZone: string;
  readonly locale: string;
}

/**
 * How stale an organisation or team document the context accepts: both change rarely (name,
 * fiscal year, time zone, settings), this instance's own changes are seen at once, and the user and
 * membership (who may act) are always read fresh. Saves two of the four reads of every card action.
 */
export const CONTEXT_SETTINGS_MAX_AGE_MS = 10_000;
const recent = { maxAgeMs: CONTEXT_SETTINGS_MAX_AGE_MS };

/** The stores the context needs. */
export interface MemberContextStores {
  readonly users: UserStore;
  readonly teams: TeamStore;
  readonly organizations: OrganizationStore;
}

/**
 * Resolves the user's team (the given one, or their first active membership), the organisation's
 * current cycle and the user's ISO week in their own time zone. Undefined when the user is not an
 * active member of any team.
 */
export async function resolveMemberContext(
  stores: MemberContextStores,
  tenantId: TenantId,
  userId: UserId,
  now: Date,
  teamId?: string,
): Promise<MemberContext | undefined> {
  if (teamId) {
    // The team is known (a card or the tab names it): one round trip of point reads, not four.
    const [user, member, team, organization] = await Promise.all([
      stores.users.getUser(tenantId, userId),
      stores.teams.getMember(tenantId, teamId, userId),
      stores.teams.getTeam(tenantId, teamId, recent),
      stores.organizations.getOrganization(tenantId, recent),
    ]);
    if (!user?.value.teamIds.includes(teamId) || !member?.value.active || !team) return undefined;
    return contextOf(user, member.value, team.value, organization?.value, now);
  }
  const user = await stores.users.getUser(tenantId, userId);
  if (!user) return undefined;
  for (const candidate of user.value.teamIds) {
    const member = await stores.teams.getMember(tenantId, candidate, userId);
    if (!member?.value.active) continue;
    const [team, organization] = await Promise.all([
      stores.teams.getTeam(tenantId, candidate, recent),
      stores.organizations.getOrganization(tenantId, recent),
    ]);
    if (team) return contextOf(user, member.value, team.value, organization?.value, now);
  }
  return undefined;
}

/** The context of one active membership (cycle from the organisation, week from the member). */
function contextOf(
  user: Versioned<UserProfile>,
  member: TeamMember,
  team: Team,
  organization: Organization | undefined,
  now: Date,
): MemberContext {
  const { tenantId } = user.value;
  const org: Organization = organization ?? {
    tenantId,
    name: team.name,
    fiscalStartMonth: 1,
    defaultTimeZone: 'UTC',
    createdAt: team.createdAt,
    updatedAt: team.updatedAt,
  };
  const timeZone = resolveMemberTimeZone(
    member.timeZone ?? user.value.timeZone,
    team.settings.timeZone,
    org.defaultTimeZone,
  );
  // Cycles follow the organisation's calendar; weeks follow the member's own clock.
  const orgLocal = toLocal(now.getTime(), resolveMemberTimeZone(org.defaultTimeZone));
  const orgDate = `${orgLocal.year}-${String(orgLocal.month).padStart(2, '0')}-${String(orgLocal.day).padStart(2, '0')}`;
  return {
    user,
    organization: org,
    team,
    member,
    cycle: cycleFor(orgDate, org.fiscalStartMonth),
    week: isoWeek(now.toISOString(), timeZone),
    timeZone,
    locale: member.locale ?? user.value.locale ?? 'en-US',
  };
}
