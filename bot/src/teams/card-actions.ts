import {
  API_ERROR_CODES,
  CARD_VERBS,
  en,
  formatInstant,
  type CardAction,
  type CardVerb,
  type DomainError,
} from '@bearing/core';
import {
  checkInCardFor,
  contextOrMessage,
  handleCheckInSubmit,
  snoozeCheckIn,
} from '../features/check-in';
import { digestViewFor, nudgeMember } from '../features/delivery';
import { updateOpenItem, withdrawOpenItem } from '../features/open-items';
import {
  acknowledgeKpiAlert,
  draftCorrectiveForAlert,
  recordManualReading,
  snoozeKpiAlert,
  type AlertTarget,
  kpiAlertCardFor,
  kpiUpdateCardFor,
} from '../features/kpis';
import {
  type AdaptiveCard,
  buildMessageCard,
  escapeMarkdown,
  type MemberContext,
} from '../features/common';
import type { BotDeps } from './bot-deps';
import type { ActivityIdentity } from './identity';

/** One card action from a member of the team it is about. */
export interface CardTurn {
  readonly deps: BotDeps;
  readonly ctx: MemberContext;
  readonly identity: ActivityIdentity;
  /** What the user typed into the card, for showing it again next to an error. */
  readonly rawInputs: Record<string, string>;
}

/** The parsed action a verb carries (one variant may carry several verbs). */
export type ActionOf<V extends CardVerb> = CardAction extends infer A
  ? A extends { verb: infer W }
    ? V extends W
      ? A
      : never
    : never
  : never;

/** Answers one parsed action with the card that replaces the one the user acted on. */
export type CardHandler<V extends CardVerb = CardVerb> = (
  turn: CardTurn,
  action: ActionOf<V>,
) => Promise<AdaptiveCard>;

/** The error card: what went wrong and what to do instead. */
export const errorCard = (error: DomainError): AdaptiveCard =>
  buildMessageCard(error.message, 'attention');

const target = (ctx: MemberContext, kpiId: string, episodeId?: string): AlertTarget => ({
  tenantId: ctx.team.tenantId,
  teamId: ctx.team.id,
  kpiId,
  ...(episodeId ? { episodeId } : {}),
});

/** The alert card after an action on it, or the error card when the action did not apply. */
async function alertAfter(
  { deps, ctx }: CardTurn,
  kpiId: string,
  result: { ok: true } | { ok: false; error: DomainError },
  now: Date,
): Promise<AdaptiveCard> {
  if (!result.ok) return errorCard(result.error);
  return kpiAlertCardFor(deps.stores, ctx, kpiId, 'kpiAlert', now, deps.tabLink);
}

const checkInSubmit: CardHandler<
  typeof CARD_VERBS.checkInSubmit | typeof CARD_VERBS.checkInNothingChanged
> = ({ deps, ctx, rawInputs }, action) =>
  handleCheckInSubmit(deps, ctx, action.submission, rawInputs);

const checkInCard: CardHandler<typeof CARD_VERBS.checkInEdit | typeof CARD_VERBS.checkInOpen> = ({
  deps,
  ctx,
}) => checkInCardFor(deps, ctx);

const checkInSnooze: CardHandler<typeof CARD_VERBS.checkInSnooze> = async (
  { deps, ctx },
  action,
) => {
  const snoozed = await snoozeCheckIn(deps.stores.deliveries, ctx, action.week, deps.now());
  if (!snoozed.ok) return errorCard(snoozed.error);
  const when = formatInstant(snoozed.value.until, ctx.timeZone, ctx.locale);
  return buildMessageCard(
    snoozed.value.kind === 'snoozed' ? en.snoozed(when) : en.alreadySnoozed(when),
  );
};

const refresh: CardHandler<typeof CARD_VERBS.refresh> = ({ deps, ctx }, action) => {
  if (action.view === 'kpiAlert' && action.kpiId)
    return kpiAlertCardFor(
      deps.stores,
      ctx,
      action.kpiId,
      action.kind ?? 'kpiAlert',
      deps.now(),
      deps.tabLink,
    );
  return action.view === 'digest'
    ? digestViewFor(deps.stores, ctx, action.week ?? ctx.week, deps.tabLink)
    : checkInCardFor(deps, ctx);
};

const kpiAcknowledge: CardHandler<typeof CARD_VERBS.kpiAcknowledge> = async (turn, action) => {
  const now = turn.deps.now();
  const who = {
    userId: turn.ctx.member.userId,
    name: turn.identity.name || turn.ctx.member.displayName,
  };
  const t = target(turn.ctx, action.kpiId, action.episodeId);
  return alertAfter(
    turn,
    action.kpiId,
    await acknowledgeKpiAlert(turn.deps.stores, t, who, now),
    now,
  );
};

const kpiSnooze: CardHandler<typeof CARD_VERBS.kpiSnooze> = async (turn, action) => {
  const now = turn.deps.now();
  const t = target(turn.ctx, action.kpiId, action.episodeId);
  const snoozed = await snoozeKpiAlert(turn.deps.stores, t, action.duration, now);
  return alertAfter(turn, action.kpiId, snoozed, now);
};

const kpiDraftCorrectiveOkr: CardHandler<typeof CARD_VERBS.kpiDraftCorrectiveOkr> = async (
  turn,
  action,
) => {
  const now = turn.deps.now();
  const t = target(turn.ctx, action.kpiId, action.episodeId);
  const drafted = await draftCorrectiveForAlert(turn.deps.stores, t, turn.ctx.member.userId, now);
  return alertAfter(turn, action.kpiId, drafted, now);
};

const kpiManualReading: CardHandler<typeof CARD_VERBS.kpiManualReading> = async (
  { deps, ctx },
  action,
) => {
  const t = target(ctx, action.kpiId);
  const recorded = await recordManualReading(
    deps.stores,
    t,
    ctx.member.userId,
    action.value,
    deps.now(),
  );
  if (!recorded.ok)
    return recorded.error.code === API_ERROR_CODES.forbidden
      ? errorCard(recorded.error)
      : kpiUpdateCardFor(deps.stores.kpis, ctx, {
          error: recorded.error.message,
          value: String(action.value),
          kpiId: action.kpiId,
        });
  const kpi = recorded.value;
  return buildMessageCard(
    en.kpi.recorded(escapeMarkdown(kpi.name), `${action.value} ${escapeMarkdown(kpi.unit)}`.trim()),
  );
};

const openItemWithdraw: CardHandler<typeof CARD_VERBS.openItemWithdraw> = async (turn, action) => {
  const { deps, ctx } = turn;
  const done = await withdrawOpenItem(
    deps.stores,
    ctx.user.value,
    action.teamId,
    action.itemId,
    deps.now(),
  );
  return done.ok ? checkInCardFor(deps, ctx) : errorCard(done.error);
};

const openItemUpdate: CardHandler<typeof CARD_VERBS.openItemUpdate> = async (turn, action) => {
  const { deps, ctx } = turn;
  const done = await updateOpenItem(
    deps.stores,
    ctx.user.value,
    action.teamId,
    action.itemId,
    action.text,
    deps.now(),
  );
  return done.ok ? checkInCardFor(deps, ctx) : errorCard(done.error);
};

const nudge: CardHandler<typeof CARD_VERBS.nudge> = async ({ deps, ctx }, action) => {
  const done = await nudgeMember(deps.stores, ctx, action.userId, deps.now());
  if (!done.ok) return errorCard(done.error);
  const name = escapeMarkdown(done.value.name);
  return buildMessageCard(done.value.queued ? en.nudge.sent(name) : en.nudge.already(name));
};

/**
 * One handler per verb: a verb without a handler does not compile. Verbs no card of this version
 * sends (forged or very old cards) never get here: parseCardAction answers them with one
 * "not supported" error card.
 */
export const CARD_HANDLERS: { readonly [V in CardVerb]: CardHandler<V> } = {
  [CARD_VERBS.checkInSubmit]: checkInSubmit,
  [CARD_VERBS.checkInNothingChanged]: checkInSubmit,
  [CARD_VERBS.checkInSnooze]: checkInSnooze,
  [CARD_VERBS.checkInEdit]: checkInCard,
  [CARD_VERBS.checkInOpen]: checkInCard,
  [CARD_VERBS.kpiAcknowledge]: kpiAcknowledge,
  [CARD_VERBS.kpiSnooze]: kpiSnooze,
  [CARD_VERBS.kpiDraftCorrectiveOkr]: kpiDraftCorrectiveOkr,
  [CARD_VERBS.kpiManualReading]: kpiManualReading,
  [CARD_VERBS.refresh]: refresh,
  [CARD_VERBS.openItemWithdraw]: openItemWithdraw,
  [CARD_VERBS.openItemUpdate]: openItemUpdate,
  [CARD_VERBS.nudge]: nudge,
};

/** The team an action is about (its card's), if it names one. */
const teamOf = (action: CardAction): string | undefined =>
  'submission' in action ? action.submission.teamId : action.teamId;

/** Runs a parsed action as the sender: their membership of its team first, then its handler. */
export async function runCardAction(
  deps: BotDeps,
  identity: ActivityIdentity,
  action: CardAction,
  rawInputs: Record<string, string>,
): Promise<AdaptiveCard> {
  const ctx = await contextOrMessage(deps, identity.tenantId, identity.userId, teamOf(action));
  if (!('user' in ctx)) return ctx;
  const handler = CARD_HANDLERS[action.verb] as CardHandler;
  return handler({ deps, ctx, identity, rawInputs }, action);
}
