import type { TurnContext } from 'botbuilder';

/** The (tenant, user) an activity comes from; identity is never a name or an email. */
export interface ActivityIdentity {
  readonly tenantId: string;
  readonly userId: string;
  readonly name: string;
}

/** Reads the tenant and Entra object id of the sender; undefined when Teams did not send them. */
export function identityOf(context: TurnContext): ActivityIdentity | undefined {
  const a = context.activity;
  const channelData = (a.channelData ?? {}) as { tenant?: { id?: string } };
  const tenantId = a.conversation?.tenantId ?? channelData.tenant?.id;
  const userId = a.from?.aadObjectId;
  if (!tenantId || !userId) return undefined;
  return { tenantId, userId, name: a.from?.name ?? '' };
}

/** The IANA time zone Teams reports for the sender, when it does. */
export function timeZoneOf(context: TurnContext): string | undefined {
  const tz = (context.activity as { localTimezone?: string }).localTimezone;
  return typeof tz === 'string' && tz.length <= 64 ? tz : undefined;
}
