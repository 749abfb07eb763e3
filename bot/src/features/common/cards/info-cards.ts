import { CARD_VERBS, en, formatValue, keyResultProgress, type KeyResult } from '@bearing/core';
import {
  adaptiveCard,
  type AdaptiveCard,
  type CardAction,
  type CardElement,
} from './adaptive-card';
import type { TabLink } from './tab-link';
import { percent, progressBar } from './progress-bar';
import { escapeMarkdown, heading, note, text } from './text';

const checkInAction = {
  type: 'Action.Execute' as const,
  title: en.checkIn.checkInNow,
  verb: CARD_VERBS.checkInOpen,
  data: {},
  associatedInputs: 'none' as const,
};

/**
 * The list of commands, shared by the welcome and help cards: each command on a line of its own
 * with what it does below it, so a phone never breaks "send check-ins" or "team status" in two.
 */
function commandList(): CardElement {
  return {
    type: 'Container',
    items: en.help.commands.flatMap(([command, meaning]) => [
      text(command, { weight: 'bolder', spacing: 'small' }),
      text(meaning, { spacing: 'none', isSubtle: true }),
    ]),
  };
}

/** Welcome card when the app is installed (personal scope, or a team when `teamName` is given). */
export function buildWelcomeCard(teamName?: string): AdaptiveCard {
  return adaptiveCard(
    [
      heading(en.welcome.title),
      text(teamName ? escapeMarkdown(en.welcome.teamBody(teamName)) : en.welcome.body),
      text(en.welcome.tryIt, { weight: 'bolder' }),
      commandList(),
    ],
    teamName ? [] : [checkInAction],
    { fallbackText: en.welcome.title },
  );
}

/** Help card; `unknownText` is what the user typed when it was not a command. */
export function buildHelpCard(unknownText?: string): AdaptiveCard {
  const body: CardElement[] = [
    ...(unknownText
      ? [text(escapeMarkdown(en.help.unknown(unknownText.slice(0, 100))), { weight: 'bolder' })]
      : []),
    heading(en.help.title),
    commandList(),
  ];
  return adaptiveCard(body, [checkInAction], { fallbackText: en.help.title });
}

/** "My OKRs": each key result the user owns with progress and last check-in. */
export function buildMyOkrsCard(
  items: readonly { keyResult: KeyResult; objectiveTitle: string; lastCheckInText?: string }[],
  locale: string,
  /** "Open in Bearing": the user's own view of the team and cycle in the tab. */
  open?: { readonly link: TabLink; readonly teamId: string; readonly cycleId: string },
): AdaptiveCard {
  const body: CardElement[] = [heading(en.myOkrs.title)];
  if (items.length === 0) body.push(text(en.myOkrs.none, { isSubtle: true }));
  for (const { keyResult: kr, objectiveTitle, lastCheckInText } of items) {
    const p = keyResultProgress(kr);
    body.push(
      text(escapeMarkdown(kr.title), { weight: 'bolder', spacing: 'medium', separator: true }),
      note(escapeMarkdown(en.checkIn.objective(objectiveTitle))),
      text(
        `${formatValue(kr, kr.current, locale)} → ${formatValue(kr, kr.target, locale)} · ${percent(p)} · ${en.confidence[kr.confidence]}`,
        { size: 'small', spacing: 'small' },
      ),
      progressBar(p, kr.confidence),
      note(lastCheckInText ? en.myOkrs.lastCheckIn(lastCheckInText) : en.myOkrs.never),
    );
  }
  const actions: CardAction[] = [checkInAction];
  if (open)
    actions.push({
      type: 'Action.OpenUrl',
      title: en.kpi.openInTab,
      url: open.link({ view: 'personal', teamId: open.teamId, cycleId: open.cycleId }),
    });
  return adaptiveCard(body, actions, { fallbackText: en.myOkrs.title });
}

/** A card with one message (errors, confirmations). */
export function buildMessageCard(
  message: string,
  tone: 'default' | 'attention' = 'default',
): AdaptiveCard {
  return adaptiveCard([text(message, { color: tone })], [], { fallbackText: message });
}
