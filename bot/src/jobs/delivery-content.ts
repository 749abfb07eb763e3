import type { DeliveryJob, DeliveryTarget } from '../app/delivery-ports';
import { checkInCardFor, type CheckInDeps } from '../app/check-in-views';
import { resolveMemberContext } from '../app/member-context';
import type { UserProfile } from '../app/ports';
import type { AdaptiveCard } from '../cards/adaptive-card';
import { buildDigestCard } from '../cards/digest-card';

/** What to send for a job, or why nothing should be sent. */
export type DeliveryContent =
  | {
      readonly kind: 'send';
      readonly target: DeliveryTarget;
      readonly card: AdaptiveCard;
    }
  | { readonly kind: 'skip'; readonly reason: string };

/** Decides what a due job sends, from the store as it is now (not as it was when planned). */
export async function contentFor(deps: CheckInDeps, job: DeliveryJob): Promise<DeliveryContent> {
  const { tenantId, teamId } = job;
  if (job.kind === 'digest') {
    const team = await deps.stores.teams.getTeam(tenantId, teamId);
    const reference = team?.value.channelReference;
    if (!team || !reference) return { kind: 'skip', reason: 'no team channel' };
    const snapshot = await deps.stores.teams.loadTeamSnapshot(tenantId, teamId, job.cycleId, [
      job.week,
    ]);
    if (!snapshot) return { kind: 'skip', reason: 'team not found' };
    const card = buildDigestCard({
      teamName: team.value.name,
      week: job.week,
      locale: 'en-US',
      members: snapshot.members,
      checkIns: snapshot.checkIns.map((c) => c.value),
      keyResults: snapshot.keyResults.map((k) => k.value),
    });
    return { kind: 'send', target: { kind: 'conversation', reference }, card };
  }
  if (!job.userId) return { kind: 'skip', reason: 'no recipient' };
  const ctx = await resolveMemberContext(deps.stores, tenantId, job.userId, deps.now(), teamId);
  const target = ctx ? await targetFor(deps, ctx.user.value) : undefined;
  if (!ctx || !target) return { kind: 'skip', reason: 'member inactive or unreachable' };
  // Nobody is nagged about a week they already checked in for (reminders, or a late check-in card).
  if (await deps.stores.checkIns.getCheckIn(tenantId, teamId, job.userId, job.week)) {
    return { kind: 'skip', reason: 'already checked in' };
  }
  const card = await checkInCardFor(deps, ctx, {
    submissionId: job.id.replace(/[^A-Za-z0-9._:-]/g, '-'),
  });
  return { kind: 'send', target, card };
}

/** The user's 1:1 chat, or one to open from the team roster (the bot is installed in their team). */
async function targetFor(
  deps: CheckInDeps,
  user: UserProfile,
): Promise<DeliveryTarget | undefined> {
  if (user.conversationReference)
    return { kind: 'conversation', reference: user.conversationReference };
  if (!user.teamsUserId) return undefined;
  for (const teamId of user.teamIds) {
    const team = await deps.stores.teams.getTeam(user.tenantId, teamId);
    const channel = team?.value.channelReference as
      { serviceUrl?: string; bot?: { id?: string } } | undefined;
    if (channel?.serviceUrl && channel.bot?.id) {
      return {
        kind: 'newPersonalChat',
        serviceUrl: channel.serviceUrl,
        tenantId: user.tenantId,
        botId: channel.bot.id,
        teamsUserId: user.teamsUserId,
      };
    }
  }
  return undefined;
}
