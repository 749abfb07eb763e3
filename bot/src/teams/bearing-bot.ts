import {
  TeamsActivityHandler,
  TurnContext,
  type AdaptiveCardInvokeResponse,
  type AdaptiveCardInvokeValue,
} from 'botbuilder';
import {
  CARD_VERBS,
  KPI_READING_INPUT,
  en,
  formatInstant,
  parseCardAction,
  type CardAction,
} from '@bearing/core';
import {
  acknowledgeEpisode,
  draftCorrectiveOkr,
  kpiAlertCard,
  snoozeEpisode,
  type KpiAlertStores,
} from '../features/kpis/kpi-alerts';
import { recordReadings } from '../features/kpis/kpi-readings';
import { buildKpiUpdateCard } from '../features/kpis/kpi-update-card';
import type { DeliveryJobStore } from '../features/delivery/ports';
import { snoozeCheckIn } from '../features/check-in/snooze-check-in';
import { digestViewFor } from '../features/delivery/digest-view';
import { teamStatus } from '../features/team/team-status';
import { canManage } from '../features/shared/team-scope';
import { buildTeamStatusCard, whoManagesLines } from '../features/team/team-status-card';
import type { TeamStore, UserStore } from '../features/shared/ports';
import type { TeamOwnerDirectory } from '../features/team/team-owners';
import type { AdaptiveCard } from '../features/shared/cards/adaptive-card';
import { buildHelpCard, buildMessageCard } from '../features/shared/cards/info-cards';
import type { Logger } from '../observability/logger';
import {
  handleMembersAdded,
  handleMembersRemoved,
  handleUninstall,
  rememberPersonalChat,
} from './installation-handlers';
import { cardReply, invokeCard } from './replies';
import {
  checkInCardFor,
  contextOrMessage,
  handleCheckInSubmit,
  myOkrsCard,
  unsavedCheckInCard,
  type CheckInDeps,
} from '../features/check-in/check-in-views';
import { identityOf } from './identity';
import type { MemberContext } from '../features/shared/member-context';
import { escapeMarkdown } from '../features/shared/cards/text';
import type { SendNowResult } from '../features/delivery/planner';
import type { InvokeAnswer } from './messages-route';

/** What the bot needs from the composition root. */
export interface BotDeps extends CheckInDeps {
  readonly stores: CheckInDeps['stores'] &
    KpiAlertStores & {
      readonly users: UserStore;
      readonly teams: TeamStore;
      readonly deliveries: DeliveryJobStore;
    };
  /** Base URL of the tab for "Open in Bearing" links. */
  readonly tabBaseUrl?: string;
  readonly logger: Logger;
  /** Who owns a team in Teams (Microsoft Graph); without it the installer is the first owner. */
  readonly teamOwners?: TeamOwnerDirectory;
  /** Starts this week's check-in for a whole team now, through the delivery engine. */
  readonly sendCheckInsNow: (
    tenantId: string,
    teamId: string,
  ) => Promise<SendNowResult | undefined>;
}

type Command = 'checkIn' | 'myOkrs' | 'help' | 'teamStatus' | 'sendNow' | 'updateKpi';

const COMMANDS: Record<string, Command> = {
  'check in': 'checkIn',
  checkin: 'checkIn',
  'check-in': 'checkIn',
  'my okrs': 'myOkrs',
  okrs: 'myOkrs',
  help: 'help',
  'team status': 'teamStatus',
  'send check-ins': 'sendNow',
  'send check-in': 'sendNow',
  'send checkins': 'sendNow',
  'send check ins': 'sendNow',
  'start check-in': 'sendNow',
  'start check in': 'sendNow',
  'update kpi': 'updateKpi',
  'update kpis': 'updateKpi',
  kpi: 'updateKpi',
};

/** Bearing's Teams bot: installation, commands and card actions. */
export class BearingBot extends TeamsActivityHandler {
  constructor(private readonly deps: BotDeps) {
    super();
    this.onMessage(async (context, next) => {
      await this.handleMessage(context);
      await next();
    });
    this.onMembersAdded(async (context, next) => {
      await handleMembersAdded(this.deps, context);
      await next();
    });
    this.onInstallationUpdateRemove(async (context, next) => {
      await handleUninstall(this.deps, context);
      await next();
    });
    this.onTeamsMembersRemovedEvent(async (members, teamInfo, context, next) => {
      await handleMembersRemoved(this.deps, context, members, teamInfo?.aadGroupId);
      await next();
    });
  }

  /** The invoke answer when a turn outlives its time budget (messages-route.ts answers with it). */
  lateInvoke(activity: Record<string, unknown>): InvokeAnswer {
    if (activity.name !== 'adaptiveCard/action') return { status: 200 };
    const action = (activity.value as { action?: { verb?: unknown; data?: unknown } } | undefined)
      ?.action;
    const verb = typeof action?.verb === 'string' ? action.verb : '';
    const data = action?.data && typeof action.data === 'object' ? action.data : {};
    // The outcome is unknown, as when a store call fails mid-action: a check-in offers the same
    // submission again (idempotent by submissionId).
    const card =
      verb === CARD_VERBS.checkInSubmit || verb === CARD_VERBS.checkInNothingChanged
        ? unsavedCheckInCard(verb, data as Record<string, unknown>)
        : buildMessageCard(en.errors.generic, 'attention');
    return { status: 200, body: invokeCard(card) };
  }

  private async handleMessage(context: TurnContext): Promise<void> {
    const identity = identityOf(context);
    if (!identity) {
      await context.sendActivity(cardReply(buildMessageCard(en.errors.notMember, 'attention')));
      return;
    }
    if (context.activity.conversation.conversationType === 'personal') {
      await rememberPersonalChat(
        this.deps,
        context,
        identity.tenantId,
        identity.userId,
        identity.name,
        false,
      );
    }
    const text = (
      TurnContext.removeRecipientMention(context.activity) ??
      context.activity.text ??
      ''
    )
      .trim()
      .toLowerCase()
      .replace(/\s+/g, ' ');
    const command = COMMANDS[text];
    if (!command || command === 'help') {
      await context.sendActivity(cardReply(buildHelpCard(command ? undefined : text)));
      return;
    }
    // In a team channel, commands are about that team.
    const channelTeamId = (context.activity.channelData as { team?: { aadGroupId?: string } })?.team
      ?.aadGroupId;
    const ctx = await contextOrMessage(
      this.deps,
      identity.tenantId,
      identity.userId,
      channelTeamId,
    );
    if (!('user' in ctx)) {
      await context.sendActivity(cardReply(ctx));
      return;
    }
    let card: AdaptiveCard;
    if (command === 'checkIn') card = await checkInCardFor(this.deps, ctx);
    else if (command === 'myOkrs') card = await myOkrsCard(this.deps, ctx);
    else if (command === 'sendNow') card = await this.sendNow(ctx);
    else if (command === 'updateKpi') card = await this.updateKpiCard(ctx);
    else {
      const status = await teamStatus(this.deps.stores, ctx);
      card = status.allowed
        ? buildTeamStatusCard(ctx.team.name, status.week, status.members, status.who)
        : buildMessageCard(
            [en.managersOnly, ...whoManagesLines(status.who), en.whoManages.askThem].join('\n\n'),
          );
    }
    await context.sendActivity(cardReply(card));
  }

  private async sendNow(ctx: MemberContext): Promise<AdaptiveCard> {
    if (!canManage(ctx.member.role)) return buildMessageCard(en.sendNow.managersOnly);
    const result = await this.deps.sendCheckInsNow(ctx.team.tenantId, ctx.team.id);
    if (!result) return buildMessageCard(en.errors.notMember, 'attention');
    const lines = [
      en.sendNow.queued(result.queued, escapeMarkdown(ctx.team.name)),
      ...(result.alreadyDone ? [en.sendNow.alreadyDone(result.alreadyDone)] : []),
      ...(result.unreachable ? [en.sendNow.unreachable(result.unreachable)] : []),
    ];
    return buildMessageCard(lines.join('\n\n'));
  }

  private async updateKpiCard(
    ctx: MemberContext,
    options: { error?: string; value?: string; kpiId?: string } = {},
  ): Promise<AdaptiveCard> {
    const owned = (await this.deps.stores.kpis.listKpis(ctx.team.tenantId, ctx.team.id))
      .map((k) => k.value)
      .filter((k) => k.status === 'active' && k.ownerId === ctx.member.userId);
    return buildKpiUpdateCard(ctx.team.id, owned, options);
  }

  private viewer(ctx: MemberContext) {
    return {
      timeZone: ctx.timeZone,
      locale: ctx.locale,
      ...(this.deps.tabBaseUrl ? { tabBaseUrl: this.deps.tabBaseUrl } : {}),
    };
  }

  private async kpiAction(
    ctx: MemberContext,
    action: Extract<CardAction, { kpiId: string }>,
    name: string,
  ): Promise<AdaptiveCard> {
    const { tenantId } = ctx.team;
    const teamId = ctx.team.id;
    const now = this.deps.now();
    const stores = this.deps.stores;
    const alert = async () =>
      (await kpiAlertCard(
        stores,
        tenantId,
        teamId,
        action.kpiId,
        'kpiAlert',
        this.viewer(ctx),
        now,
      )) ?? buildMessageCard(en.errors.outOfDate);
    switch (action.verb) {
      case CARD_VERBS.kpiAcknowledge:
        await acknowledgeEpisode(
          stores,
          { tenantId, userId: ctx.member.userId, name: name || ctx.member.displayName },
          teamId,
          action.kpiId,
          action.episodeId,
          now,
        );
        return alert();
      case CARD_VERBS.kpiSnooze:
        await snoozeEpisode(
          stores,
          tenantId,
          teamId,
          action.kpiId,
          action.episodeId,
          action.duration,
          now,
        );
        return alert();
      case CARD_VERBS.kpiDraftCorrectiveOkr:
        await draftCorrectiveOkr(
          stores,
          { tenantId, userId: ctx.member.userId },
          teamId,
          action.kpiId,
          action.episodeId,
          now,
        );
        return alert();
      case CARD_VERBS.kpiManualReading: {
        const kpi = await stores.kpis.getKpi(tenantId, teamId, action.kpiId);
        if (!kpi || kpi.value.ownerId !== ctx.member.userId)
          return buildMessageCard(en.kpi.ownersOnly, 'attention');
        const recorded = await recordReadings(
          stores,
          { tenantId, teamId },
          [{ kpiId: action.kpiId, value: action.value, at: now.toISOString() }],
          'manual',
          now,
        );
        if (!recorded.ok)
          return this.updateKpiCard(ctx, {
            error: recorded.error.message,
            value: String(action.value),
            kpiId: action.kpiId,
          });
        return buildMessageCard(
          en.kpi.recorded(
            escapeMarkdown(kpi.value.name),
            `${action.value} ${escapeMarkdown(kpi.value.unit)}`.trim(),
          ),
        );
      }
      default:
        return buildMessageCard('This action is not available yet.');
    }
  }

  protected override async onAdaptiveCardInvoke(
    context: TurnContext,
    invokeValue: AdaptiveCardInvokeValue,
  ): Promise<AdaptiveCardInvokeResponse> {
    const identity = identityOf(context);
    if (!identity) return invokeCard(buildMessageCard(en.errors.notMember, 'attention'));
    const parsed = parseCardAction({
      verb: invokeValue.action?.verb,
      data: invokeValue.action?.data,
    });
    const rawInputs = stringInputs(invokeValue.action?.data);
    if (!parsed.ok) {
      // Bad input in a check-in card: show the card again with the message next to the field.
      const teamId = typeof rawInputs.teamId === 'string' ? rawInputs.teamId : undefined;
      const ctx = parsed.error.field
        ? await contextOrMessage(this.deps, identity.tenantId, identity.userId, teamId)
        : undefined;
      if (ctx && 'user' in ctx && parsed.error.field === KPI_READING_INPUT) {
        return invokeCard(
          await this.updateKpiCard(ctx, {
            error: parsed.error.message,
            value: rawInputs[KPI_READING_INPUT],
            kpiId: rawInputs.kpiId,
          }),
        );
      }
      if (ctx && 'user' in ctx && invokeValue.action?.verb?.startsWith('checkin.')) {
        return invokeCard(
          await checkInCardFor(this.deps, ctx, {
            values: rawInputs,
            errors: { [parsed.error.field as string]: parsed.error.message },
            submissionId: rawInputs.submissionId,
          }),
        );
      }
      return invokeCard(buildMessageCard(parsed.error.message, 'attention'));
    }
    const action = parsed.value;
    try {
      return invokeCard(await this.routeAction(identity, action, rawInputs));
    } catch (error) {
      const checkIn =
        action.verb === CARD_VERBS.checkInSubmit ||
        action.verb === CARD_VERBS.checkInNothingChanged;
      // A store call failed mid-action (timed out after applying, or failed past the SDK's
      // retries): the outcome is unknown. The user gets a card that says so instead of a bare
      // 500 (Teams shows that as an unexplained error); a check-in offers the same submission
      // again (idempotent by submissionId).
      this.deps.logger.warn(checkIn ? 'check-in outcome unknown' : 'card action failed', {
        verb: action.verb,
        error: (error as Error).name,
      });
      return invokeCard(
        checkIn
          ? unsavedCheckInCard(action.verb, invokeValue.action?.data ?? {})
          : buildMessageCard(en.errors.generic, 'attention'),
      );
    }
  }

  private async routeAction(
    identity: { tenantId: string; userId: string; name: string },
    action: CardAction,
    rawInputs: Record<string, string>,
  ): Promise<AdaptiveCard> {
    const { tenantId, userId } = identity;
    const teamId =
      'submission' in action
        ? action.submission.teamId
        : 'teamId' in action
          ? action.teamId
          : undefined;
    const ctx = await contextOrMessage(this.deps, tenantId, userId, teamId);
    if (!('user' in ctx)) return ctx;
    switch (action.verb) {
      case CARD_VERBS.checkInSubmit:
      case CARD_VERBS.checkInNothingChanged:
        return handleCheckInSubmit(this.deps, ctx, action.submission, rawInputs);
      case CARD_VERBS.refresh:
        if (action.view === 'kpiAlert' && action.kpiId)
          return (
            (await kpiAlertCard(
              this.deps.stores,
              ctx.team.tenantId,
              ctx.team.id,
              action.kpiId,
              action.kind ?? 'kpiAlert',
              this.viewer(ctx),
              this.deps.now(),
            )) ?? buildMessageCard(en.errors.outOfDate)
          );
        return action.view === 'digest'
          ? digestViewFor(this.deps.stores, ctx, action.week ?? ctx.week)
          : checkInCardFor(this.deps, ctx);
      case CARD_VERBS.kpiAcknowledge:
      case CARD_VERBS.kpiSnooze:
      case CARD_VERBS.kpiDraftCorrectiveOkr:
      case CARD_VERBS.kpiManualReading:
        return this.kpiAction(ctx, action, identity.name);
      case CARD_VERBS.checkInEdit:
      case CARD_VERBS.checkInOpen:
        return checkInCardFor(this.deps, ctx);
      case CARD_VERBS.checkInSnooze: {
        const snoozed = await snoozeCheckIn(this.deps.stores.deliveries, ctx, this.deps.now());
        const when = formatInstant(snoozed.until, ctx.timeZone, ctx.locale);
        return buildMessageCard(
          snoozed.kind === 'snoozed' ? en.snoozed(when) : en.alreadySnoozed(when),
        );
      }
      default:
        return buildMessageCard('This action is not available yet.');
    }
  }
}

/** Card inputs and data as strings (what the user typed), for re-rendering a card with errors. */
function stringInputs(data: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  if (!data || typeof data !== 'object') return out;
  for (const [k, v] of Object.entries(data as Record<string, unknown>)) {
    if (typeof v === 'string' && k.length <= 200) out[k] = v.slice(0, 2000);
  }
  return out;
}
