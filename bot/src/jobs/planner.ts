import {
  checkInInstantForWeek,
  cycleFor,
  isoWeek,
  reminderInstant,
  resolveMemberTimeZone,
  type TenantId,
} from '@bearing/core';
import {
  deliveryJobId,
  type DeliveryJob,
  type DeliveryJobStore,
  type DeliveryKind,
} from '../app/delivery-ports';
import type { OrganizationStore, TeamStore, UserStore } from '../app/ports';

/** The stores planning reads and writes. */
export interface PlannerStores {
  readonly organizations: OrganizationStore;
  readonly teams: TeamStore;
  readonly users: UserStore;
  readonly deliveries: DeliveryJobStore;
}

/**
 * Plans one team's deliveries for the week containing `now`: a check-in card and one reminder per
 * active member we can reach, each at the team's day and time in the member's own time zone, and the
 * digest to the team channel. Job ids are deterministic, so planning again creates nothing new.
 * Returns how many jobs were created.
 */
export async function planTeamWeek(
  stores: PlannerStores,
  tenantId: TenantId,
  teamId: string,
  now: Date,
): Promise<number> {
  const team = await stores.teams.getTeam(tenantId, teamId);
  if (!team) return 0;
  const org = await stores.organizations.getOrganization(tenantId);
  const settings = team.value.settings;
  const orgZone = org?.value.defaultTimeZone;
  const teamZone = resolveMemberTimeZone(settings.timeZone, orgZone);
  const cycle = cycleFor(now.toISOString().slice(0, 10), org?.value.fiscalStartMonth ?? 1);
  const base = { tenantId, teamId, cycleId: cycle.id, status: 'pending' as const, attempts: 0 };
  const job = (
    kind: DeliveryKind,
    recipient: string,
    week: string,
    dueAt: string,
    userId?: string,
  ): DeliveryJob => ({
    ...base,
    id: deliveryJobId(cycle.id, week, recipient, kind),
    kind,
    week,
    dueAt,
    notBefore: dueAt,
    ...(userId ? { userId } : {}),
  });

  const jobs: DeliveryJob[] = [];
  for (const member of await stores.teams.listMembers(tenantId, teamId)) {
    if (!member.active) continue;
    const user = await stores.users.getUser(tenantId, member.userId);
    // Reachable through their 1:1 chat, or by opening one from this team's roster.
    const reachable =
      user?.value.conversationReference || (user?.value.teamsUserId && team.value.channelReference);
    if (!user || !reachable) continue;
    const zone = resolveMemberTimeZone(
      member.timeZone ?? user.value.timeZone,
      settings.timeZone,
      orgZone,
    );
    const week = isoWeek(now.toISOString(), zone);
    const dueAt = checkInInstantForWeek(week, {
      day: settings.checkInDay,
      time: settings.checkInTime,
      timeZone: zone,
    });
    jobs.push(job('checkIn', member.userId, week, dueAt, member.userId));
    jobs.push(
      job(
        'reminder',
        member.userId,
        week,
        reminderInstant(dueAt, settings.reminderOffsetMinutes),
        member.userId,
      ),
    );
  }
  if (team.value.channelReference) {
    const week = isoWeek(now.toISOString(), teamZone);
    const dueAt = checkInInstantForWeek(week, {
      day: settings.digestDay,
      time: settings.digestTime,
      timeZone: teamZone,
    });
    jobs.push(job('digest', 'team', week, dueAt));
  }
  let created = 0;
  for (const j of jobs) if (await stores.deliveries.createJob(j)) created += 1;
  return created;
}
