import {
  type AdaptiveCard,
  type TabLink,
  refreshUserIds,
  buildMessageCard,
  type MemberContext,
  type TeamStore,
} from '../common';
import { buildDigestCard } from './digest-card';
import { cycleScope, en } from '@bearing/core';
import { digestItemLines, itemLookup, teamOpenItems, type OpenItemStore } from '../open-items';

/**
 * A member's own view of the team's weekly digest in the channel (Teams asks for it through the
 * card's `refresh`): the digest as it is now, whether they have checked in, and a button to do it.
 * One single-partition query.
 */
export async function digestViewFor(
  stores: { readonly teams: TeamStore; readonly openItems: OpenItemStore },
  ctx: MemberContext,
  week: string,
  tabLink?: TabLink,
): Promise<AdaptiveCard> {
  const snapshot = await stores.teams.loadTeamSnapshot(
    ctx.team.tenantId,
    ctx.team.id,
    cycleScope(ctx.cycle),
    [week],
  );
  if (!snapshot) return buildMessageCard(en.errors.outOfDate);
  const keyResults = snapshot.keyResults.map((k) => k.value);
  const lookup = itemLookup(snapshot.members, keyResults, week);
  const open = await teamOpenItems(stores.openItems, ctx.team.tenantId, ctx.team.id, lookup);
  return buildDigestCard(
    {
      teamName: ctx.team.name,
      week,
      locale: ctx.locale,
      members: snapshot.members,
      checkIns: snapshot.checkIns.map((c) => c.value),
      keyResults,
      openItems: digestItemLines(open),
    },
    {
      refresh: { teamId: ctx.team.id, userIds: refreshUserIds(snapshot.members) },
      ...(tabLink ? { tabLink } : {}),
      viewer: {
        userId: ctx.member.userId,
        keyResults: keyResults.filter(
          (k) => k.ownerId === ctx.member.userId && k.status === 'active',
        ).length,
      },
    },
  );
}
