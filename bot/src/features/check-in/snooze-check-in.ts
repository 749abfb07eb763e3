import { deliveryJobId, type DeliveryJobStore } from '../delivery';
import type { MemberContext } from '../shared';

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Brings the check-in card back in a day. One snooze per member and week (the job id is
 * deterministic), so repeated clicks do not stack up messages. Returns when it will come back.
 */
export async function snoozeCheckIn(
  deliveries: DeliveryJobStore,
  ctx: MemberContext,
  now: Date,
): Promise<{ kind: 'snoozed' | 'alreadySnoozed'; until: string }> {
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
  if (created) return { kind: 'snoozed', until };
  const existing = await deliveries.getJob(tenantId, ctx.team.id, id);
  return { kind: 'alreadySnoozed', until: existing?.value.dueAt ?? until };
}
