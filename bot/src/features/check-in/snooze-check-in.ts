import { API_ERROR_CODES, err, ok, type Result } from '@bearing/core';
import { deliveryJobId, type DeliveryJobStore, type MemberContext } from '../common';

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Brings the check-in card of `week` back in a day. One snooze per member and week (the job id is
 * deterministic), so repeated clicks do not stack up messages. Returns when it will come back; a
 * card of another week than this one is out of date (it would snooze a week it does not show).
 */
export async function snoozeCheckIn(
  deliveries: DeliveryJobStore,
  ctx: MemberContext,
  week: string,
  now: Date,
): Promise<Result<{ kind: 'snoozed' | 'alreadySnoozed'; until: string }>> {
  if (week !== ctx.week)
    return err({
      code: API_ERROR_CODES.conflict,
      message: `This check-in card is for ${week}, not this week. Type "check in" for this week’s card.`,
    });
  const { tenantId, userId } = ctx.user.value;
  const id = deliveryJobId(ctx.cycle.id, ctx.week, userId, 'snooze');
  const until = new Date(now.getTime() + DAY_MS).toISOString();
  const created = await deliveries.createJob({
    tenantId,
    teamId: ctx.team.id,
    id,
    kind: 'snooze',
    userId,
    cycleId: ctx.cycle.id,
    week: ctx.week,
    dueAt: until,
    notBefore: until,
    status: 'pending',
    attempts: 0,
  });
  if (created) return ok({ kind: 'snoozed', until });
  const existing = await deliveries.getJob(tenantId, ctx.team.id, id);
  return ok({ kind: 'alreadySnoozed', until: existing?.value.dueAt ?? until });
}
