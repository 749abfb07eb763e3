import {
  TeamsActivityHandler,
  TurnContext,
  type AdaptiveCardInvokeResponse,
  type AdaptiveCardInvokeValue,
  type AppBasedLinkQuery,
  type MessagingExtensionQuery,
  type MessagingExtensionResponse,
} from 'botbuilder';
import { CARD_VERBS, en, parseCardAction } from '@bearing/core';
import { unsavedCheckInCard } from '../features/check-in';
import { buildMessageCard } from '../features/common';
import type { BotDeps } from './bot-deps';
import { runCardAction } from './card-actions';
import { invalidActionCard, stringInputs } from './card-input-errors';
import { commandFor } from './commands';
import { identityOf } from './identity';
import {
  handleMembersAdded,
  handleMembersRemoved,
  handleUninstall,
  rememberPersonalChat,
} from './installation-handlers';
import type { InvokeAnswer } from './messages-route';
import { cardReply, extensionMessage, invokeCard, searchAnswer, unfurlAnswer } from './replies';

export type { BotDeps } from './bot-deps';

const isCheckIn = (verb: unknown) =>
  verb === CARD_VERBS.checkInSubmit || verb === CARD_VERBS.checkInNothingChanged;

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
    if (activity.name === 'composeExtension/query')
      return { status: 200, body: extensionMessage(en.errors.generic) };
    if (activity.name !== 'adaptiveCard/action') return { status: 200 };
    const action = (activity.value as { action?: { verb?: unknown; data?: unknown } } | undefined)
      ?.action;
    const verb = typeof action?.verb === 'string' ? action.verb : '';
    const data = action?.data && typeof action.data === 'object' ? action.data : {};
    // The outcome is unknown, as when a store call fails mid-action: a check-in offers the same
    // submission again (idempotent by submissionId).
    const card = isCheckIn(verb)
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
    const text = TurnContext.removeRecipientMention(context.activity) ?? context.activity.text;
    // In a team channel, commands are about that team.
    const channelTeamId = (context.activity.channelData as { team?: { aadGroupId?: string } })?.team
      ?.aadGroupId;
    const card = await commandFor(text ?? '')({
      deps: this.deps,
      identity,
      ...(channelTeamId ? { channelTeamId } : {}),
    });
    await context.sendActivity(cardReply(card));
  }

  protected override async onAdaptiveCardInvoke(
    context: TurnContext,
    invokeValue: AdaptiveCardInvokeValue,
  ): Promise<AdaptiveCardInvokeResponse> {
    const identity = identityOf(context);
    if (!identity) return invokeCard(buildMessageCard(en.errors.notMember, 'attention'));
    const verb = invokeValue.action?.verb;
    const parsed = parseCardAction({ verb, data: invokeValue.action?.data });
    const rawInputs = stringInputs(invokeValue.action?.data);
    if (!parsed.ok)
      return invokeCard(
        await invalidActionCard(this.deps, identity, verb, parsed.error, rawInputs),
      );
    const action = parsed.value;
    try {
      return invokeCard(await runCardAction(this.deps, identity, action, rawInputs));
    } catch (error) {
      const checkIn = isCheckIn(action.verb);
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

  /** The compose box search (message extension): OKRs the user may see, as cards to insert. */
  protected override handleTeamsMessagingExtensionQuery(
    context: TurnContext,
    query: MessagingExtensionQuery,
  ): Promise<MessagingExtensionResponse> {
    return this.extensionAnswer('search', () =>
      searchAnswer(this.deps, identityOf(context), query, context.activity.locale),
    );
  }

  /** A Bearing tab link pasted into a message: the same card as the search inserts. */
  protected override handleTeamsAppBasedLinkQuery(
    context: TurnContext,
    query: AppBasedLinkQuery,
  ): Promise<MessagingExtensionResponse> {
    return this.extensionAnswer('unfurl', () =>
      unfurlAnswer(this.deps, identityOf(context), query, context.activity.locale),
    );
  }

  /** A store call failed: the compose box says so instead of showing a bare 500. */
  private async extensionAnswer(
    what: string,
    answer: () => Promise<MessagingExtensionResponse>,
  ): Promise<MessagingExtensionResponse> {
    try {
      return await answer();
    } catch (error) {
      this.deps.logger.warn(`message extension ${what} failed`, { error: (error as Error).name });
      return extensionMessage(en.errors.generic);
    }
  }
}
