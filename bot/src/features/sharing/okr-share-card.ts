import { en, type Confidence } from '@bearing/core';
import {
  adaptiveCard,
  escapeMarkdown,
  heading,
  note,
  percent,
  progressBar,
  text,
  type AdaptiveCard,
  type CardElement,
} from '../common';

/** One key result under a shared objective. */
export interface OkrShareRow {
  readonly title: string;
  readonly progress: number;
  readonly confidence?: Confidence;
  readonly ownerName: string;
}

/**
 * An objective or key result as it is shared into a conversation: what the message extension
 * inserts and what a Bearing link unfurls to (the same card for both).
 */
export interface OkrShareModel {
  readonly kind: 'objective' | 'keyResult';
  readonly id: string;
  /** The owning team; null for a company objective or its key results. */
  readonly teamId: string | null;
  readonly title: string;
  /** The owning team's name (undefined for company OKRs). */
  readonly teamName?: string;
  /** For a key result: its objective's title. */
  readonly objectiveTitle?: string;
  readonly progress: number;
  /** Undefined for an objective without key results. */
  readonly confidence?: Confidence;
  readonly ownerName: string;
  /** For a key result: "7.6 → 8.5 points". */
  readonly valueText?: string;
  /** For an objective: its active key results. */
  readonly keyResults: readonly OkrShareRow[];
  /** "Open in Bearing": the tab link that unfurls to this card again. */
  readonly url?: string;
}

const confidenceText = (c: Confidence | undefined) =>
  c ? en.confidence[c] : en.share.noConfidence;
const confidenceColor = (c: Confidence | undefined) =>
  c === 'offTrack'
    ? 'attention'
    : c === 'atRisk'
      ? 'warning'
      : c === 'onTrack'
        ? 'good'
        : 'default';

/** "Key result · Objective: … · in My Team", the line under the title (also the preview's). */
export function okrShareSubtitle(model: OkrShareModel): string {
  const where = model.teamName ? en.share.inTeam(model.teamName) : en.share.companyObjective;
  const kind = model.kind === 'objective' ? en.share.objective : en.share.keyResult;
  return [
    kind,
    ...(model.objectiveTitle ? [en.checkIn.objective(model.objectiveTitle)] : []),
    where,
  ].join(' · ');
}

/** The shared card: title, where it belongs, progress, confidence and owner. */
export function buildOkrShareCard(model: OkrShareModel): AdaptiveCard {
  const body: CardElement[] = [
    heading(escapeMarkdown(model.title)),
    note(escapeMarkdown(okrShareSubtitle(model))),
    {
      type: 'FactSet',
      spacing: 'medium',
      facts: [
        {
          title: en.share.progress,
          value: `${percent(model.progress)}${model.valueText ? ` · ${escapeMarkdown(model.valueText)}` : ''}`,
        },
        { title: en.share.confidence, value: confidenceText(model.confidence) },
        { title: en.share.owner, value: escapeMarkdown(model.ownerName) },
      ],
    },
    progressBar(model.progress, model.confidence),
  ];
  if (model.kind === 'objective' && model.keyResults.length > 0) {
    body.push(
      text(en.share.keyResultsOf(model.keyResults.length), {
        weight: 'bolder',
        spacing: 'medium',
        separator: true,
      }),
    );
    for (const row of model.keyResults) {
      body.push(
        text(escapeMarkdown(row.title), { spacing: 'small' }),
        text(
          `${percent(row.progress)} · ${confidenceText(row.confidence)} · ${escapeMarkdown(row.ownerName)}`,
          { size: 'small', spacing: 'none', color: confidenceColor(row.confidence) },
        ),
      );
    }
  }
  return adaptiveCard(
    body,
    model.url ? [{ type: 'Action.OpenUrl', title: en.share.open, url: model.url }] : [],
    {
      fallbackText: `${model.title} · ${percent(model.progress)} · ${confidenceText(model.confidence)}`,
    },
  );
}
