import { CARD_VERBS, KPI_READING_INPUT, en, type Kpi } from '@bearing/core';
import {
  adaptiveCard,
  numberInput,
  type AdaptiveCard,
  type CardElement,
  escapeMarkdown,
  fieldError,
  heading,
  note,
  text,
} from '../common';

/** The "update kpi" card: pick one of your KPIs, type the new reading. */
export function buildKpiUpdateCard(
  teamId: string,
  kpis: readonly Pick<Kpi, 'id' | 'name' | 'unit' | 'lastReading'>[],
  options: { error?: string; value?: string; kpiId?: string } = {},
): AdaptiveCard {
  if (kpis.length === 0)
    return adaptiveCard([text(en.kpi.updateNone)], [], { fallbackText: en.kpi.updateTitle });
  const body: CardElement[] = [
    heading(en.kpi.updateTitle),
    {
      type: 'Input.ChoiceSet',
      id: 'kpiId',
      label: en.kpi.chooseKpi,
      style: 'compact',
      isRequired: true,
      errorMessage: 'Choose a KPI.',
      value: options.kpiId ?? (kpis[0] as { id: string }).id,
      choices: kpis.map((k) => ({
        title: `${escapeMarkdown(k.name)} (${k.lastReading ? `${k.lastReading.value} ${k.unit}`.trim() : '—'})`,
        value: k.id,
      })),
    },
    numberInput({
      id: KPI_READING_INPUT,
      label: en.kpi.newReading,
      ...(options.value !== undefined ? { entered: options.value } : {}),
      errorMessage: 'Enter a number.',
    }),
    ...fieldError(options.error),
    note(
      kpis.length > 1
        ? 'Pick the KPI, then type the value you measured.'
        : 'Type the value you measured.',
    ),
  ];
  return adaptiveCard(
    body,
    [
      {
        type: 'Action.Execute',
        title: en.checkIn.submit,
        verb: CARD_VERBS.kpiManualReading,
        data: { teamId },
        associatedInputs: 'auto',
        style: 'positive',
      },
    ],
    { fallbackText: en.kpi.updateTitle },
  );
}
