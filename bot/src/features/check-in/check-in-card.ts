import {
  CARD_VERBS,
  CHECKIN_INPUTS,
  CHECKIN_TEXT_MAX,
  en,
  formatValue,
  keyResultProgress,
  type Confidence,
  type KeyResult,
} from '@bearing/core';
import { adaptiveCard, type AdaptiveCard, type CardElement } from '../shared';
import { percent, progressBar } from '../shared';
import { escapeMarkdown, fieldError, heading, note, text } from '../shared';

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
  const prefilled =
    entered !== undefined && entered !== '' && Number.isFinite(Number(entered))
      ? Number(entered)
      : kr.current;
  return {
    type: 'Input.Number',
    id,
    label: `${en.checkIn.newValue}${kr.unit ? ` (${escapeMarkdown(kr.unit)})` : ''}`,
    value: prefilled,
    isRequired: true,
    errorMessage: 'Enter a number.',
  };
}

function keyResultSection(
  item: CheckInCardKeyResult,
  model: CheckInCardModel,
  first: boolean,
): CardElement {
  const kr = item.keyResult;
  const confidenceId = CHECKIN_INPUTS.confidence(kr.id);
  const progress = keyResultProgress(kr);
  return {
    type: 'Container',
    separator: !first,
    spacing: first ? 'default' : 'large',
    items: [
      text(escapeMarkdown(kr.title), { weight: 'bolder' }),
      note(escapeMarkdown(en.checkIn.objective(item.objectiveTitle))),
      text(
        `${formatValue(kr, kr.current, model.locale)} → ${formatValue(kr, kr.target, model.locale)} · ${percent(progress)}`,
        { size: 'small', spacing: 'small' },
      ),
      progressBar(progress),
      ...(item.guardrailNotes ?? []).map((g) =>
        text(`⚠ ${escapeMarkdown(g)}`, { size: 'small', weight: 'bolder' }),
      ),
      valueInput(kr, model),
      ...fieldError(model.errors?.[CHECKIN_INPUTS.value(kr.id)]),
      {
        type: 'Input.ChoiceSet',
        id: confidenceId,
        label: en.checkIn.confidenceLabel,
        style: 'compact',
        value: model.values?.[confidenceId] ?? kr.confidence,
        choices: CONFIDENCES.map((c) => ({ title: en.confidence[c], value: c })),
      },
      ...fieldError(model.errors?.[confidenceId]),
    ],
  };
}

function textInput(id: string, label: string, model: CheckInCardModel): CardElement[] {
  return [
    {
      type: 'Input.Text',
      id,
      label: `${label} ${en.checkIn.optional}`,
      isMultiline: true,
      maxLength: CHECKIN_TEXT_MAX,
      value: model.values?.[id] ?? '',
    },
    ...fieldError(model.errors?.[id]),
  ];
}

/** The weekly check-in card: every key result the user owns this cycle on one card. */
export function buildCheckInCard(model: CheckInCardModel): AdaptiveCard {
  const context = {
    teamId: model.teamId,
    cycleId: model.cycleId,
    week: model.week,
    submissionId: model.submissionId,
    krIds: model.keyResults.map((k) => k.keyResult.id),
  };
  const hasErrors = Object.keys(model.errors ?? {}).length > 0;
  const body: CardElement[] = [
    heading(en.checkIn.title(model.week)),
    text(escapeMarkdown(en.checkIn.intro(model.userName, model.teamName)), { isSubtle: true }),
    ...(hasErrors ? [text(en.checkIn.fixBelow, { color: 'attention', weight: 'bolder' })] : []),
    ...model.keyResults.map((k, i) => keyResultSection(k, model, i === 0)),
    {
      type: 'Container',
      separator: true,
      spacing: 'large',
      items: [
        ...textInput(CHECKIN_INPUTS.whatChanged, en.checkIn.whatChanged, model),
        ...textInput(CHECKIN_INPUTS.blockers, en.checkIn.blockers, model),
        ...textInput(CHECKIN_INPUTS.decisionNeeded, en.checkIn.decisionNeeded, model),
      ],
    },
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
      {
        type: 'Action.Execute',
        title: en.checkIn.snooze,
        verb: CARD_VERBS.checkInSnooze,
        data: { teamId: model.teamId, week: model.week },
        associatedInputs: 'none',
      },
    ],
    { fallbackText: en.checkIn.title(model.week) },
  );
}
