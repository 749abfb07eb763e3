import { en } from '@bearing/core';
import { checkInCardFor, contextOrMessage, myOkrsCard } from '../features/check-in';
import { kpiUpdateCardFor } from '../features/kpis';
import {
  type AdaptiveCard,
  buildHelpCard,
  buildMessageCard,
  escapeMarkdown,
  type MemberContext,
  canManage,
} from '../features/common';
import { teamStatus, buildTeamStatusCard, whoManagesLines } from '../features/team';
import type { BotDeps } from './bot-deps';
import type { ActivityIdentity } from './identity';

/** One chat message from a known sender; `channelTeamId` when it was sent in a team channel. */
export interface CommandTurn {
  readonly deps: BotDeps;
  readonly identity: ActivityIdentity;
  readonly channelTeamId?: string;
}

/** What a command answers with. */
export type CommandHandler = (turn: CommandTurn) => Promise<AdaptiveCard>;

/** A command about the sender's team (in a channel, that team): needs their membership. */
const forMember =
  (run: (deps: BotDeps, ctx: MemberContext) => Promise<AdaptiveCard>): CommandHandler =>
  async ({ deps, identity, channelTeamId }) => {
    const ctx = await contextOrMessage(deps, identity.tenantId, identity.userId, channelTeamId);
    return 'user' in ctx ? run(deps, ctx) : ctx;
  };

const help: CommandHandler = async () => buildHelpCard();
const checkIn = forMember((deps, ctx) => checkInCardFor(deps, ctx));
const myOkrs = forMember((deps, ctx) => myOkrsCard(deps, ctx));
const updateKpi = forMember((deps, ctx) => kpiUpdateCardFor(deps.stores.kpis, ctx));

const status = forMember(async (deps, ctx) => {
  const s = await teamStatus(deps.stores, ctx);
  return s.allowed
    ? buildTeamStatusCard(ctx.team.name, s.week, s.members, s.who, ctx.locale)
    : buildMessageCard(
        [en.managersOnly, ...whoManagesLines(s.who), en.whoManages.askThem].join('\n\n'),
      );
});

const sendNow = forMember(async (deps, ctx) => {
  if (!canManage(ctx.member.role)) return buildMessageCard(en.sendNow.managersOnly);
  const result = await deps.sendCheckInsNow(ctx.team.tenantId, ctx.team.id);
  if (!result) return buildMessageCard(en.errors.notMember, 'attention');
  const lines = [
    en.sendNow.queued(result.queued, escapeMarkdown(ctx.team.name)),
    ...(result.alreadyDone ? [en.sendNow.alreadyDone(result.alreadyDone)] : []),
    ...(result.unreachable ? [en.sendNow.unreachable(result.unreachable)] : []),
  ];
  return buildMessageCard(lines.join('\n\n'));
});

/** Every chat command: the text (lower case, single spaces) → what answers it. */
export const COMMANDS: ReadonlyMap<string, CommandHandler> = new Map([
  ['check in', checkIn],
  ['checkin', checkIn],
  ['check-in', checkIn],
  ['my okrs', myOkrs],
  ['okrs', myOkrs],
  ['help', help],
  ['team status', status],
  ['send check-ins', sendNow],
  ['send check-in', sendNow],
  ['send checkins', sendNow],
  ['send check ins', sendNow],
  ['start check-in', sendNow],
  ['start check in', sendNow],
  ['update kpi', updateKpi],
  ['update kpis', updateKpi],
  ['kpi', updateKpi],
]);

/** The command for what the user typed; anything else gets the help card that quotes it. */
export function commandFor(typed: string): CommandHandler {
  const text = typed.trim().toLowerCase().replace(/\s+/g, ' ');
  return COMMANDS.get(text) ?? (async () => buildHelpCard(text));
}
