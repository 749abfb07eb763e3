import type { VivaImportReport } from '../api/import-requests';
import { DEFAULT_TEAM_SETTINGS, type Team } from '../team/types';
import type { CycleMapping } from './viva-periods';
import type { PersonMatch, TeamMatch } from './viva-match';
import type { ImportIssue, SkippedRow } from './viva-types';

/** The Bearing teams an import creates: the Viva teams no installed team matched. */
export function newTeams(
  matches: ReadonlyMap<string, TeamMatch>,
  ctx: { readonly tenantId: string; readonly timeZone: string; readonly now: string },
): Team[] {
  const byName = new Map([...matches.values()].map((m) => [m.viva.toLowerCase(), m.teamId]));
  return [...matches.values()]
    .filter((m) => m.match === 'new')
    .map((m) => {
      const parentTeamId = m.parent ? byName.get(m.parent.toLowerCase()) : undefined;
      return {
        tenantId: ctx.tenantId,
        id: m.teamId,
        name: m.viva.slice(0, 200),
        ...(parentTeamId ? { parentTeamId } : {}),
        settings: { ...DEFAULT_TEAM_SETTINGS, timeZone: ctx.timeZone },
        importedFrom: { system: 'vivaGoals' as const, name: m.viva },
        createdAt: ctx.now,
        updatedAt: ctx.now,
      };
    });
}

/** Issues and skipped rows a report lists (the counts count all of them). */
export const REPORT_ROWS = 2_000;

/** The preview: counts, every mapping decision and every problem, nothing written yet. */
export function buildReport(input: {
  readonly counts: Pick<
    VivaImportReport['counts'],
    'objectives' | 'keyResults' | 'kpis' | 'checkIns' | 'comments'
  >;
  readonly cycles: readonly CycleMapping[];
  readonly teamMatches: ReadonlyMap<string, TeamMatch>;
  readonly people: ReadonlyMap<string, PersonMatch>;
  readonly owned: ReadonlyMap<string, readonly { id: string; title: string }[]>;
  readonly decisions: ReadonlyMap<string, { decision: string; count: number }>;
  readonly issues: ImportIssue[];
  readonly skipped: readonly SkippedRow[];
}): VivaImportReport {
  const people = [...input.people.values()].map((p) => {
    const items = input.owned.get(p.key) ?? [];
    return {
      viva: p.viva,
      ...(p.email ? { email: p.email } : {}),
      userId: p.userId,
      match: p.match,
      ...(p.ambiguous ? { ambiguous: true } : {}),
      items: items.slice(0, 20),
      itemCount: items.length,
    };
  });
  for (const p of people)
    if (p.match === 'unmatched' && p.itemCount > 0)
      input.issues.push({
        severity: 'warning',
        code: 'person.unmatched',
        message: `${p.itemCount} item(s) of an unmatched person are imported ownerless and flagged; assign them.`,
      });
  const { issues, skipped } = input;
  return {
    dryRun: true,
    counts: {
      ...input.counts,
      cycles: new Set(input.cycles.map((c) => c.cycleId)).size,
      teams: input.teamMatches.size,
      people: people.length,
      unmatchedPeople: people.filter((p) => p.match === 'unmatched').length,
      skipped: skipped.length,
      warnings: issues.filter((i) => i.severity === 'warning').length,
      errors: issues.filter((i) => i.severity === 'error').length,
      written: 0,
    },
    cycles: [...input.cycles],
    teams: [...input.teamMatches.values()].map((t) => ({
      viva: t.viva,
      teamId: t.teamId,
      match: t.match,
      listed: t.listed,
      ...(t.parent ? { parent: t.parent } : {}),
    })),
    people,
    decisions: [...input.decisions].map(([subject, d]) => ({ subject, ...d })),
    issues: issues.slice(0, REPORT_ROWS),
    skipped: skipped.slice(0, REPORT_ROWS),
    written: { teams: 0, objectives: 0, keyResults: 0, kpis: 0, checkIns: 0, readings: 0 },
    batches: 0,
  };
}
