import { useId } from 'react';
import type { KpiGauge as Gauge } from '@bearing/core';
import { useLocale } from '../i18n/locale';
import { NoData, useChartStyles, useWidth } from './chart-parts';

/** The gauge's height in px (fixed, like the charts'). */
export const GAUGE_HEIGHT = 64;

const PAD = 16;
const BAR_Y = 22;
const BAR_H = 14;

/**
 * A KPI on a horizontal scale: the healthy part of its target range solid, the warning part (within
 * the warning margin of a bound) striped, outside the range the bare track; the last reading as a
 * marker with its value, the bounds as axis values. Stripes, outlines and labels keep it readable
 * in Teams high contrast, where every fill is black or white. The same facts are in the text next to
 * it, so the drawing is hidden from screen readers.
 */
export function KpiGauge({ gauge }: { readonly gauge: Gauge }) {
  const styles = useChartStyles();
  const locale = useLocale();
  const pattern = `warn-${useId().replace(/:/g, '')}`;
  const { ref, width } = useWidth<HTMLDivElement>();
  const { kpi, range, warningMargin } = gauge;
  const last = kpi.lastReading ?? gauge.readings[gauge.readings.length - 1];
  const { min: lower, max: upper } = range;
  if (!last && lower === undefined && upper === undefined) return <NoData height={GAUGE_HEIGHT} />;
  const wm = Math.max(0, warningMargin);
  const values = [lower, upper, last?.value, lower !== undefined ? lower + wm : undefined]
    .concat(upper !== undefined ? [upper - wm] : [])
    .filter((v): v is number => v !== undefined);
  const lo = Math.min(...values);
  const hi = Math.max(...values);
  const margin = (hi - lo || Math.abs(hi) || 1) * 0.5;
  const scaleMin = lo - margin;
  const scaleMax = hi + margin;
  const trackW = Math.max(40, width - 2 * PAD);
  const x = (v: number) => PAD + ((v - scaleMin) / (scaleMax - scaleMin)) * trackW;
  const from = lower ?? scaleMin;
  const to = upper ?? scaleMax;
  // Warning zones lie inside each bounded edge of the range.
  const warn: [number, number][] = [];
  if (lower !== undefined && wm > 0) warn.push([lower, Math.min(to, lower + wm)]);
  if (upper !== undefined && wm > 0) warn.push([Math.max(from, upper - wm), upper]);
  const healthyFrom = lower !== undefined ? Math.min(to, lower + wm) : from;
  const healthyTo = upper !== undefined ? Math.max(healthyFrom, upper - wm) : to;
  const n = (v: number) => locale.number(v, kpi.unit);
  return (
    <div ref={ref} aria-hidden>
      <svg className={styles.svg} width={width} height={GAUGE_HEIGHT} focusable="false">
        <defs>
          <pattern
            id={pattern}
            width={6}
            height={6}
            patternUnits="userSpaceOnUse"
            patternTransform="rotate(45)"
          >
            <line className={styles.warningStripe} x1={0} y1={0} x2={0} y2={6} />
          </pattern>
        </defs>
        <rect className={styles.track} x={PAD} y={BAR_Y} width={trackW} height={BAR_H} rx={3} />
        {healthyTo > healthyFrom && (
          <rect
            className={styles.healthy}
            x={x(healthyFrom)}
            y={BAR_Y}
            width={x(healthyTo) - x(healthyFrom)}
            height={BAR_H}
          />
        )}
        {warn.map(([a, b]) => (
          <g key={a}>
            <rect
              fill={`url(#${pattern})`}
              x={x(a)}
              y={BAR_Y}
              width={Math.max(2, x(b) - x(a))}
              height={BAR_H}
            />
            <rect
              className={styles.warningEdge}
              x={x(a)}
              y={BAR_Y}
              width={Math.max(2, x(b) - x(a))}
              height={BAR_H}
            />
          </g>
        ))}
        {[lower, upper].map(
          (bound, i) =>
            bound !== undefined && (
              <g key={i}>
                <line
                  className={styles.axis}
                  x1={x(bound)}
                  x2={x(bound)}
                  y1={BAR_Y + BAR_H}
                  y2={BAR_Y + BAR_H + 5}
                />
                <text
                  className={styles.label}
                  x={x(bound)}
                  y={GAUGE_HEIGHT - 6}
                  textAnchor="middle"
                >
                  {n(bound)}
                </text>
              </g>
            ),
        )}
        {last && (
          <g>
            <rect
              className={styles.needle}
              x={x(last.value) - 3}
              y={BAR_Y - 6}
              width={6}
              height={BAR_H + 12}
              rx={2}
            />
            <text
              className={styles.value}
              x={Math.min(PAD + trackW, Math.max(PAD, x(last.value)))}
              y={BAR_Y - 9}
              textAnchor={
                x(last.value) < PAD + 30
                  ? 'start'
                  : x(last.value) > PAD + trackW - 30
                    ? 'end'
                    : 'middle'
              }
            >
              {n(last.value)}
            </text>
          </g>
        )}
      </svg>
    </div>
  );
}
