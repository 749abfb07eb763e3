import type { AdaptiveCard, DeliveryJob, DeliveryTarget, UserProfile } from '../common';
import type { DeliveryContent } from './delivery-content';

/** A turn's reply sends as it was; after REPLY_MAX_AGE_MS it would answer a stale question. */
const REPLY_MAX_AGE_MS = 15 * 60_000;
export function replyContent(job: DeliveryJob, now: Date): DeliveryContent {
  if (!job.reply) return { kind: 'skip', reason: 'reply has no content' };
  if (now.getTime() - Date.parse(job.dueAt) > REPLY_MAX_AGE_MS)
    return { kind: 'skip', reason: 'reply too old to send' };
  return {
    kind: 'send',
    target: { kind: 'conversation', reference: job.reply.reference },
    card: job.reply.card as unknown as AdaptiveCard,
  };
}

/** The user's 1:1 chat, or one to open from the team roster (the bot is installed in the team). */
export function targetFor(
  user: UserProfile,
  channel: Readonly<Record<string, unknown>> | undefined,
): DeliveryTarget | undefined {
  if (user.conversationReference)
    return { kind: 'conversation', reference: user.conversationReference };
  const c = channel as { serviceUrl?: string; bot?: { id?: string } } | undefined;
  if (!user.teamsUserId || !c?.serviceUrl || !c.bot?.id) return undefined;
  return {
    kind: 'newPersonalChat',
    serviceUrl: c.serviceUrl,
    tenantId: user.tenantId,
    botId: c.bot.id,
    teamsUserId: user.teamsUserId,
  };
}
