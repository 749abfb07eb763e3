import { day, instant, num, normalName, stableHash, text } from './values';
import type {
  ImportIssue,
  SkippedRow,
  VivaCheckIn,
  VivaExport,
  VivaItem,
  VivaItemKind,
  VivaPerson,
} from './viva-types';

/** An Explorer export as a table (CSV or XLSX): the header and the rows with their line numbers. */
export interface ExplorerTable {
  readonly name: string;
  readonly header: readonly string[];
  readonly records: readonly { readonly line: number; readonly cells: readonly string[] }[];
}

/** What a type label means: an item kind, or `ignore` (not imported, listed as skipped). */
export type LabelMeaning = VivaItemKind | 'ignore';

/**
 * The `Object Type` labels Viva Goals used, in English, with the custom terminology organisations
 * chose. `Outcome` meant an objective in some organisations and a key result in others, so it has
 * no default: the preview asks for it.
 */
export const DEFAULT_LABELS: Readonly<Record<string, LabelMeaning>> = {
  objective: 'objective',
  goal: 'objective',
  theme: 'objective',
  'big rock': 'objective',
  'key result': 'keyResult',
  kpi: 'keyResult',
  metric: 'keyResult',
  result: 'keyResult',
  deliverable: 'initiative',
  project: 'initiative',
  initiative: 'initiative',
  'to do': 'initiative',
  milestone: 'initiative',
  action: 'initiative',
};

const COLUMNS = {
  id: ['id', 'objective id', 'okr id'],
  title: ['title', 'name'],
  team: ['team', 'teams'],
  owner: ['owner', 'owners'],
  period: ['period', 'time period'],
  start: ['start date'],
  end: ['end date'],
  description: ['description'],
  metricName: ['metric name'],
  unit: ['unit', 'metric unit'],
  target: ['target'],
  baseline: ['start'],
  type: ['object type', 'type'],
  goalType: ['goal type'],
  createdAt: ['created at'],
  lastCheckIn: ['last check-in', 'last checkin'],
  progress: ['progress %', 'progress'],
  actual: ['actual progress', 'current value'],
  status: ['status'],
  note: ['last check-in note', 'last checkin note'],
  score: ['score'],
  checkins: ['checkins', 'check-ins'],
} as const;

const WEIGHT_AND_ID = /\(\s*weight:\s*([\d.]+)\s*%?\s*,\s*id:\s*(\d+)\s*\)/gi;

/** Parses `Parent, with comma(weight: 14.29%, Id: 2295776), Other(weight: 50%, Id: 7)`. */
export function parseAlignedTo(value: string): { id: string; title: string; weight: number }[] {
  const out: { id: string; title: string; weight: number }[] = [];
  let from = 0;
  for (const m of value.matchAll(WEIGHT_AND_ID)) {
    const title = value
      .slice(from, m.index)
      .replace(/^\s*,\s*/, '')
      .trim();
    out.push({ title, weight: Number(m[1]), id: m[2]! });
    from = m.index + m[0].length;
  }
  return out;
}

const CHECKIN_ENTRY =
  /^(\d{4}-\d{2}-\d{2}(?:[ T]\d{2}:\d{2}(?::\d{2})?)?(?:\s*(?:UTC|Z))?)\s*[:=]\s*([-+]?[$€£]?\s*[\d.,]+\s*%?)\s*(?:\(([^)]*)\))?\s*(.*)$/is;

/**
 * The `Checkins` cell: a `;`-joined history whose exact format Viva Goals never documented. Each
 * entry starts with its date: `2025-10-15: 8`, `2025-10-15 14:00 UTC: 8 (Behind) two demos booked`
 * (value, then an optional status in brackets and a note). A `;` not followed by a date belongs
 * to the note. A date without a time is noon UTC. Entries that do not read so are `unread`.
 */
export function parseCheckins(cell: string): {
  entries: { at: string; value: number; status?: string; note?: string }[];
  unread: string[];
} {
  const entries: { at: string; value: number; status?: string; note?: string }[] = [];
  const unread: string[] = [];
  for (const raw of cell.split(/;\s*(?=\d{4}-\d{2}-\d{2})/)) {
    const entry = raw.trim().replace(/;$/, '').trim();
    if (!entry) continue;
    const m = CHECKIN_ENTRY.exec(entry);
    // A date alone is taken at noon UTC, so it stays on its day in the organisation's zone.
    const at = m ? instant(/\d:\d/.test(m[1]!) ? m[1] : `${m[1]} 12:00`) : undefined;
    const value = m ? num(m[2]) : undefined;
    if (!m || !at || value === undefined) {
      unread.push(entry);
      continue;
    }
    const status = text(m[3]);
    const note = text(m[4]);
    entries.push({ at, value, ...(status ? { status } : {}), ...(note ? { note } : {}) });
  }
  return { entries, unread };
}

/**
 * Reads Explorer exports (one row per item) into a {@link VivaExport}. Rows without an `Id` column
 * get an id derived from their title, type and period (so a re-import finds them again); parents
 * are then found by title. The `Checkins` column becomes the item's check-in history (see
 * {@link parseCheckins}), with the last check-in (date, value, status, note) of its own columns
 * in place of a history entry of the same day.
 */
export function readExplorerExport(
  tables: readonly ExplorerTable[],
  labels: Readonly<Record<string, LabelMeaning>> = {},
): VivaExport {
  const issues: ImportIssue[] = [];
  const skipped: SkippedRow[] = [];
  const items: VivaItem[] = [];
  const checkIns: VivaCheckIn[] = [];
  const meaning = new Map(
    Object.entries({ ...DEFAULT_LABELS, ...labels }).map(([k, v]) => [normalName(k), v]),
  );
  const seen = new Map<string, { row: string; source: string }>();
  for (const table of tables) {
    const header = table.header.map((h) => normalName(h));
    const col = (names: readonly string[]) => header.findIndex((h) => names.includes(h));
    const at = Object.fromEntries(
      Object.entries(COLUMNS).map(([k, names]) => [k, col(names)]),
    ) as Record<keyof typeof COLUMNS, number>;
    const aligned = header.findIndex((h) => h.startsWith('aligned to'));
    if (at.title < 0 || at.type < 0) {
      issues.push({
        severity: 'error',
        code: 'file.unknown',
        message: `${table.name} is not a Viva Goals Explorer export: it has no Title and Object Type columns.`,
        source: table.name,
      });
      continue;
    }
    const unread: string[] = [];
    for (const { line, cells } of table.records) {
      const source = `${table.name} line ${line}`;
      const cell = (k: keyof typeof COLUMNS) => (at[k] >= 0 ? text(cells[at[k]]) : undefined);
      const title = cell('title');
      const typeLabel = cell('type') ?? '';
      if (!title) {
        skipped.push({ source, code: 'item.incomplete', reason: 'The row has no title.' });
        continue;
      }
      const kindOf = meaning.get(normalName(typeLabel));
      if (kindOf === 'ignore') {
        skipped.push({
          source,
          code: 'item.ignoredType',
          reason: `Rows of type "${typeLabel}" are set to be ignored.`,
        });
        continue;
      }
      const row = JSON.stringify(cells);
      const vivaId =
        cell('id') ??
        `csv-${stableHash(`${normalName(typeLabel)}|${normalName(title)}|${cell('period') ?? ''}`)}`;
      const before = seen.get(vivaId);
      if (before) {
        if (before.row === row)
          issues.push({
            severity: 'warning',
            code: 'duplicate',
            message: `The row repeats ${before.source}; the copy was dropped.`,
            source,
          });
        else if (cell('id'))
          issues.push({
            severity: 'error',
            code: 'id.collision',
            message: `Id ${vivaId} is used by two different rows (${before.source} and ${source}).`,
            source,
          });
        else
          skipped.push({
            source,
            code: 'item.duplicate',
            reason: `Same title, type and period as ${before.source}; only the first is imported.`,
          });
        continue;
      }
      seen.set(vivaId, { row, source });
      const owners: VivaPerson[] = (cell('owner') ?? '')
        .split(/\s*,\s*/)
        .filter(Boolean)
        .map((name) => ({ name }));
      const parents = aligned >= 0 ? parseAlignedTo(cells[aligned] ?? '') : [];
      const unit = cell('unit');
      const target = num(cell('target'));
      const baseline = num(cell('baseline'));
      const metric = unit !== undefined || target !== undefined;
      items.push({
        vivaId,
        source,
        title,
        typeLabel,
        ...(kindOf ? { kind: kindOf } : {}),
        teams: (cell('team') ?? '').split(/\s*;\s*/).filter(Boolean),
        owners,
        ...(cell('period') ? { periodName: cell('period') } : {}),
        ...(day(cell('start')) ? { start: day(cell('start')) } : {}),
        ...(day(cell('end')) ? { end: day(cell('end')) } : {}),
        parents: parents.map((p) =>
          cell('id')
            ? { id: p.id, title: p.title, weight: p.weight }
            : { title: p.title, weight: p.weight },
        ),
        ...(cell('description') ? { description: cell('description') } : {}),
        ...(num(cell('progress')) !== undefined ? { progress: num(cell('progress')) } : {}),
        ...(cell('status') ? { status: cell('status') } : {}),
        ...(num(cell('score')) !== undefined ? { score: num(cell('score')) } : {}),
        ...(cell('goalType') ? { goalType: cell('goalType') } : {}),
        ...(metric
          ? {
              outcome: {
                kind: 'metric' as const,
                ...(cell('metricName') ? { metricName: cell('metricName') } : {}),
                ...(unit ? { unit } : {}),
                ...(baseline !== undefined ? { start: baseline } : {}),
                ...(target !== undefined ? { target } : {}),
              },
            }
          : { outcome: { kind: 'percentage' as const } }),
        ...(instant(cell('createdAt')) ? { createdAt: instant(cell('createdAt')) } : {}),
      });
      const last = instant(cell('lastCheckIn'));
      const value = num(cell('actual'));
      const history = parseCheckins(cell('checkins') ?? '');
      unread.push(...history.unread);
      for (const [n, e] of history.entries.entries())
        if (!last || e.at.slice(0, 10) !== last.slice(0, 10))
          checkIns.push({
            vivaId: `${vivaId}-h${n}`,
            source,
            itemId: vivaId,
            at: e.at,
            ...(owners[0] ? { owner: owners[0] } : {}),
            value: e.value,
            ...(e.status ? { status: e.status } : {}),
            ...(e.note ? { note: e.note } : {}),
          });
      if (last && (value !== undefined || cell('note')))
        checkIns.push({
          vivaId: `${vivaId}-last`,
          source,
          itemId: vivaId,
          at: last,
          ...(owners[0] ? { owner: owners[0] } : {}),
          ...(cell('note') ? { note: cell('note') } : {}),
          ...(cell('status') ? { status: cell('status') } : {}),
          ...(value !== undefined ? { value } : {}),
        });
    }
    if (unread.length)
      issues.push({
        severity: 'warning',
        code: 'csv.checkinsUnread',
        message: `${table.name}: ${unread.length} entry(ies) of the Checkins column could not be read (e.g. "${unread[0]!.slice(0, 60)}"); an entry reads "YYYY-MM-DD: value (status) note". The rest of the history is imported.`,
        source: table.name,
      });
  }
  return { items, checkIns, comments: [], teams: [], users: [], periods: [], issues, skipped };
}
