import { TeamsInfo, TurnContext, type TeamsChannelAccount } from 'botbuilder';
import {
  addTeamMember,
  forgetPersonalChat,
  forgetTeamChannel,
  registerPersonalChat,
  registerTeam,
  auditRole,
  removeTeamMember,
  adoptTeamsOwners,
  type TeamOwnerDirectory,
} from '../features/team';
import { type TeamStore, type UserStore, buildWelcomeCard } from '../features/common';
import { linkOnInstall, type TeamLinkStores } from '../features/viva-import';
import type { Logger } from '../observability/logger';
import { cardReply } from './replies';
import { identityOf, timeZoneOf } from './identity';

/** What installation handling needs. */
export interface InstallDeps {
  readonly stores: { readonly users: UserStore; readonly teams: TeamStore } & TeamLinkStores;
  readonly now: () => Date;
  /** Where role changes made by installation (the installer becomes owner) are audited. */
  readonly logger?: Logger;
  /** Who owns the team in Teams (Graph, with RSC consent); without it, only the installer. */
  readonly teamOwners?: TeamOwnerDirectory;
}

/**
 * Makes the team's Teams owners Bearing owners, after the turn has answered: Graph is never on
 * the install's path, and a slow or refused lookup changes nothing.
 */
function adoptOwnersLater(deps: InstallDeps, tenantId: string, teamId: string): void {
  const directory = deps.teamOwners;
  if (!directory) return;
  void adoptTeamsOwners(
    { teams: deps.stores.teams, directory },
    tenantId,
    teamId,
    deps.now(),
    deps.logger,
  ).catch((error: unknown) =>
    deps.logger?.warn('team owners not adopted', { teamId, error: (error as Error).name }),
  );
}

/**
 * A team an import created under this team's name becomes this team (its OKRs and check-ins move
 * here), after the turn has answered: moving a team's history never holds up the install.
 */
function linkImportedLater(
  deps: InstallDeps,
  tenantId: string,
  team: { id: string; name: string },
): void {
  void linkOnInstall(deps.stores, tenantId, team, deps.now().toISOString(), deps.logger).catch(
    (error: unknown) =>
      deps.logger?.warn('imported team not linked', {
        teamId: team.id,
        error: (error as Error).name,
      }),
  );
}

export async function handleUninstall(deps: InstallDeps, context: TurnContext): Promise<void> {
  const identity = identityOf(context);
  if (!identity) return;
  if (context.activity.conversation.conversationType === 'personal') {
    await forgetPersonalChat(
      deps.stores,
      identity.tenantId,
      identity.userId,
      deps.now().toISOString(),
    );
    return;
  }
  const teamId = (context.activity.channelData as { team?: { aadGroupId?: string } } | undefined)
    ?.team?.aadGroupId;
  if (teamId)
    await forgetTeamChannel(deps.stores, identity.tenantId, teamId, deps.now().toISOString());
}

export async function rememberPersonalChat(
  deps: InstallDeps,
  context: TurnContext,
  tenantId: string,
  userId: string,
  name: string,
  force: boolean,
): Promise<void> {
  const existing = await deps.stores.users.getUser(tenantId, userId);
  const reference = TurnContext.getConversationReference(context.activity) as unknown as Record<
    string,
    unknown
  >;
  const known = existing?.value.conversationReference as
    { conversation?: { id?: string } } | undefined;
  if (!force && known?.conversation?.id === context.activity.conversation.id) return;
  await registerPersonalChat(
    deps.stores,
    tenantId,
    {
      userId,
      name,
      timeZone: timeZoneOf(context),
      locale: context.activity.locale,
      teamsUserId: context.activity.from.id,
    },
    reference,
    deps.now().toISOString(),
  );
}

export async function handleMembersAdded(deps: InstallDeps, context: TurnContext): Promise<void> {
  const identity = identityOf(context);
  const botId = context.activity.recipient.id;
  const botAdded = (context.activity.membersAdded ?? []).some((m) => m.id === botId);
  if (!identity) return;
  const conversationType = context.activity.conversation.conversationType;
  if (conversationType === 'personal') {
    if (!botAdded) return;
    await rememberPersonalChat(
      deps,
      context,
      identity.tenantId,
      identity.userId,
      identity.name,
      true,
    );
    await context.sendActivity(cardReply(buildWelcomeCard()));
    return;
  }
  const team = (context.activity.channelData ?? {}) as {
    team?: { id?: string; name?: string; aadGroupId?: string };
  };
  if (conversationType !== 'channel' || !team.team) return;
  const teamId = team.team.aadGroupId ?? (await TeamsInfo.getTeamDetails(context)).aadGroupId;
  if (!teamId) return;
  const now = deps.now().toISOString();
  if (botAdded) {
    const reference = TurnContext.getConversationReference(context.activity) as unknown as Record<
      string,
      unknown
    >;
    await registerTeam(
      deps.stores,
      identity.tenantId,
      { id: teamId, name: team.team.name ?? '' },
      reference,
      now,
    );
    // Whoever added Bearing to the team owns it in Bearing (before the roster, which may fail).
    const from = await addTeamMember(
      deps.stores,
      identity.tenantId,
      teamId,
      { userId: identity.userId, name: identity.name, teamsUserId: context.activity.from.id },
      now,
      true,
    );
    auditRole(deps.logger, {
      action: 'installerOwner',
      tenantId: identity.tenantId,
      teamId,
      actorId: identity.userId,
      actorSource: 'teams',
      targetUserId: identity.userId,
      ...(from ? { from } : {}),
      to: 'owner',
      outcome: from === 'owner' ? 'unchanged' : 'done',
    });
    for await (const member of roster(context)) {
      if (member.aadObjectId)
        await addTeamMember(
          deps.stores,
          identity.tenantId,
          teamId,
          {
            userId: member.aadObjectId,
            name: member.name,
            teamsUserId: member.id,
            ...lookup(member),
          },
          now,
        );
    }
    adoptOwnersLater(deps, identity.tenantId, teamId);
    linkImportedLater(deps, identity.tenantId, { id: teamId, name: team.team.name ?? '' });
    await context.sendActivity(cardReply(buildWelcomeCard(team.team.name ?? 'your team')));
    return;
  }
  for (const m of (context.activity.membersAdded ?? []) as TeamsChannelAccount[]) {
    if (m.aadObjectId)
      await addTeamMember(
        deps.stores,
        identity.tenantId,
        teamId,
        { userId: m.aadObjectId, name: m.name, teamsUserId: m.id, ...lookup(m) },
        now,
      );
  }
  // Someone new may be an owner in Teams (or ownership changed since the install).
  adoptOwnersLater(deps, identity.tenantId, teamId);
}

/** The roster's e-mail / UPN, kept to match imported people (never as identity). */
function lookup(m: TeamsChannelAccount): { email?: string } {
  const email = m.email ?? m.userPrincipalName;
  return email ? { email } : {};
}

/** People left the team in Teams: no more deliveries; a last owner leaving passes ownership on. */
export async function handleMembersRemoved(
  deps: InstallDeps,
  context: TurnContext,
  members: readonly TeamsChannelAccount[],
  teamId: string | undefined,
): Promise<void> {
  const identity = identityOf(context);
  if (!identity || !teamId) return;
  for (const m of members) {
    if (!m.aadObjectId) continue;
    const successor = await removeTeamMember(
      deps.stores,
      identity.tenantId,
      teamId,
      m.aadObjectId,
      deps.now().toISOString(),
    );
    if (successor)
      auditRole(deps.logger, {
        action: 'ownerSucceeded',
        tenantId: identity.tenantId,
        teamId,
        actorSource: 'teams',
        targetUserId: successor,
        to: 'owner',
        outcome: 'done',
      });
  }
}

/** The whole team roster, page by page (Teams pages at most 500 at a time). */
async function* roster(context: TurnContext): AsyncGenerator<TeamsChannelAccount> {
  let continuationToken: string | undefined;
  do {
    const page = await TeamsInfo.getPagedMembers(context, 500, continuationToken);
    yield* page.members;
    continuationToken = page.continuationToken;
  } while (continuationToken);
}
