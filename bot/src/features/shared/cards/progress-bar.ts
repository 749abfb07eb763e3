import type { ColumnSet } from './adaptive-card';

/**
 * A progress bar made of card elements: two weighted columns, filled and empty, as wide as the
 * card (so it fits a 320 px phone). The percentage is written in the text next to it by callers;
 * the bar itself carries no text, so it never truncates.
 */
export function progressBar(progress: number): ColumnSet {
  const filled = Math.round(Math.min(1, Math.max(0, progress)) * 100);
  const columns: ColumnSet['columns'] = [];
  if (filled > 0) columns.push({ type: 'Column', width: `${filled}`, style: 'good', items: [] });
  if (filled < 100)
    columns.push({ type: 'Column', width: `${100 - filled}`, style: 'emphasis', items: [] });
  return { type: 'ColumnSet', columns, spacing: 'small', minHeight: '6px' };
}

/** "42%" */
export const percent = (progress: number): string =>
  `${Math.round(Math.min(1, Math.max(0, progress)) * 100)}%`;
