import {
  OKR_CSV_COLUMNS,
  cycleKindOf,
  cycleScope,
  inCycleScope,
  ok,
  type ExportedObjective,
  type Result,
  type TeamExportJson,
  type TeamExportQuery,
} from '@bearing/core';
import {
  type KpiStore,
  type OrganizationStore,
  type TeamStore,
  csvOf,
  cycleOf,
  roleIn,
  teamNotFound,
  type Caller,
} from '../common';
import { myCheckInOf } from '../me';
import { cycleWeeks } from '../alignment';

/** Readings exported per KPI at most (one single-partition query each). */
const MAX_READINGS = 10_000;

/** An export ready to send: JSON, or CSV text with a file name. */
export type TeamExport =
  | { readonly format: 'json'; readonly body: TeamExportJson }
  | { readonly format: 'csv'; readonly body: string; readonly fileName: string };

function okrRows(objectives: readonly ExportedObjective[]): unknown[][] {
  return objectives.flatMap((o) => {
    const extra = [o.id, o.status];
    const cycles = [o.cycleId, o.cycleKind];
    if (o.keyResults.length === 0)
      return [[o.title, '', '', '', '', '', '', o.ownerId, ...extra, '', '', '', '', ...cycles]];
    return o.keyResults.map((k) => [
      o.title,
      k.title,
      k.type,
      k.unit,
      k.baseline,
      k.target,
      k.direction,
      k.ownerId,
      ...extra,
      k.id,
      k.current,
      k.confidence,
      k.score,
      ...cycles,
      k.cycleId,
      k.cycleKind,
    ]);
  });
}

/**
 * A team's OKRs, check-ins or KPI readings of a cycle as JSON or CSV; any member may export. OKRs and
 * check-ins come from one single-partition query; readings from one query per KPI partition.
 * The OKR CSV starts with the import columns, so an export can be edited and imported again.
 */
export async function exportTeam(
  stores: {
    readonly teams: TeamStore;
    readonly organizations: OrganizationStore;
    readonly kpis: KpiStore;
  },
  caller: Caller,
  teamId: string,
  query: TeamExportQuery,
  now: Date,
): Promise<Result<TeamExport>> {
  const role = await roleIn(stores.teams, caller, teamId, false);
  if (!role.ok) return role;
  const { cycle } = await cycleOf(stores.organizations, caller.tenantId, now, query.cycleId);
  const weeks = query.what === 'checkins' ? cycleWeeks(cycle.start, cycle.end, '9999-W99') : [];
  // The cycle's view (core's cycleScope): a quarter with its year's annual items, or a whole year.
  const snapshot = await stores.teams.loadTeamSnapshot(
    caller.tenantId,
    teamId,
    cycleScope(cycle),
    weeks,
  );
  if (!snapshot) return teamNotFound;
  const team = snapshot.team.value;
  const kindOf = (id: string) => cycleKindOf(id) ?? 'quarter';
  const base = {
    team: { id: team.id, name: team.name },
    cycleId: cycle.id,
    cycleKind: cycle.kind,
    what: query.what,
    exportedAt: now.toISOString(),
  };
  const fileName = `${team.name.replace(/[^A-Za-z0-9]+/g, '-')}-${cycle.id}-${query.what}.csv`;
  const csv = (header: readonly string[], rows: unknown[][]) =>
    ok<TeamExport>({ format: 'csv', body: csvOf(header, rows), fileName });

  if (query.what === 'okrs') {
    const objectives: ExportedObjective[] = snapshot.objectives.map(({ value: o }) => ({
      id: o.id,
      cycleId: o.cycleId,
      cycleKind: kindOf(o.cycleId),
      title: o.title,
      ...(o.description ? { description: o.description } : {}),
      level: o.level,
      status: o.status,
      ownerId: o.ownerId,
      parentIds: [...o.parentIds],
      kpiIds: [...(o.kpiIds ?? [])],
      ...(o.score !== undefined ? { score: o.score } : {}),
      keyResults: snapshot.keyResults
        .map((k) => k.value)
        .filter((k) => k.objectiveId === o.id)
        .map((k) => ({
          id: k.id,
          cycleId: k.cycleId,
          cycleKind: kindOf(k.cycleId),
          title: k.title,
          type: k.type,
          ...(k.unit ? { unit: k.unit } : {}),
          baseline: k.baseline,
          target: k.target,
          current: k.current,
          direction: k.direction,
          ...(k.milestones ? { milestones: [...k.milestones] } : {}),
          ownerId: k.ownerId,
          confidence: k.confidence,
          status: k.status,
          ...(k.score !== undefined ? { score: k.score } : {}),
        })),
    }));
    if (query.format === 'json') return ok({ format: 'json', body: { ...base, objectives } });
    return csv(
      [
        ...OKR_CSV_COLUMNS,
        'objectiveId',
        'objectiveStatus',
        'keyResultId',
        'current',
        'confidence',
        'score',
        'objectiveCycleId',
        'objectiveCycleKind',
        'keyResultCycleId',
        'keyResultCycleKind',
      ],
      okrRows(objectives),
    );
  }

  if (query.what === 'checkins') {
    const checkIns = snapshot.checkIns
      .map((c) => c.value)
      .filter((c) => inCycleScope(cycle, c.cycleId))
      .sort((a, b) => a.week.localeCompare(b.week) || a.userId.localeCompare(b.userId))
      .map((c) => ({ ...myCheckInOf(c), userId: c.userId }));
    if (query.format === 'json') return ok({ format: 'json', body: { ...base, checkIns } });
    return csv(
      [
        'week',
        'userId',
        'submittedAt',
        'keyResultId',
        'previousValue',
        'value',
        'confidence',
        'whatChanged',
        'blockers',
        'decisionNeeded',
      ],
      checkIns.flatMap((c) => {
        const notes = [c.whatChanged, c.blockers, c.decisionNeeded];
        const updates = c.updates.length ? c.updates : [undefined];
        return updates.map((u) => [
          c.week,
          c.userId,
          c.submittedAt,
          u?.keyResultId,
          u?.previousValue,
          u?.value,
          u?.confidence,
          ...notes,
        ]);
      }),
    );
  }

  const readings = (
    await Promise.all(
      snapshot.kpis.map(async ({ value: k }) =>
        (
          await stores.kpis.listReadings(
            caller.tenantId,
            k.id,
            `${cycle.start}T00:00:00Z`,
            MAX_READINGS,
          )
        )
          .filter((r) => r.at < `${cycle.end}T00:00:00Z`)
          .map((r) => ({ kpiId: k.id, kpiName: k.name, id: r.id, value: r.value, at: r.at })),
      ),
    )
  ).flat();
  if (query.format === 'json') return ok({ format: 'json', body: { ...base, readings } });
  return csv(
    ['kpiId', 'kpiName', 'at', 'value', 'id'],
    readings.map((r) => [r.kpiId, r.kpiName, r.at, r.value, r.id]),
  );
}
