import {
  CARD_VERBS,
  en,
  formatChange,
  formatValue,
  formatWeek,
  keyResultProgress,
  type CheckIn,
  type KeyResult,
} from '@bearing/core';
import {
  adaptiveCard,
  type AdaptiveCard,
  type CardElement,
  progressBar,
  escapeMarkdown,
  heading,
  note,
  text,
} from '../common';

/** What the summary card (the check-in card after submit) shows. */
export interface CheckInSummaryModel {
  readonly checkIn: CheckIn;
  /** The key results as they were before this week's first submission (for deltas and units). */
  readonly keyResults: readonly KeyResult[];
  readonly locale: string;
  /** Submission time, already formatted in the viewer's zone. */
  readonly submittedAtText: string;
}

/** The check-in card after submit: what was submitted, with deltas, and an Edit action. */
export function buildCheckInSummaryCard(model: CheckInSummaryModel): AdaptiveCard {
  const { checkIn, locale } = model;
  const byId = new Map(model.keyResults.map((k) => [k.id, k]));
  const lines: CardElement[] = checkIn.updates.flatMap((u) => {
    const kr = byId.get(u.keyResultId);
    if (!kr) return [];
    const change = u.value - u.previousValue;
    const after = { ...kr, current: u.value };
    const progress = keyResultProgress(after);
    return [
      text(escapeMarkdown(kr.title), { weight: 'bolder', spacing: 'medium' }),
      text(
        `${formatValue(kr, u.previousValue, locale)} → ${formatValue(after, u.value, locale)}` +
          (change !== 0 && kr.type !== 'boolean' ? ` (${formatChange(change, locale)})` : '') +
          ` · ${en.confidence[u.confidence]}`,
        {
          size: 'small',
          spacing: 'none',
          // Teams' warning yellow fails contrast on light backgrounds: only off track gets a colour.
          color: u.confidence === 'offTrack' ? 'attention' : 'default',
        },
      ),
      progressBar(progress, u.confidence),
    ];
  });
  const answers: [string, string | undefined][] = [
    [en.summary.whatChanged, checkIn.whatChanged],
    [en.summary.blockers, checkIn.blockers],
    [en.summary.decisionNeeded, checkIn.decisionNeeded],
  ];
  const body: CardElement[] = [
    heading(`✅ ${en.summary.title(formatWeek(checkIn.week, locale))}`),
    note(en.summary.submittedAt(model.submittedAtText)),
    ...(checkIn.nothingChanged ? [text(en.summary.nothingChanged, { isSubtle: true })] : []),
    ...lines,
    ...answers
      .filter((a): a is [string, string] => Boolean(a[1]))
      .flatMap(([label, value]) => [
        text(label, { weight: 'bolder', spacing: 'medium', size: 'small' }),
        text(escapeMarkdown(value), { spacing: 'none' }),
      ]),
  ];
  return adaptiveCard(
    body,
    [
      {
        type: 'Action.Execute',
        title: en.summary.edit,
        verb: CARD_VERBS.checkInEdit,
        data: { teamId: checkIn.teamId, week: checkIn.week },
        associatedInputs: 'none',
      },
    ],
    { fallbackText: en.summary.title(formatWeek(checkIn.week, locale)) },
  );
}
