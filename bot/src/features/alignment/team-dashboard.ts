import {
  cycleScope,
  addWeeks,
  evaluateKpi,
  historyOf,
  isoWeek,
  ok,
  teamProgress,
  type CheckIn,
  type KeyResultWithObjective,
  type Kpi,
  type Result,
  type TeamDashboardResponse,
  type UpdateFrequency,
  type WeekCompletion,
} from '@bearing/core';
import { liveKeyResultViews } from '../key-results';
import { kpiView } from '../kpis';
import {
  type KpiStore,
  type OrganizationStore,
  type TeamSnapshot,
  type TeamStore,
  type Versioned,
  cycleRef,
  teamNotFound,
  type Caller,
} from '../common';
import { teamWeekFor } from './team-week';

export interface DashboardStores {
  readonly teams: TeamStore;
  readonly organizations: OrganizationStore;
  readonly kpis: KpiStore;
}

/** ISO weeks from the cycle's first week to `until` (at most 54: a fiscal year), oldest first. */
export function cycleWeeks(start: string, end: string, until: string): string[] {
  const first = isoWeek(`${start}T12:00:00Z`, 'UTC');
  const last = isoWeek(
    `${new Date(Date.parse(`${end}T12:00:00Z`) - 86_400_000).toISOString()}`,
    'UTC',
  );
  const stop = until < last ? until : last;
  const weeks: string[] = [];
  for (let w = first; w <= stop && weeks.length < 54; w = addWeeks(w, 1)) weeks.push(w);
  return weeks;
}

/** Kept for callers of the old path: the rules live in core, the view in key-results. */
export { historyOf } from '@bearing/core';
export { liveKeyResultViews as liveKeyResults } from '../key-results';

const RISK = { offTrack: 0, atRisk: 1, onTrack: 2 } as const;
/** Key results at risk or off track, off track first. */
export const atRiskOf = (krs: readonly KeyResultWithObjective[]) =>
  krs
    .filter((k) => k.confidence !== 'onTrack')
    .sort((a, b) => RISK[a.confidence] - RISK[b.confidence]);

/** How many active members were expected, and how many checked in, in a week. */
export function completionOf(
  snapshot: TeamSnapshot,
  checkIns: readonly Versioned<CheckIn>[],
  week: string,
): WeekCompletion {
  const active = new Set(snapshot.members.filter((m) => m.active).map((m) => m.userId));
  const done = new Set(
    checkIns
      .filter((c) => c.value.week === week && active.has(c.value.userId))
      .map((c) => c.value.userId),
  );
  return { week, expected: active.size, done: done.size };
}

const WINDOW_DAYS: Record<UpdateFrequency, number> = {
  hourly: 3,
  daily: 45,
  weekly: 26 * 7,
  monthly: 730,
  quarterly: 1460,
};
const GAUGE_READINGS = 30;

/** Recent readings of a KPI for its trend line: one single-partition query in its own partition. */
async function recentReadings(kpis: KpiStore, kpi: Kpi, now: Date) {
  const since = new Date(now.getTime() - WINDOW_DAYS[kpi.updateFrequency] * 86_400_000);
  const readings = await kpis.listReadings(kpi.tenantId, kpi.id, since.toISOString(), 500);
  return readings.slice(-GAUGE_READINGS).map((r) => ({ value: r.value, at: r.at }));
}

/**
 * The team dashboard: progress history of every key result from the cycle's check-ins, weekly
 * check-in completion, KPI gauges with recent readings, and what is at risk. One single-partition
 * query for the team's cycle, plus one per active KPI for its readings.
 */
export async function getTeamDashboard(
  stores: DashboardStores,
  caller: Caller,
  teamId: string,
  now: Date,
  cycleId?: string,
): Promise<Result<TeamDashboardResponse>> {
  const start = await teamWeekFor(stores, caller, teamId, now, cycleId);
  if (!start.ok) return start;
  const { cycle, team, week } = start.value;
  const weeks = cycleWeeks(cycle.start, cycle.end, week);
  const snapshot = await stores.teams.loadTeamSnapshot(
    caller.tenantId,
    teamId,
    cycleScope(cycle),
    weeks,
  );
  if (!snapshot) return teamNotFound;
  const krs = liveKeyResultViews(snapshot);
  const history = historyOf(
    snapshot.keyResults.map((k) => k.value),
    snapshot.checkIns.map((c) => c.value),
  );
  const kpis = snapshot.kpis.filter((k) => k.value.status === 'active');
  const gauges = await Promise.all(
    kpis.map(async ({ value: k, etag }) => {
      const readings = await recentReadings(stores.kpis, k, now);
      const series = readings.length ? readings : k.lastReading ? [k.lastReading] : [];
      const evaluation = evaluateKpi(k, series, now.toISOString());
      const v = kpiView(k, etag, now);
      return {
        kpi: {
          ...v,
          status: evaluation.status,
          trend: evaluation.trend,
          trendingToBreach: evaluation.trendingToBreach,
        },
        range: { ...k.target },
        warningMargin: k.warningMargin,
        readings,
        status: evaluation.status,
      };
    }),
  );
  return ok({
    team: { id: team.value.id, name: team.value.name },
    cycle: cycleRef(cycle),
    week,
    progress: teamProgress(
      snapshot.objectives.map((o) => o.value).filter((o) => o.status !== 'archived'),
      snapshot.keyResults.map((k) => k.value).filter((k) => k.status === 'active'),
    ),
    keyResults: krs.map((k) => ({ ...k, points: history.get(k.id) ?? [] })),
    checkInCompletion: weeks.map((w) => completionOf(snapshot, snapshot.checkIns, w)),
    kpis: gauges,
    atRisk: atRiskOf(krs),
  });
}
