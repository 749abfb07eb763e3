import type { ColumnSet } from './adaptive-card';

/**
 * A progress bar made of card elements: two weighted columns, filled and empty. Works on narrow
 * (mobile) cards where a text bar would wrap.
 */
export function progressBar(progress: number, label: string): ColumnSet {
  const filled = Math.round(Math.min(1, Math.max(0, progress)) * 100);
  const columns: ColumnSet['columns'] = [];
  if (filled > 0) {
    columns.push({
      type: 'Column',
      width: `${filled}`,
      style: 'good',
      minHeight: '8px',
      items: [],
    });
  }
  if (filled < 100) {
    columns.push({
      type: 'Column',
      width: `${100 - filled}`,
      style: 'emphasis',
      minHeight: '8px',
      items: [],
    });
  }
  columns.push({
    type: 'Column',
    width: 'auto',
    items: [{ type: 'TextBlock', text: label, size: 'small', spacing: 'none', wrap: false }],
  });
  return { type: 'ColumnSet', columns, spacing: 'small' };
}
