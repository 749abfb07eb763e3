import type { VivaImportReport } from '@bearing/core';
import { csvOf } from '../common';

/** The columns of the report's CSV: what a row is about, its name, its value and the detail. */
export const REPORT_CSV_HEADER = ['section', 'name', 'value', 'detail'] as const;

const join = (parts: readonly (string | false | undefined)[]) => parts.filter(Boolean).join('; ');

/**
 * A Viva Goals import report as CSV (one row per count, cycle, team, person, decision, issue and
 * skipped row), for the admin to keep or share. Written by the one CSV writer, so a Viva title
 * that starts like a formula never runs in a spreadsheet.
 */
export function reportCsv(r: VivaImportReport): string {
  const rows: (readonly unknown[])[] = [
    ['summary', 'dryRun', r.dryRun, ''],
    ...Object.entries(r.counts).map(([name, n]) => ['count', name, n, '']),
    ...(r.dryRun ? [] : Object.entries(r.written).map(([name, n]) => ['written', name, n, ''])),
    ...r.cycles.map((c) => [
      'cycle',
      c.period,
      c.cycleId,
      join([`${c.items} item(s)`, !c.exact && 'the cycle that contains the period']),
    ]),
    ...r.teams.map((t) => [
      'team',
      t.viva,
      t.teamId,
      join([t.match, t.parent && `parent ${t.parent}`, !t.listed && 'not in the Teams file']),
    ]),
    ...r.people.map((p) => [
      'person',
      p.viva,
      p.userId ?? '',
      join([
        p.match,
        p.email,
        p.ambiguous && 'several members have this name',
        `${p.itemCount} item(s)`,
        ...p.items.map((i) => i.title),
      ]),
    ]),
    ...r.decisions.map((d) => ['decision', d.subject, d.count, d.decision]),
    ...r.issues.map((i) => [i.severity, i.code, i.source ?? '', i.message]),
    ...r.skipped.map((s) => ['skipped', s.code, s.source, s.reason]),
  ];
  return csvOf(REPORT_CSV_HEADER, rows);
}
