import { CARD_VERBS, en, type Kpi, type KpiStatus } from '@bearing/core';
import {
  adaptiveCard,
  type AdaptiveCard,
  type CardAction,
  type CardElement,
  type TabLink,
  escapeMarkdown,
  heading,
  note,
  text,
} from '../common';

/** What an alert card shows. */
export interface KpiAlertModel {
  readonly kind: 'kpiAlert' | 'kpiEscalation' | 'kpiRecovered';
  readonly kpi: Pick<Kpi, 'id' | 'teamId' | 'name' | 'unit' | 'target' | 'episode'>;
  readonly status: KpiStatus;
  /** Latest readings, oldest first (the sparkline). */
  readonly values: readonly number[];
  readonly guardedObjectives: readonly string[];
  readonly correctiveObjectiveTitle?: string;
  /** Where the drafted corrective OKR is: its cycle and its key result (to highlight). */
  readonly corrective?: { readonly cycleId: string; readonly keyResultId: string };
  /** Links into the tab: "Open in Bearing" (the KPI on the dashboard) and the draft. */
  readonly tabLink?: TabLink;
  /** Formats instants in the reader's time zone and locale. */
  readonly formatInstant: (iso: string) => string;
  /** Teams user ids that see the card refresh to the current state (at most 60). */
  readonly refreshUserIds?: readonly string[];
}

const BARS = '▁▂▃▄▅▆▇█';

/** A compact text sparkline ("▂▃▅▇") of the latest values. */
export function sparkline(values: readonly number[]): string {
  const v = values.filter(Number.isFinite).slice(-12);
  if (v.length === 0) return '';
  const min = Math.min(...v);
  const max = Math.max(...v);
  return v
    .map((x) => BARS[max === min ? 3 : Math.round(((x - min) / (max - min)) * 7)] as string)
    .join('');
}

/**
 * The sparkline with its scale (what the lowest and highest bar stand for) and the readings as
 * text, which is what a screen reader reads (the bars alone say nothing).
 */
function trend(values: readonly number[], unit: string): CardElement[] {
  const v = values.filter(Number.isFinite).slice(-12);
  if (v.length < 2) return [];
  const shown = (n: number) => escapeMarkdown(withUnit(n, unit));
  return [
    text(en.kpi.trend(sparkline(v)), { size: 'small' }),
    note(en.kpi.trendScale(shown(Math.min(...v)), shown(Math.max(...v)))),
    note(en.kpi.trendReadings(v.length, v.map((n) => escapeMarkdown(number(n))).join(', '))),
  ];
}

const number = (n: number) => `${Number(n.toPrecision(6))}`;
const withUnit = (n: number, unit: string) =>
  unit === '%' ? `${number(n)}%` : `${number(n)} ${unit}`.trim();
function range(kpi: KpiAlertModel['kpi']): string {
  const { min, max } = kpi.target;
  if (min !== undefined && max !== undefined)
    return `${withUnit(min, kpi.unit)}–${withUnit(max, kpi.unit)}`;
  return min !== undefined
    ? `≥ ${withUnit(min, kpi.unit)}`
    : `≤ ${withUnit(max as number, kpi.unit)}`;
}

/**
 * The KPI alert card for the owner (1:1) and the team channel: value vs range, a sparkline, since
 * when, the OKRs it guards, and Acknowledge / Snooze / Draft corrective OKR / Open in Bearing.
 * Acknowledged, snoozed and drafted states replace the buttons they make pointless.
 */
export function buildKpiAlertCard(model: KpiAlertModel): AdaptiveCard {
  const { kpi } = model;
  const episode = kpi.episode;
  const name = escapeMarkdown(kpi.name);
  const latest = model.values[model.values.length - 1];
  const title =
    model.kind === 'kpiRecovered'
      ? en.kpi.recoveredTitle(name)
      : model.kind === 'kpiEscalation'
        ? en.kpi.escalationTitle(name)
        : en.kpi.alertTitle(name);
  const open = episode?.state === 'open';
  const body: CardElement[] = [
    heading(title),
    ...(latest !== undefined
      ? [
          text(
            en.kpi.value(withUnit(latest, escapeMarkdown(kpi.unit)), escapeMarkdown(range(kpi))),
            {
              weight: 'bolder',
              color:
                model.status === 'breach'
                  ? 'attention'
                  : model.status === 'warning'
                    ? 'warning'
                    : 'good',
            },
          ),
        ]
      : []),
    ...(episode
      ? [
          note(
            open
              ? en.kpi.since(model.formatInstant(episode.openedAt))
              : en.kpi.recoveredSince(model.formatInstant(episode.closedAt ?? episode.openedAt)),
          ),
        ]
      : []),
    ...trend(model.values, kpi.unit),
    ...(model.guardedObjectives.length
      ? [
          text(en.kpi.guards(model.guardedObjectives.map(escapeMarkdown).join('; ')), {
            size: 'small',
          }),
        ]
      : []),
    ...(episode?.acknowledgedBy && episode.acknowledgedAt
      ? [
          text(
            en.kpi.acknowledged(
              escapeMarkdown(episode.acknowledgedBy.name),
              model.formatInstant(episode.acknowledgedAt),
            ),
            { size: 'small', color: 'good' },
          ),
        ]
      : []),
    ...(open && episode?.snoozedUntil
      ? [note(en.kpi.snoozedUntil(model.formatInstant(episode.snoozedUntil)))]
      : []),
    ...(model.correctiveObjectiveTitle
      ? [
          text(en.kpi.corrective(escapeMarkdown(model.correctiveObjectiveTitle)), {
            size: 'small',
            color: 'good',
          }),
        ]
      : []),
  ];
  const context = {
    teamId: kpi.teamId,
    kpiId: kpi.id,
    ...(episode ? { episodeId: episode.id } : {}),
  };
  const draftLink =
    model.tabLink && model.corrective
      ? model.tabLink({ view: 'alignment', teamId: kpi.teamId, ...model.corrective })
      : undefined;
  // In this order; the first two are buttons, the rest go to the overflow menu (`withOverflow`).
  const actions: CardAction[] = [];
  if (open && episode) {
    if (!episode.acknowledgedAt)
      actions.push({
        type: 'Action.Execute',
        title: en.kpi.acknowledge,
        verb: CARD_VERBS.kpiAcknowledge,
        data: context,
        associatedInputs: 'none',
        style: 'positive',
      });
    // The duration picker unfolds with its button, so it never shows without it.
    actions.push({
      type: 'Action.ShowCard',
      title: en.kpi.snooze,
      card: {
        type: 'AdaptiveCard',
        body: [
          {
            type: 'Input.ChoiceSet',
            id: 'duration',
            label: en.kpi.snoozeFor,
            style: 'compact',
            value: '1d',
            choices: [
              { title: en.kpi.oneDay, value: '1d' },
              { title: en.kpi.oneWeek, value: '1w' },
            ],
          },
        ],
        actions: [
          {
            type: 'Action.Execute',
            title: en.kpi.snooze,
            verb: CARD_VERBS.kpiSnooze,
            data: context,
            associatedInputs: 'auto',
          },
        ],
      },
    });
    if (!episode.correctiveObjectiveId)
      actions.push({
        type: 'Action.Execute',
        title: en.kpi.draftCorrective,
        verb: CARD_VERBS.kpiDraftCorrectiveOkr,
        data: context,
        associatedInputs: 'none',
      });
  }
  if (draftLink) actions.push({ type: 'Action.OpenUrl', title: en.kpi.openDraft, url: draftLink });
  if (model.tabLink)
    actions.push({
      type: 'Action.OpenUrl',
      title: en.kpi.openInTab,
      url: model.tabLink({ view: 'dashboard', teamId: kpi.teamId, kpiId: kpi.id }),
    });
  return adaptiveCard(body, actions, {
    fallbackText: title,
    ...(episode
      ? {
          refresh: {
            action: {
              type: 'Action.Execute',
              title: en.digest.refresh,
              verb: CARD_VERBS.refresh,
              data: { view: 'kpiAlert', ...context, kind: model.kind },
            },
            userIds: [...(model.refreshUserIds ?? [])].slice(0, 60),
          },
        }
      : {}),
  });
}
