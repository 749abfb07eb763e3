import type { Confidence } from '@bearing/core';
import type { ColumnSet, ContainerStyle } from './adaptive-card';

/** The bar's colour says the status: green on track, amber at risk, red off track. */
const STYLE: Record<Confidence, ContainerStyle> = {
  onTrack: 'good',
  atRisk: 'warning',
  offTrack: 'attention',
};

/**
 * A progress bar made of card elements: two weighted columns, filled and empty, as wide as the
 * card (so it fits a 320 px phone), the filled part coloured by `confidence` (accent when nobody
 * has said yet). The percentage and
 * status are written in the text next to it by callers; the bar itself carries no text.
 */
export function progressBar(progress: number, confidence: Confidence | undefined): ColumnSet {
  const filled = Math.round(Math.min(1, Math.max(0, progress)) * 100);
  const columns: ColumnSet['columns'] = [];
  if (filled > 0)
    columns.push({
      type: 'Column',
      width: `${filled}`,
      style: confidence ? STYLE[confidence] : 'accent',
      items: [],
    });
  if (filled < 100)
    columns.push({ type: 'Column', width: `${100 - filled}`, style: 'emphasis', items: [] });
  return { type: 'ColumnSet', columns, spacing: 'small', minHeight: '6px' };
}

/** "42%" */
export const percent = (progress: number): string =>
  `${Math.round(Math.min(1, Math.max(0, progress)) * 100)}%`;
