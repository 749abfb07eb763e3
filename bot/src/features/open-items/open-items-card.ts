import {
  CARD_VERBS,
  CHECKIN_TEXT_MAX,
  OPEN_ITEM_TEXT_INPUT,
  en,
  type OpenItemView,
} from '@bearing/core';
import { type CardElement, escapeMarkdown, note, text } from '../common';

const KIND = { blocker: en.openItems.blocker, decision: en.openItems.decision } as const;

/** "new this week" or "open 3 weeks". */
export const ageText = (item: Pick<OpenItemView, 'ageWeeks' | 'isNew'>) =>
  item.isNew ? 'new this week' : `open ${item.ageWeeks} week${item.ageWeeks === 1 ? '' : 's'}`;

/** What became of an item: "Resolved by Sam" or "Decided by Sam: ship on Friday". */
export function outcomeText(item: OpenItemView): string {
  const r = item.resolution;
  if (!r) return ageText(item);
  const by = escapeMarkdown(r.by.displayName);
  if (r.outcome === 'decided') return `Decided by ${by}: ${escapeMarkdown(r.text ?? '')}`;
  if (r.outcome === 'withdrawn') return 'Withdrawn';
  return `Resolved by ${by}${r.text ? `: ${escapeMarkdown(r.text)}` : ''}`;
}

/**
 * The member's own items on their check-in card: open ones with Update (their text, sent with
 * the card's other inputs, which the update ignores) and Withdraw (a one-off action that sends no
 * inputs), then what managers resolved or decided since. Empty when there are none.
 */
export function memberItemsSection(teamId: string, items: readonly OpenItemView[]): CardElement[] {
  if (items.length === 0) return [];
  const m = en.openItems;
  const actionsFor = (item: OpenItemView) => ({
    type: 'ActionSet',
    actions: [
      {
        type: 'Action.ShowCard',
        title: m.update,
        card: {
          type: 'AdaptiveCard',
          body: [
            {
              type: 'Input.Text',
              id: OPEN_ITEM_TEXT_INPUT(item.id),
              label: m.newText,
              value: item.text,
              isMultiline: true,
              maxLength: CHECKIN_TEXT_MAX,
            },
          ],
          actions: [
            {
              type: 'Action.Execute',
              title: m.save,
              verb: CARD_VERBS.openItemUpdate,
              data: { teamId, itemId: item.id },
            },
          ],
        },
      },
      {
        type: 'Action.Execute',
        title: m.withdraw,
        verb: CARD_VERBS.openItemWithdraw,
        associatedInputs: 'none',
        data: { teamId, itemId: item.id },
      },
    ],
  });
  return [
    text(m.title, { weight: 'bolder', separator: true, spacing: 'medium' }),
    ...items.flatMap((item): CardElement[] => [
      text(`${KIND[item.kind]}: ${escapeMarkdown(item.text)}`, { spacing: 'small' }),
      note(outcomeText(item)),
      ...(item.status === 'open' ? [actionsFor(item) as unknown as CardElement] : []),
    ]),
  ];
}

/** Digest lines: open blockers and pending decisions with their author and age (oldest first). */
export function digestItemLines(items: readonly OpenItemView[]): {
  blockers: string[];
  decisions: string[];
} {
  const line = (item: OpenItemView) =>
    `${escapeMarkdown(item.text)} — ${escapeMarkdown(item.author.displayName)} (${ageText(item)})`;
  return {
    blockers: items.filter((i) => i.kind === 'blocker').map(line),
    decisions: items.filter((i) => i.kind === 'decision').map(line),
  };
}
