import { useEffect, useRef, useState, type ReactNode } from 'react';
import { makeStyles, tokens } from '@fluentui/react-components';
import { useLocale } from '../i18n/locale';

// What the hand-drawn charts share: pixel-sized drawing (so text keeps its size whatever the chart's
// width), theme colours from Fluent tokens (light, dark and Teams high contrast), and the values as
// a table for keyboards and screen readers.

export const useChartStyles = makeStyles({
  frame: { position: 'relative', width: '100%', minWidth: 0 },
  svg: { display: 'block', overflow: 'visible' },
  grid: { stroke: tokens.colorNeutralStroke2, strokeWidth: 1 },
  axis: { stroke: tokens.colorNeutralStrokeAccessible, strokeWidth: 1 },
  label: {
    fill: tokens.colorNeutralForeground2,
    fontFamily: tokens.fontFamilyBase,
    fontSize: tokens.fontSizeBase200,
  },
  value: {
    fill: tokens.colorNeutralForeground1,
    fontFamily: tokens.fontFamilyBase,
    fontSize: tokens.fontSizeBase200,
    fontWeight: tokens.fontWeightSemibold,
  },
  line: { fill: 'none', stroke: tokens.colorBrandForeground1, strokeWidth: 2.5 },
  dot: {
    fill: tokens.colorBrandForeground1,
    stroke: tokens.colorNeutralBackground1,
    strokeWidth: 1.5,
  },
  bar: { fill: tokens.colorBrandBackground },
  // Outlined, not just filled: Teams high contrast draws every background black.
  track: {
    fill: tokens.colorNeutralBackground3,
    stroke: tokens.colorNeutralStrokeAccessible,
    strokeWidth: 1,
  },
  healthy: { fill: tokens.colorStatusSuccessBackground3 },
  warningStripe: { stroke: tokens.colorStatusWarningBackground3, strokeWidth: 3 },
  warningEdge: { fill: 'none', stroke: tokens.colorStatusWarningBackground3, strokeWidth: 1 },
  needle: {
    fill: tokens.colorNeutralForeground1,
    stroke: tokens.colorNeutralBackground1,
    strokeWidth: 2,
  },
  empty: {
    display: 'flex',
    alignItems: 'center',
    justifyContent: 'center',
    color: tokens.colorNeutralForeground2,
    border: `${tokens.strokeWidthThin} dashed ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusMedium,
  },
  details: { fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground1 },
  summary: {
    cursor: 'pointer',
    color: tokens.colorBrandForegroundLink,
    ':focus-visible': {
      outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}`,
      outlineOffset: '2px',
    },
  },
  caption: { textAlign: 'start', color: tokens.colorNeutralForeground2 },
  table: {
    borderCollapse: 'collapse',
    marginTop: tokens.spacingVerticalXS,
    '& th, & td': {
      textAlign: 'start',
      padding: `${tokens.spacingVerticalXXS} ${tokens.spacingHorizontalS}`,
      borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    },
  },
});

/** The width of the element `ref` is on, following resizes (320 px until first measured). */
export function useWidth<T extends HTMLElement>() {
  const ref = useRef<T>(null);
  const [width, setWidth] = useState(320);
  useEffect(() => {
    const el = ref.current;
    if (!el || typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(([entry]) => {
      const w = Math.floor(entry?.contentRect.width ?? 0);
      if (w > 0) setWidth(w);
    });
    observer.observe(el);
    return () => observer.disconnect();
  }, []);
  return { ref, width };
}

/** A chart with nothing to draw yet: says so, in the space the chart would take. */
export function NoData({ height }: { readonly height: number }) {
  const styles = useChartStyles();
  return (
    <div className={styles.empty} style={{ height }}>
      {useLocale().messages.dashboard.noData}
    </div>
  );
}

/** The chart's values as a table, behind a disclosure (keyboard and screen reader alternative). */
export function ValuesTable({
  caption,
  head,
  rows,
}: {
  readonly caption: string;
  readonly head: readonly string[];
  readonly rows: readonly (readonly ReactNode[])[];
}) {
  const styles = useChartStyles();
  const m = useLocale().messages.dashboard;
  return (
    <details className={styles.details}>
      <summary className={styles.summary}>{m.showTable}</summary>
      <table className={styles.table}>
        <caption className={styles.caption}>{caption}</caption>
        <thead>
          <tr>
            {head.map((h) => (
              <th key={h} scope="col">
                {h}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((r, i) => (
            <tr key={i}>
              {r.map((c, j) =>
                j === 0 ? (
                  <th key={j} scope="row">
                    {c}
                  </th>
                ) : (
                  <td key={j}>{c}</td>
                ),
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </details>
  );
}

/** Labels along an axis of `length` px, thinned so each keeps about `room` px. */
export function thin<T>(items: readonly T[], length: number, room: number): Set<number> {
  const fit = Math.max(1, Math.floor(length / room));
  const step = Math.max(1, Math.ceil(items.length / fit));
  const keep = new Set<number>();
  for (let i = items.length - 1; i >= 0; i -= step) keep.add(i);
  return keep;
}
