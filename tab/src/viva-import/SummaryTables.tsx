import type { VivaImportReport } from '@bearing/core';
import { useLocale } from '../i18n/locale';
import { vivaImportMessages as m } from '../i18n/en-viva-import';
import { ReportTable } from './ReportTable';

// The counts in the order an admin reads them; `written` names the apply's kinds.
const FOUND = [
  'objectives',
  'keyResults',
  'kpis',
  'checkIns',
  'comments',
  'cycles',
  'teams',
  'people',
  'unmatchedPeople',
  'skipped',
  'warnings',
  'errors',
] as const;

/** Counts per entity (and, after an apply, what was written of each). */
export function CountsTable({ report }: { readonly report: VivaImportReport }) {
  const locale = useLocale();
  const written = report.dryRun ? undefined : (report.written as Record<string, number>);
  const kinds = [...FOUND, ...(written ? (['readings'] as const) : [])];
  const found = report.counts as Record<string, number>;
  return (
    <ReportTable
      title={m.counts.title}
      columns={[
        { label: m.counts.entity },
        { label: m.counts.count, numeric: true },
        ...(written ? [{ label: m.counts.written, numeric: true }] : []),
      ]}
      rows={kinds.map((kind) => ({
        key: kind,
        cells: [
          m.counts.names[kind] ?? kind,
          found[kind] === undefined ? '' : locale.number(found[kind]),
          ...(written ? [written[kind] === undefined ? '' : locale.number(written[kind])] : []),
        ],
      }))}
      empty=""
    />
  );
}

/** Each Viva Goals period and the cycle it maps to, saying when that is the containing one. */
export function CyclesTable({ report }: { readonly report: VivaImportReport }) {
  const locale = useLocale();
  return (
    <ReportTable
      title={m.cycles.title}
      columns={[
        { label: m.cycles.period },
        { label: m.cycles.cycle },
        { label: m.cycles.items, numeric: true },
      ]}
      rows={report.cycles.map((c) => ({
        key: `${c.period}|${c.cycleId}`,
        cells: [
          c.period,
          `${c.cycleId} · ${c.exact ? m.cycles.exact : m.cycles.containing}`,
          locale.number(c.items),
        ],
      }))}
      empty={m.cycles.empty}
    />
  );
}

/** Every mapping decision the import made, with how often. */
export function DecisionsTable({ report }: { readonly report: VivaImportReport }) {
  const locale = useLocale();
  return (
    <ReportTable
      title={m.decisions.title}
      columns={[
        { label: m.decisions.subject },
        { label: m.decisions.decision },
        { label: m.decisions.count, numeric: true },
      ]}
      rows={report.decisions.map((d) => ({
        key: d.subject,
        cells: [d.subject, d.decision, locale.number(d.count)],
      }))}
      empty=""
    />
  );
}

/** Warnings and errors, then every row that cannot be imported with the reason. */
export function ProblemTables({ report }: { readonly report: VivaImportReport }) {
  return (
    <>
      <ReportTable
        title={m.issues.title}
        columns={[
          { label: m.issues.severity },
          { label: m.issues.message },
          { label: m.issues.source },
        ]}
        rows={report.issues.map((issue, i) => ({
          key: String(i),
          cells: [
            issue.severity === 'error' ? m.issues.error : m.issues.warning,
            issue.message,
            issue.source ?? '',
          ],
        }))}
        empty={m.issues.empty}
      />
      <ReportTable
        title={m.skipped.title}
        columns={[{ label: m.skipped.source }, { label: m.skipped.reason }]}
        rows={report.skipped.map((s, i) => ({ key: String(i), cells: [s.source, s.reason] }))}
        empty={m.skipped.empty}
      />
    </>
  );
}
