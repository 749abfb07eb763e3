import { Suspense, lazy, type ReactNode } from 'react';
import {
  Badge,
  Skeleton,
  SkeletonItem,
  Text,
  makeStyles,
  mergeClasses,
  tokens,
} from '@fluentui/react-components';
import { cardBox } from '../components/viewStyles';
import type { KpiGauge as Gauge } from '@bearing/core';
import type { TabApi } from '../api/client';
import { ConfidenceBadge } from '../components/ConfidenceBadge';
import { useHighlight, useHighlightStyles } from '../nav/highlight';
import { ProgressMeter } from '../components/ProgressMeter';
import { EmptyState, ErrorState, LoadingState } from '../components/StatusStates';
import { useLoad, useSettled } from '../hooks/useLoad';
import { useLocale, type Locale } from '../i18n/locale';

// The charts are drawn only once the data is here: their code comes with them, not with the tab.
const HistoryChart = lazy(() => import('./charts').then((m) => ({ default: m.HistoryChart })));
const CompletionChart = lazy(() =>
  import('./charts').then((m) => ({ default: m.CompletionChart })),
);
const KpiGauge = lazy(() => import('./charts').then((m) => ({ default: m.KpiGauge })));

// The charts' heights (charts.tsx, gauge.tsx), here so the skeletons match without loading them.
const CHART_HEIGHT = 150;
const GAUGE_HEIGHT = 64;
/** The "Show the values as a table" line under a chart. */
const TABLE_TOGGLE = 16;

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL },
  title: { margin: 0 },
  grid: {
    display: 'grid',
    gap: tokens.spacingVerticalM,
    gridTemplateColumns: 'minmax(0, 1fr)',
    '@media (min-width: 720px)': { gridTemplateColumns: 'repeat(2, minmax(0, 1fr))' },
  },
  card: {
    ...cardBox,
    backgroundColor: tokens.colorNeutralBackground1,
    minWidth: 0,
  },
  cardTitle: { margin: 0, fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold },
  list: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalM,
    listStyleType: 'none',
    margin: 0,
    padding: 0,
  },
  row: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalS },
  muted: { color: tokens.colorNeutralForeground2 },
  name: { overflowWrap: 'anywhere' },
});

export interface DashboardViewProps {
  readonly api: TabApi;
  readonly teamId: string;
  readonly cycleId?: string;
  readonly canEdit?: boolean;
  readonly onSettled?: () => void;
}

const STATUS_COLOR = {
  healthy: 'success',
  warning: 'warning',
  breach: 'danger',
  stale: 'subtle',
  noData: 'subtle',
} as const;

/** KR history charts, weekly check-in completion, KPI gauges and the at-risk list. */
export function DashboardView({ api, teamId, cycleId, onSettled }: DashboardViewProps) {
  const styles = useStyles();
  const locale = useLocale();
  const m = locale.messages.dashboard;
  const { state, reload } = useLoad(`dashboard:${teamId}:${cycleId ?? ''}`, (signal) =>
    api.getDashboard(teamId, cycleId, signal),
  );
  useSettled(state.status, onSettled);
  const data = state.status === 'ready' ? state.data : undefined;
  const nothing =
    data &&
    data.keyResults.length === 0 &&
    data.kpis.length === 0 &&
    data.checkInCompletion.length === 0;
  return (
    <main className={styles.root}>
      <Text as="h1" size={600} weight="semibold" className={styles.title}>
        {m.title}
      </Text>
      {data && <ProgressMeter value={data.progress} label={locale.messages.header.progress} />}
      {state.status === 'loading' && <LoadingState />}
      {state.status === 'error' && <ErrorState error={state.error} onRetry={reload} />}
      {nothing && <EmptyState title={m.empty} />}
      {data && !nothing && (
        <div className={styles.grid}>
          <Card title={m.completion}>
            {data.checkInCompletion.length === 0 ? (
              <Text>{m.completionEmpty}</Text>
            ) : (
              <Suspense fallback={<ChartSkeleton />}>
                <CompletionChart weeks={data.checkInCompletion} />
              </Suspense>
            )}
          </Card>
          <Card title={m.atRisk}>
            {data.atRisk.length === 0 ? (
              <Text>{m.atRiskEmpty}</Text>
            ) : (
              <ul className={styles.list}>
                {data.atRisk.map((kr) => (
                  <li key={kr.id} className={styles.row}>
                    <Text weight="semibold" className={styles.name}>
                      {kr.title}
                    </Text>
                    <ConfidenceBadge confidence={kr.confidence} />
                    <Text size={200} className={styles.muted}>
                      {kr.ownerName
                        ? locale.messages.tree.owner(kr.ownerName)
                        : locale.messages.tree.noOwner}
                    </Text>
                  </li>
                ))}
              </ul>
            )}
          </Card>
          <Card title={m.kpis}>
            {data.kpis.length === 0 ? (
              <Text>{m.kpisEmpty}</Text>
            ) : (
              <ul className={styles.list}>
                {data.kpis.map((g) => (
                  <KpiRow key={g.kpi.id} gauge={g} locale={locale} />
                ))}
              </ul>
            )}
          </Card>
          <Card title={m.krHistory}>
            {data.keyResults.length === 0 ? (
              <Text>{m.krHistoryEmpty}</Text>
            ) : (
              <ul className={styles.list}>
                {data.keyResults.map((h) => (
                  <li key={h.id}>
                    <Text weight="semibold" className={styles.name}>
                      {h.title}
                    </Text>
                    <Suspense fallback={<ChartSkeleton />}>
                      <HistoryChart history={h} />
                    </Suspense>
                  </li>
                ))}
              </ul>
            )}
          </Card>
        </div>
      )}
    </main>
  );
}

function Card({ title, children }: { readonly title: string; readonly children: ReactNode }) {
  const styles = useStyles();
  return (
    <section className={styles.card} aria-label={title}>
      <h2 className={styles.cardTitle}>{title}</h2>
      {children}
    </section>
  );
}

/** Stands in for a chart while its code loads, at the chart's height (the page does not jump). */
function ChartSkeleton({ height = CHART_HEIGHT + TABLE_TOGGLE }: { readonly height?: number }) {
  return (
    <Skeleton aria-hidden>
      <SkeletonItem style={{ height }} />
    </Skeleton>
  );
}

function KpiRow({ gauge, locale }: { readonly gauge: Gauge; readonly locale: Locale }) {
  const styles = useStyles();
  const m = locale.messages.dashboard;
  const { kpi, status } = gauge;
  const n = (v: number) => locale.number(v, kpi.unit);
  const { min, max } = gauge.range;
  const range =
    min !== undefined && max !== undefined
      ? m.range(n(min), n(max))
      : min !== undefined
        ? m.atLeast(n(min))
        : max !== undefined
          ? m.atMost(n(max))
          : '';
  const linked = useHighlight<HTMLLIElement>('kpiId', kpi.id);
  const highlight = useHighlightStyles();
  return (
    <li ref={linked.ref} className={mergeClasses(linked.wanted && highlight.on)} {...linked.props}>
      <div className={styles.row}>
        <Text weight="semibold" className={styles.name}>
          {kpi.name}
        </Text>
        {linked.wanted && (
          <Badge appearance="filled" color="brand">
            {locale.messages.linked}
          </Badge>
        )}
        <Badge appearance="tint" shape="rounded" color={STATUS_COLOR[status]}>
          {locale.messages.kpiStatus[status]}
        </Badge>
        <Text size={200}>{m.trend[kpi.trend]}</Text>
        {kpi.trendingToBreach && (
          <Badge appearance="outline" shape="rounded" color="warning">
            {m.trendingToBreach}
          </Badge>
        )}
      </div>
      <Text size={200} className={styles.muted}>
        {kpi.lastReading
          ? m.lastReading(n(kpi.lastReading.value), locale.date(kpi.lastReading.at))
          : m.noReading}
        {range && ` · ${range}`}
      </Text>
      <Suspense fallback={<ChartSkeleton height={GAUGE_HEIGHT} />}>
        <KpiGauge gauge={gauge} />
      </Suspense>
    </li>
  );
}
