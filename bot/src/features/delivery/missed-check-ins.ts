import {
  cycleScopeOf,
  addWeeks,
  DEFAULT_MISSED_CHECK_IN_WEEKS,
  err,
  isAway,
  isoWeekStart,
  ok,
  type Result,
  type Team,
} from '@bearing/core';
import {
  canManage,
  type MemberContext,
  type TeamStore,
  type CheckInStore,
  deliveryJobId,
  type DeliveryJobStore,
} from '../common';
import type { MissedMember } from './escalation-card';

/** How far back the manager's card counts missed weeks. */
const LOOK_BACK_WEEKS = 8;

/** The team's escalation threshold: consecutive missed weeks (0: no escalation). */
export const missedWeeksSetting = (team: Team) =>
  team.settings.missedCheckInWeeks ?? DEFAULT_MISSED_CHECK_IN_WEEKS;

/**
 * Members who have not checked in for at least `threshold` weeks in a row before `week`: active,
 * not away, with an active key result this cycle, counting only weeks since they joined. One
 * single-partition query (the team's cycle and the weeks' check-ins).
 */
export async function missedCheckIns(
  teams: TeamStore,
  tenantId: string,
  teamId: string,
  cycleId: string,
  week: string,
  threshold: number,
  now: Date,
): Promise<MissedMember[]> {
  if (threshold <= 0) return [];
  const weeks = Array.from({ length: LOOK_BACK_WEEKS }, (_, i) => addWeeks(week, -(i + 1)));
  const snapshot = await teams.loadTeamSnapshot(tenantId, teamId, cycleScopeOf(cycleId), weeks);
  if (!snapshot) return [];
  const done = new Set(snapshot.checkIns.map((c) => `${c.value.userId}|${c.value.week}`));
  const nowIso = now.toISOString();
  const out: MissedMember[] = [];
  for (const m of snapshot.members) {
    if (!m.active || isAway(m, nowIso)) continue;
    const krs = snapshot.keyResults
      .map((k) => k.value)
      .filter((k) => k.ownerId === m.userId && k.status === 'active');
    if (krs.length === 0) continue;
    let missed = 0;
    for (const w of weeks) {
      // A week that ended before they joined is not theirs to miss.
      if (Date.parse(isoWeekStart(w)) + 7 * 86_400_000 <= Date.parse(m.joinedAt)) break;
      if (done.has(`${m.userId}|${w}`)) break;
      missed += 1;
    }
    if (missed < threshold) continue;
    out.push({
      userId: m.userId,
      displayName: m.displayName,
      weeks: missed,
      atRisk: krs.filter((k) => k.confidence !== 'onTrack').map((k) => k.title),
    });
  }
  return out.sort((a, b) => b.weeks - a.weeks || a.displayName.localeCompare(b.displayName));
}

/** What a nudge did. */
export type NudgeResult = { readonly name: string; readonly queued: boolean };

/**
 * A manager's Nudge: one friendly card to the member through the delivery engine. The job id is
 * the member's and the week's, so a member gets at most one nudge a week however often (and by
 * however many managers) the button is pressed. Members away or already checked in get none.
 */
export async function nudgeMember(
  stores: {
    readonly teams: TeamStore;
    readonly checkIns: CheckInStore;
    readonly deliveries: DeliveryJobStore;
  },
  ctx: MemberContext,
  userId: string,
  now: Date,
): Promise<Result<NudgeResult>> {
  if (!canManage(ctx.member.role))
    return err({ code: 'NUDGE.FORBIDDEN', message: 'Only team owners and managers can nudge.' });
  const { tenantId, id: teamId } = ctx.team;
  const member = await stores.teams.getMember(tenantId, teamId, userId);
  if (!member?.value.active)
    return err({ code: 'NUDGE.NOT_MEMBER', message: 'This person is no longer in the team.' });
  const name = member.value.displayName;
  if (isAway(member.value, now.toISOString()))
    return err({ code: 'NUDGE.AWAY', message: `${name} is away; no nudge was sent.` });
  if (await stores.checkIns.getCheckIn(tenantId, teamId, userId, ctx.week))
    return err({ code: 'NUDGE.DONE', message: `${name} has already checked in this week.` });
  const at = now.toISOString();
  const queued = await stores.deliveries.createJob({
    tenantId,
    teamId,
    id: deliveryJobId(ctx.cycle.id, ctx.week, userId, 'nudge'),
    kind: 'nudge',
    userId,
    cycleId: ctx.cycle.id,
    week: ctx.week,
    dueAt: at,
    notBefore: at,
    status: 'pending',
    attempts: 0,
    nudgedBy: ctx.member.displayName,
  });
  return ok({ name, queued });
}
