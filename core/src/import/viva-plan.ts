import type { CheckIn } from '../checkin/types';
import type { Kpi, KpiReading } from '../kpi/types';
import type { KeyResult, Objective } from '../okr/types';
import type { Team } from '../team/types';
import type { VivaImportReport } from '../api/import-requests';
import { planHistory } from './viva-history';
import { periodResolver } from './viva-periods';
import { itemTree, originOf } from './viva-tree';
import { buildReport, newTeams } from './viva-report';
import { matchPeople, matchTeams, personKey } from './viva-match';
import type { KnownPerson, KnownTeam, LinkedTeam } from './viva-match';
import { guardrailKpi, importedKeyResult, mapOutcome } from './viva-outcome';
import { clip, looksLikeFormula, normalName } from './values';
import type { ImportIssue, SkippedRow, VivaExport, VivaItem } from './viva-types';

/** Owner of imported items whose Viva owner matched nobody: ownerless and flagged, not a person. */
export const UNASSIGNED_OWNER = 'unassigned';

export interface PlanContext {
  readonly tenantId: string;
  readonly fiscalStartMonth: number;
  /** Zone of the ISO weeks check-ins fall in (the organisation's default). */
  readonly timeZone: string;
  readonly now: string;
  readonly knownTeams: readonly KnownTeam[];
  /** Teams earlier imports created and that were linked since to their Teams teams. */
  readonly linkedTeams?: readonly LinkedTeam[];
  readonly roster: readonly KnownPerson[];
  readonly people?: readonly { readonly viva: string; readonly userId: string | null }[];
  readonly teams?: readonly { readonly viva: string; readonly teamId: string | null }[];
  readonly guardrails?: 'keyResult' | 'kpi';
}

/** Everything an import would write, and the report that explains it. */
export interface ImportPlan {
  readonly teams: readonly Team[];
  readonly objectives: readonly Objective[];
  readonly keyResults: readonly KeyResult[];
  readonly kpis: readonly Kpi[];
  readonly readings: readonly KpiReading[];
  readonly checkIns: readonly CheckIn[];
  readonly report: VivaImportReport;
}

export const objectiveIdOf = (vivaId: string) => `viva-o-${vivaId}`;
export const keyResultIdOf = (vivaId: string) => `viva-k-${vivaId}`;

/** Builds what an import of `data` writes, deterministically (same input, same documents and ids). */
export function planImport(data: VivaExport, ctx: PlanContext): ImportPlan {
  const issues: ImportIssue[] = [...data.issues];
  const skipped: SkippedRow[] = [...data.skipped];
  const decisions = new Map<string, { decision: string; count: number }>();
  const decide = (subject: string, decision: string) => {
    const d = decisions.get(subject);
    decisions.set(subject, { decision, count: (d?.count ?? 0) + 1 });
  };
  const warn = (code: string, message: string, source?: string) =>
    issues.push({ severity: 'warning', code, message, ...(source ? { source } : {}) });

  // Teams.
  const teamMatches = matchTeams(data, ctx.knownTeams, ctx.teams, ctx.linkedTeams);
  const knownIds = new Set(ctx.knownTeams.map((t) => t.id));
  for (const o of ctx.teams ?? [])
    if (o.teamId !== null && !knownIds.has(o.teamId))
      warn(
        'team.overrideUnknown',
        `Team "${o.viva}" was set to ${o.teamId}, which is not a team Bearing is installed in; it becomes a new team.`,
      );
  const teamOf = (name: string) => teamMatches.get(normalName(name))?.teamId;
  for (const m of teamMatches.values()) {
    if (!m.listed)
      warn('team.notListed', `Team "${m.viva}" is named by items but not in the Teams file.`);
    if (m.linked) decide('Team linked earlier', 'its items go to the Teams team it was linked to');
  }
  const teams = newTeams(teamMatches, ctx);

  // People.
  const everyone = [
    ...data.users,
    ...data.items.flatMap((i) => i.owners),
    ...data.checkIns.flatMap((c) => (c.owner ? [c.owner] : [])),
  ];
  const people = matchPeople(everyone, ctx.roster, ctx.people);
  const owned = new Map<string, { id: string; title: string }[]>();
  const ownerOf = (item: VivaItem, id: string, title: string) => {
    const first = item.owners[0];
    if (item.owners.length > 1)
      decide('Several owners', 'the first owner is kept (one owner per item in Bearing)');
    if (!first) {
      warn(
        'owner.none',
        `"${clip(title, 60)}" has no owner; it is imported ownerless and flagged.`,
        item.source,
      );
      return { ownerId: UNASSIGNED_OWNER, unmatched: '(no owner)' };
    }
    const key = personKey(first);
    owned.set(key, [...(owned.get(key) ?? []), { id, title }]);
    const userId = people.get(key)?.userId;
    return userId ? { ownerId: userId } : { ownerId: UNASSIGNED_OWNER, unmatched: first.name };
  };

  // Periods → cycles.
  const { cycleOf, report: cycleReport } = periodResolver(data, ctx.fiscalStartMonth, warn);

  // Items by id and by title (Explorer rows without ids name their parents by title).
  const tree = itemTree(data, teamOf, warn, decide);
  const { byId, byTitle, parentsOf, objectiveAbove, teamIdOf } = tree;
  for (const i of data.items)
    for (const field of [i.title, i.description ?? ''])
      if (looksLikeFormula(field))
        warn(
          'cell.formula',
          'A cell starts like a spreadsheet formula; it is imported as plain text and never run.',
          i.source,
        );

  const objectives = new Map<string, Objective>();
  const makeObjective = (item: VivaItem, id: string, cycleId: string, parents: VivaItem[]) => {
    const teamId = teamIdOf(item);
    const title = clip(item.title, 200);
    const { ownerId, unmatched } = ownerOf(item, id, title);
    const parentIds = parents
      .filter((p) => p.kind === 'objective')
      .map((p) => objectiveIdOf(p.vivaId));
    const weights = Object.fromEntries(
      item.parents
        .filter((p) => p.weight !== undefined)
        .map((p) => [
          objectiveIdOf(p.id ?? byTitle.get(normalName(p.title ?? ''))?.[0]?.vivaId ?? ''),
          p.weight!,
        ]),
    );
    const createdAt = item.createdAt ?? ctx.now;
    objectives.set(id, {
      tenantId: ctx.tenantId,
      id,
      teamId,
      cycleId,
      level: teamId ? 'team' : 'company',
      title,
      ...(item.description ? { description: clip(item.description, 2000) } : {}),
      ownerId,
      parentIds,
      status: 'active',
      origin: { ...originOf(item, unmatched), ...(Object.keys(weights).length ? { weights } : {}) },
      createdAt,
      updatedAt: createdAt,
    });
    decide(
      teamId ? 'Big rock with a team' : 'Big rock without a team',
      teamId ? 'team objective' : 'company objective',
    );
  };

  for (const item of data.items) {
    if (!item.kind) {
      skipped.push({
        source: item.source,
        code: 'item.unknownType',
        reason: `The type "${item.typeLabel}" is not known: say what it means (labels) and preview again.`,
      });
      continue;
    }
    if (item.kind !== 'objective') continue;
    const cycleId = cycleOf(item);
    if (!cycleId) {
      skipped.push({
        source: item.source,
        code: 'item.noPeriod',
        reason: 'The item has no time period with dates.',
      });
      continue;
    }
    const parents = parentsOf(item);
    if (parents.some((p) => p.kind !== 'objective'))
      decide('Objective aligned to a key result', 'aligned to that key result’s objective');
    const aligned = parents.map((p) => (p.kind === 'objective' ? p : (objectiveAbove(p) ?? p)));
    makeObjective(item, objectiveIdOf(item.vivaId), cycleId, aligned);
  }

  const keyResults = new Map<string, KeyResult>();
  const kpis = new Map<string, Kpi>();
  for (const item of data.items) {
    if (item.kind !== 'keyResult' && item.kind !== 'initiative') continue;
    const cycleId = cycleOf(item);
    const parent = objectiveAbove(item);
    let objective = parent ? objectives.get(objectiveIdOf(parent.vivaId)) : undefined;
    if (!objective && item.kind === 'initiative') {
      skipped.push({
        source: item.source,
        code: 'initiative.noParent',
        reason: 'A project aligned to no imported objective or key result.',
      });
      continue;
    }
    if (!cycleId && !objective) {
      skipped.push({
        source: item.source,
        code: 'item.noPeriod',
        reason: 'The item has no time period with dates.',
      });
      continue;
    }
    if (!objective) {
      const ownId = `${objectiveIdOf(item.vivaId)}-own`;
      makeObjective(item, ownId, cycleId!, []);
      objective = objectives.get(ownId)!;
      warn(
        'keyResult.noObjective',
        `Key result "${clip(item.title, 60)}" has no objective above it; an objective of the same title holds it.`,
        item.source,
      );
    }
    const id = keyResultIdOf(item.vivaId);
    const title = clip(item.title, 200);
    const { ownerId, unmatched } = ownerOf(item, id, title);
    const createdAt = item.createdAt ?? ctx.now;
    const common = { tenantId: ctx.tenantId, createdAt, updatedAt: createdAt };
    const base = {
      ...common,
      id,
      teamId: objective.teamId,
      objectiveId: objective.id,
      cycleId: cycleId ?? objective.cycleId,
      title,
      ownerId,
      origin: originOf(item, unmatched),
    };
    if (item.kind === 'initiative') {
      decide('Project', 'milestone key result (one milestone: done or not) on its objective');
      keyResults.set(id, importedKeyResult(item, 'milestone', base));
      continue;
    }
    const outcome = mapOutcome(item);
    decide(`Outcome: ${outcome.decision.split(' →')[0]}`, outcome.decision);
    if (outcome.guardrail && ctx.guardrails === 'kpi' && objective.teamId) {
      const kpi = guardrailKpi(
        item,
        outcome,
        { ...common, teamId: objective.teamId, ownerId },
        objective.id,
      );
      kpis.set(kpi.id, kpi);
      continue;
    }
    if (outcome.guardrail && ctx.guardrails === 'kpi')
      warn(
        'guardrail.companyLevel',
        `"${clip(title, 60)}" stays a key result: KPIs belong to a team and its objective has none.`,
        item.source,
      );
    keyResults.set(id, importedKeyResult(item, outcome, base));
  }

  // Alignment only to objectives this import holds (a parent skipped for want of a period is not).
  for (const [id, o] of objectives)
    if (o.parentIds.some((p) => !objectives.has(p)))
      objectives.set(id, { ...o, parentIds: o.parentIds.filter((p) => objectives.has(p)) });

  const history = planHistory(data, {
    tenantId: ctx.tenantId,
    timeZone: ctx.timeZone,
    fiscalStartMonth: ctx.fiscalStartMonth,
    objectives,
    keyResults,
    kpis,
    people,
    byId,
    warn,
    decide,
    skipped,
  });

  const report = buildReport({
    counts: {
      objectives: objectives.size,
      keyResults: keyResults.size,
      kpis: kpis.size,
      checkIns: history.checkInCount,
      comments: history.commentCount,
    },
    cycles: cycleReport(),
    teamMatches,
    people,
    owned,
    decisions,
    issues,
    skipped,
  });
  return {
    teams,
    objectives: history.objectives,
    keyResults: history.keyResults,
    kpis: history.kpis,
    readings: history.readings,
    checkIns: history.checkIns,
    report,
  };
}
