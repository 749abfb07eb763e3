import { makeStyles, tokens } from '@fluentui/react-components';
import type { DashboardKeyResult, KpiGauge as Gauge, WeekCompletion } from '@bearing/core';
import { useLocale } from '../i18n/locale';

// Plain SVG in theme colours (currentColor and tokens), so charts follow light, dark and high
// contrast. Each chart is an image with a text alternative listing its values.

const useStyles = makeStyles({
  svg: { display: 'block', width: '100%', height: 'auto', overflow: 'visible' },
  axis: { stroke: tokens.colorNeutralStroke1, strokeWidth: 1 },
  line: { fill: 'none', stroke: tokens.colorBrandForeground1, strokeWidth: 2.5 },
  dot: { fill: tokens.colorBrandForeground1 },
  bar: { fill: tokens.colorBrandBackground },
  track: { fill: tokens.colorNeutralBackground3 },
  label: { fill: tokens.colorNeutralForeground2, fontSize: '11px' },
  band: { fill: tokens.colorPaletteGreenBackground2 },
  needle: { fill: tokens.colorNeutralForeground1 },
});

const W = 320;
const H = 120;
const PAD = 18;

/** Progress (0..1) of one key result, week by week. */
export function HistoryChart({ history }: { readonly history: DashboardKeyResult }) {
  const styles = useStyles();
  const locale = useLocale();
  const pts = history.points;
  const x = (i: number) => PAD + (pts.length <= 1 ? 0 : (i * (W - 2 * PAD)) / (pts.length - 1));
  const y = (p: number) => H - PAD - Math.min(1, Math.max(0, p)) * (H - 2 * PAD);
  const text = pts
    .map((p) => locale.messages.dashboard.weekValue(p.week, locale.number(p.value, history.unit)))
    .join(', ');
  return (
    <svg
      className={styles.svg}
      viewBox={`0 0 ${W} ${H}`}
      role="img"
      aria-label={`${locale.messages.dashboard.chartLabel(history.title)}: ${text}`}
    >
      <line className={styles.axis} x1={PAD} y1={H - PAD} x2={W - PAD} y2={H - PAD} />
      <line className={styles.axis} x1={PAD} y1={PAD} x2={W - PAD} y2={PAD} strokeDasharray="4 4" />
      {pts.length > 1 && (
        <polyline
          className={styles.line}
          points={pts.map((p, i) => `${x(i)},${y(p.progress)}`).join(' ')}
        />
      )}
      {pts.map((p, i) => (
        <circle key={p.week} className={styles.dot} cx={x(i)} cy={y(p.progress)} r={3.5} />
      ))}
      {pts.length > 0 && (
        <text className={styles.label} x={PAD} y={H - 2}>
          {pts[0]?.week}
        </text>
      )}
      {pts.length > 1 && (
        <text className={styles.label} x={W - PAD} y={H - 2} textAnchor="end">
          {pts[pts.length - 1]?.week}
        </text>
      )}
    </svg>
  );
}

/** Share of the team that checked in, one bar per week. */
export function CompletionChart({ weeks }: { readonly weeks: readonly WeekCompletion[] }) {
  const styles = useStyles();
  const locale = useLocale();
  const slot = (W - 2 * PAD) / Math.max(1, weeks.length);
  const share = (w: WeekCompletion) => (w.expected > 0 ? w.done / w.expected : 0);
  const barH = (c: number) => Math.min(1, Math.max(0, c)) * (H - 2 * PAD);
  const text = weeks
    .map((w) => locale.messages.dashboard.weekValue(w.week, locale.percent(share(w))))
    .join(', ');
  return (
    <svg
      className={styles.svg}
      viewBox={`0 0 ${W} ${H}`}
      role="img"
      aria-label={`${locale.messages.dashboard.completion}: ${text}`}
    >
      <line className={styles.axis} x1={PAD} y1={H - PAD} x2={W - PAD} y2={H - PAD} />
      {weeks.map((w, i) => (
        <g key={w.week}>
          <rect
            className={styles.track}
            x={PAD + i * slot + slot * 0.15}
            y={PAD}
            width={slot * 0.7}
            height={H - 2 * PAD}
          />
          <rect
            className={styles.bar}
            x={PAD + i * slot + slot * 0.15}
            y={H - PAD - barH(share(w))}
            width={slot * 0.7}
            height={barH(share(w))}
          />
          {/* Week under every bar that has room (every other one when the cycle is long). */}
          {(slot >= 24 || i % 2 === (weeks.length - 1) % 2) && (
            <text
              className={styles.label}
              x={PAD + i * slot + slot / 2}
              y={H - 4}
              textAnchor="middle"
              aria-hidden
            >
              {w.week.slice(5)}
            </text>
          )}
        </g>
      ))}
    </svg>
  );
}

/**
 * A KPI on a horizontal gauge: the target range as a band, the last reading as a marker. The
 * scale spans the range and the reading with some margin either side.
 */
export function KpiGauge({ gauge }: { readonly gauge: Gauge }) {
  const styles = useStyles();
  const locale = useLocale();
  const { kpi, range } = gauge;
  const last = kpi.lastReading ?? gauge.readings[gauge.readings.length - 1];
  const values = [range.min, range.max, last?.value].filter((v): v is number => v !== undefined);
  const lo = Math.min(...values);
  const hi = Math.max(...values);
  const margin = (hi - lo || Math.abs(hi) || 1) * 0.25;
  const min = lo - margin;
  const max = hi + margin;
  const x = (v: number) => PAD + ((v - min) / (max - min)) * (W - 2 * PAD);
  const bandFrom = x(range.min ?? min);
  const bandTo = x(range.max ?? max);
  return (
    <svg className={styles.svg} viewBox={`0 0 ${W} 40`} aria-hidden focusable="false">
      <rect className={styles.track} x={PAD} y={14} width={W - 2 * PAD} height={12} rx={6} />
      <rect
        className={styles.band}
        x={bandFrom}
        y={14}
        width={Math.max(2, bandTo - bandFrom)}
        height={12}
      />
      {last && (
        <rect className={styles.needle} x={x(last.value) - 2} y={6} width={4} height={28} rx={2}>
          <title>{locale.number(last.value, kpi.unit)}</title>
        </rect>
      )}
    </svg>
  );
}
