import type { DashboardKeyResult, WeekCompletion } from '@bearing/core';
import { useLocale } from '../i18n/locale';
import { NoData, ValuesTable, thin, useChartStyles, useWidth } from './chart-parts';

export { KpiGauge } from './gauge';

/** Chart heights in px: fixed, so the page does not jump as charts load (and skeletons match). */
export const HISTORY_HEIGHT = 150;
export const COMPLETION_HEIGHT = 150;

// Room for the axis labels: values on the left (as wide as the longest), weeks below.
const labelRoom = (labels: readonly string[]) =>
  Math.max(32, 10 + 7 * Math.max(...labels.map((l) => l.length)));
const RIGHT = 12;
const TOP = 16;
const BOTTOM = 24;

/** Progress of one key result week by week, on a scale from its baseline to its target. */
export function HistoryChart({ history }: { readonly history: DashboardKeyResult }) {
  const styles = useChartStyles();
  const locale = useLocale();
  const m = locale.messages.dashboard;
  const { ref, width } = useWidth<HTMLDivElement>();
  const pts = history.points;
  const value = (v: number) => locale.number(v, history.unit);
  const text = pts.map((p) => m.weekValue(p.week, value(p.value))).join(', ');
  if (pts.length === 0) return <NoData height={HISTORY_HEIGHT} />;
  // The progress scale in the key result's own values: baseline at 0 %, target at 100 %.
  const ticks = [
    { at: 0, label: value(history.baseline) },
    { at: 0.5, label: value((history.baseline + history.target) / 2) },
    { at: 1, label: value(history.target) },
  ];
  const left = labelRoom(ticks.map((t) => t.label));
  const plotW = Math.max(40, width - left - RIGHT);
  const plotH = HISTORY_HEIGHT - TOP - BOTTOM;
  const x = (i: number) => left + (pts.length <= 1 ? plotW / 2 : (i * plotW) / (pts.length - 1));
  const y = (p: number) => TOP + (1 - Math.min(1, Math.max(0, p))) * plotH;
  const weeks = thin(pts, plotW, 56);
  return (
    <div ref={ref} className={styles.frame}>
      <svg
        className={styles.svg}
        width={width}
        height={HISTORY_HEIGHT}
        role="img"
        aria-label={`${m.chartLabel(history.title)}: ${text}`}
      >
        {ticks.map((t) => (
          <g key={t.at}>
            <line className={styles.grid} x1={left} x2={left + plotW} y1={y(t.at)} y2={y(t.at)} />
            <text className={styles.label} x={left - 6} y={y(t.at) + 4} textAnchor="end">
              {t.label}
            </text>
          </g>
        ))}
        <line className={styles.axis} x1={left} x2={left + plotW} y1={y(0)} y2={y(0)} />
        {pts.length > 1 && (
          <polyline
            className={styles.line}
            points={pts.map((p, i) => `${x(i)},${y(p.progress)}`).join(' ')}
          />
        )}
        {pts.map((p, i) => (
          <circle key={p.week} className={styles.dot} cx={x(i)} cy={y(p.progress)} r={4} />
        ))}
        {pts.map(
          (p, i) =>
            weeks.has(i) && (
              <text
                key={p.week}
                className={styles.label}
                x={x(i)}
                y={HISTORY_HEIGHT - 6}
                textAnchor={
                  pts.length > 1 && i === 0
                    ? 'start'
                    : i === pts.length - 1 && pts.length > 1
                      ? 'end'
                      : 'middle'
                }
              >
                {p.week.slice(5)}
              </text>
            ),
        )}
      </svg>
      <ValuesTable
        caption={m.chartLabel(history.title)}
        head={[m.week, m.value, m.progress]}
        rows={pts.map((p) => [p.week, value(p.value), locale.percent(p.progress)])}
      />
    </div>
  );
}

/** Share of the team that checked in, one labelled bar per week. */
export function CompletionChart({ weeks }: { readonly weeks: readonly WeekCompletion[] }) {
  const styles = useChartStyles();
  const locale = useLocale();
  const m = locale.messages.dashboard;
  const { ref, width } = useWidth<HTMLDivElement>();
  if (weeks.length === 0) return <NoData height={COMPLETION_HEIGHT} />;
  const share = (w: WeekCompletion) => (w.expected > 0 ? Math.min(1, w.done / w.expected) : 0);
  const text = weeks.map((w) => m.weekValue(w.week, locale.percent(share(w)))).join(', ');
  const left = labelRoom([locale.percent(1)]);
  const plotW = Math.max(40, width - left - RIGHT);
  const plotH = COMPLETION_HEIGHT - TOP - BOTTOM;
  const slot = plotW / weeks.length;
  const y = (c: number) => TOP + (1 - c) * plotH;
  const labelled = thin(weeks, plotW, 40);
  return (
    <div ref={ref} className={styles.frame}>
      <svg
        className={styles.svg}
        width={width}
        height={COMPLETION_HEIGHT}
        role="img"
        aria-label={`${m.completion}: ${text}`}
      >
        {[0, 0.5, 1].map((t) => (
          <g key={t}>
            <line className={styles.grid} x1={left} x2={left + plotW} y1={y(t)} y2={y(t)} />
            <text className={styles.label} x={left - 6} y={y(t) + 4} textAnchor="end">
              {locale.percent(t)}
            </text>
          </g>
        ))}
        {weeks.map((w, i) => {
          const barX = left + i * slot + slot * 0.15;
          const barW = slot * 0.7;
          return (
            <g key={w.week}>
              <rect
                className={styles.bar}
                x={barX}
                y={y(share(w))}
                width={barW}
                height={plotH * share(w)}
              />
              {labelled.has(i) && (
                <>
                  <text
                    className={styles.value}
                    x={barX + barW / 2}
                    y={y(share(w)) - 4}
                    textAnchor="middle"
                  >
                    {locale.percent(share(w))}
                  </text>
                  <text
                    className={styles.label}
                    x={barX + barW / 2}
                    y={COMPLETION_HEIGHT - 6}
                    textAnchor="middle"
                  >
                    {w.week.slice(5)}
                  </text>
                </>
              )}
            </g>
          );
        })}
        <line className={styles.axis} x1={left} x2={left + plotW} y1={y(0)} y2={y(0)} />
      </svg>
      <ValuesTable
        caption={m.completion}
        head={[m.week, m.checkedIn, m.share]}
        rows={weeks.map((w) => [w.week, `${w.done} / ${w.expected}`, locale.percent(share(w))])}
      />
    </div>
  );
}
