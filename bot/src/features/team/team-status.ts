import {
  deliveryJobId,
  type DeliveryJob,
  type DeliveryJobStore,
  type MemberContext,
  type CheckInStore,
  type TeamStore,
  canManage,
} from '../common';
import { byRole } from './team-roles';
import { isoWeekStart, type OpenItemView } from '@bearing/core';
import { ageText, itemLookup, teamOpenItems, type OpenItemStore } from '../open-items';

/** One member's line in the team status. */
export interface MemberStatus {
  readonly name: string;
  readonly state: 'checkedIn' | 'notYet' | 'deliveryFailed' | 'inactive' | 'away';
  readonly detail?: string;
}

/** Names of the team's active owners and managers (who to ask), by name. */
export interface WhoManages {
  readonly owners: readonly string[];
  readonly managers: readonly string[];
}

/**
 * Who has checked in this week, and whose card could not be delivered (with the reason), for
 * managers. Members read their own status only. Everyone learns who owns and manages the team.
 */
export async function teamStatus(
  stores: {
    readonly teams: TeamStore;
    readonly checkIns: CheckInStore;
    readonly deliveries: DeliveryJobStore;
    readonly openItems: OpenItemStore;
  },
  ctx: MemberContext,
): Promise<
  | { allowed: false; who: WhoManages }
  | {
      allowed: true;
      who: WhoManages;
      week: string;
      members: MemberStatus[];
      /** This week's missed check-ins card to the caller: pending, sent or skipped (nobody missed). */
      escalation?: string;
    }
> {
  const { tenantId, id: teamId } = ctx.team;
  if (!canManage(ctx.member.role))
    return { allowed: false, who: whoManages(await stores.teams.listMembers(tenantId, teamId)) };
  const [members, checkIns, jobs, open] = await Promise.all([
    stores.teams.listMembers(tenantId, teamId),
    stores.checkIns.listCheckInsForWeek(tenantId, teamId, ctx.week),
    stores.deliveries.listJobsForWeek(tenantId, teamId, ctx.week),
    teamOpenItems(stores.openItems, tenantId, teamId, itemLookup([], [], ctx.week)),
  ]);
  const done = new Set(checkIns.map((c) => c.value.userId));
  const jobById = new Map<string, DeliveryJob>(jobs.map((j) => [j.id, j]));
  const escalation = jobs.find(
    (j) => j.kind === 'missedCheckIns' && j.userId === ctx.member.userId,
  );
  const status = (m: (typeof members)[number]): MemberStatus => {
    if (!m.active) return { name: m.displayName, state: 'inactive' };
    if (done.has(m.userId)) return { name: m.displayName, state: 'checkedIn' };
    // Away at any time this week: not expected to check in.
    if (m.awayUntil && m.awayUntil >= isoWeekStart(ctx.week))
      return { name: m.displayName, state: 'away', detail: `until ${m.awayUntil}` };
    const job = jobById.get(deliveryJobId(ctx.cycle.id, ctx.week, m.userId, 'checkIn'));
    if (job?.status === 'failed')
      return { name: m.displayName, state: 'deliveryFailed', detail: job.lastError };
    // Escalation: whether a manager nudged them this week (one nudge a week at most).
    const nudge = jobById.get(deliveryJobId(ctx.cycle.id, ctx.week, m.userId, 'nudge'));
    if (nudge) return { name: m.displayName, state: 'notYet', detail: `nudged, ${nudge.status}` };
    return { name: m.displayName, state: 'notYet' };
  };
  // Each line also says what the member is blocked on or waiting for (open items, with age), and
  // the caller's own line whether this week's missed check-ins card went out.
  const out = members.map((m): MemberStatus => {
    const line = status(m);
    const notes = [
      ...(line.detail ? [line.detail] : []),
      ...open.filter((i) => i.author.userId === m.userId).map(itemNote),
      ...(escalation && m.userId === ctx.member.userId
        ? [`missed check-ins card ${escalation.status}`]
        : []),
    ];
    return notes.length ? { ...line, detail: notes.join('; ') } : line;
  });
  return {
    allowed: true,
    who: whoManages(members),
    ...(escalation ? { escalation: escalation.status } : {}),
    week: ctx.week,
    members: out.sort((a, b) => a.name.localeCompare(b.name)),
  };
}

const itemNote = (i: OpenItemView) =>
  `${i.kind === 'blocker' ? 'blocker' : 'decision needed'} (${ageText(i)}): ${i.text}`;

function whoManages(members: Parameters<typeof byRole>[0]): WhoManages {
  const active = byRole(members);
  const names = (role: string) =>
    active.filter((m) => m.role === role).map((m) => m.displayName || m.userId);
  return { owners: names('owner'), managers: names('manager') };
}
