import {
  CARD_VERBS,
  CHECKIN_INPUTS,
  CHECKIN_TEXT_MAX,
  en,
  formatValue,
  formatWeek,
  keyResultProgress,
  type Confidence,
  type KeyResult,
} from '@bearing/core';
import {
  adaptiveCard,
  type AdaptiveCard,
  type CardElement,
  numberInput,
  percent,
  progressBar,
  escapeMarkdown,
  fieldError,
  heading,
  note,
  text,
} from '../common';

/** One key result on the check-in card. */
export interface CheckInCardKeyResult {
  readonly keyResult: KeyResult;
  readonly objectiveTitle: string;
  /** Guardrail KPIs of the objective that are not healthy ("CSAT is in warning"). */
  readonly guardrailNotes?: readonly string[];
}

/** What the check-in card shows. */
export interface CheckInCardModel {
  readonly userName: string;
  readonly teamId: string;
  readonly teamName: string;
  readonly cycleId: string;
  readonly week: string;
  /** Identifies this card instance: a retried or double-clicked submit carries the same id. */
  readonly submissionId: string;
  readonly locale: string;
  readonly keyResults: readonly CheckInCardKeyResult[];
  /** What the user entered, shown again when the card comes back with errors. */
  readonly values?: Readonly<Record<string, string>>;
  /** Messages per input id, shown next to the input. */
  readonly errors?: Readonly<Record<string, string>>;
}

const CONFIDENCES: Confidence[] = ['onTrack', 'atRisk', 'offTrack'];
/** The container of the optional questions (collapsed until asked for, or filled in). */
export const CHECKIN_NOTES_ID = 'checkin.notes';

function valueInput(kr: KeyResult, model: CheckInCardModel): CardElement {
  const id = CHECKIN_INPUTS.value(kr.id);
  const entered = model.values?.[id];
  if (kr.type === 'boolean') {
    const on = entered !== undefined ? entered === 'true' : kr.current >= 1;
    return {
      type: 'Input.Toggle',
      id,
      label: en.checkIn.done,
      title: en.checkIn.done,
      value: on ? 'true' : 'false',
      valueOn: 'true',
      valueOff: 'false',
    };
  }
  if (kr.type === 'milestone') {
    const choices = Array.from({ length: kr.target + 1 }, (_, n) => ({
      title: n === 0 ? '0' : `${n} · ${escapeMarkdown(kr.milestones?.[n - 1] ?? '')}`.trim(),
      value: String(n),
    }));
    return {
      type: 'Input.ChoiceSet',
      id,
      label: en.checkIn.milestonesDone,
      choices,
      value: entered ?? String(kr.current),
      style: 'compact',
    };
  }
  return numberInput({
    id,
    label: en.checkIn.valueLabel(kr.unit ? escapeMarkdown(kr.unit) : undefined),
    current: kr.current,
    ...(entered !== undefined ? { entered } : {}),
    errorMessage: 'Enter a number.',
  });
}

function keyResultSection(
  item: CheckInCardKeyResult,
  model: CheckInCardModel,
  showObjective: boolean,
  first: boolean,
): CardElement {
  const kr = item.keyResult;
  const confidenceId = CHECKIN_INPUTS.confidence(kr.id);
  const progress = keyResultProgress(kr);
  return {
    type: 'Container',
    separator: !first,
    spacing: first ? 'small' : 'default',
    items: [
      ...(showObjective && item.objectiveTitle
        ? [note(escapeMarkdown(en.checkIn.objective(item.objectiveTitle)))]
        : []),
      text(escapeMarkdown(kr.title), { weight: 'bolder', spacing: 'none' }),
      text(
        `${formatValue(kr, kr.current, model.locale)} → ${formatValue(kr, kr.target, model.locale)} · ${percent(progress)}`,
        { size: 'small', spacing: 'none' },
      ),
      // Right under its numbers: the bar is an image 5 px high (see progressBar).
      { ...progressBar(progress, kr.confidence), spacing: 'none' },
      ...(item.guardrailNotes ?? []).map((g) =>
        text(`⚠ ${escapeMarkdown(g)}`, { size: 'small', weight: 'bolder', spacing: 'small' }),
      ),
      // The value and the confidence side by side: two short fields fit a 320 px phone.
      {
        type: 'ColumnSet',
        spacing: 'small',
        columns: [
          { type: 'Column', width: 'stretch', items: [valueInput(kr, model)] },
          {
            type: 'Column',
            width: 'stretch',
            items: [
              {
                type: 'Input.ChoiceSet',
                id: confidenceId,
                label: en.checkIn.confidenceLabel,
                style: 'compact',
                value: model.values?.[confidenceId] ?? kr.confidence,
                choices: CONFIDENCES.map((c) => ({ title: en.confidence[c], value: c })),
              },
            ],
          },
        ],
      },
      ...fieldError(model.errors?.[CHECKIN_INPUTS.value(kr.id)]),
      ...fieldError(model.errors?.[confidenceId]),
    ],
  };
}

function textInput(id: string, label: string, model: CheckInCardModel): CardElement[] {
  return [
    {
      type: 'Input.Text',
      id,
      label,
      isMultiline: true,
      maxLength: CHECKIN_TEXT_MAX,
      value: model.values?.[id] ?? '',
    },
    ...fieldError(model.errors?.[id]),
  ];
}

const NOTE_IDS = [
  CHECKIN_INPUTS.whatChanged,
  CHECKIN_INPUTS.blockers,
  CHECKIN_INPUTS.decisionNeeded,
] as const;

/**
 * The optional questions, after the values and collapsed behind "Add notes (optional)" (their
 * inputs stay in the card, so Submit sends them); open when the card comes back with one filled
 * in or to fix.
 */
function notes(model: CheckInCardModel): CardElement[] {
  const open = NOTE_IDS.some((id) => Boolean(model.values?.[id]) || Boolean(model.errors?.[id]));
  return [
    {
      type: 'ActionSet',
      separator: true,
      spacing: 'default',
      actions: [
        {
          type: 'Action.ToggleVisibility',
          title: en.checkIn.addNotes,
          targetElements: [CHECKIN_NOTES_ID],
        },
      ],
    },
    {
      type: 'Container',
      id: CHECKIN_NOTES_ID,
      isVisible: open,
      spacing: 'small',
      items: [
        note(en.checkIn.notesHint),
        ...textInput(CHECKIN_INPUTS.whatChanged, en.checkIn.whatChanged, model),
        ...textInput(CHECKIN_INPUTS.blockers, en.checkIn.blockers, model),
        ...textInput(CHECKIN_INPUTS.decisionNeeded, en.checkIn.decisionNeeded, model),
      ],
    },
  ];
}

/**
 * The weekly check-in card: every key result the user owns this cycle on one card, each with its
 * value and confidence side by side, the objective named once above its key results.
 */
export function buildCheckInCard(model: CheckInCardModel): AdaptiveCard {
  const context = {
    teamId: model.teamId,
    cycleId: model.cycleId,
    week: model.week,
    submissionId: model.submissionId,
    krIds: model.keyResults.map((k) => k.keyResult.id),
  };
  const hasErrors = Object.keys(model.errors ?? {}).length > 0;
  const title = en.checkIn.title(formatWeek(model.week, model.locale));
  const body: CardElement[] = [
    heading(title),
    text(escapeMarkdown(en.checkIn.intro(model.userName, model.teamName)), {
      isSubtle: true,
      spacing: 'none',
    }),
    ...(hasErrors ? [text(en.checkIn.fixBelow, { color: 'attention', weight: 'bolder' })] : []),
    ...model.keyResults.map((k, i) =>
      keyResultSection(
        k,
        model,
        i === 0 || model.keyResults[i - 1]?.objectiveTitle !== k.objectiveTitle,
        i === 0,
      ),
    ),
    ...notes(model),
  ];
  return adaptiveCard(
    body,
    [
      {
        type: 'Action.Execute',
        title: en.checkIn.submit,
        verb: CARD_VERBS.checkInSubmit,
        data: context,
        associatedInputs: 'auto',
        style: 'positive',
      },
      {
        type: 'Action.Execute',
        title: en.checkIn.nothingChanged,
        verb: CARD_VERBS.checkInNothingChanged,
        data: context,
        associatedInputs: 'auto',
      },
      // Third: in the overflow menu (see `withOverflow`).
      {
        type: 'Action.Execute',
        title: en.checkIn.snooze,
        verb: CARD_VERBS.checkInSnooze,
        data: { teamId: model.teamId, week: model.week },
        associatedInputs: 'none',
      },
    ],
    { fallbackText: title },
  );
}
