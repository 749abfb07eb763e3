import { day, instant, num, text } from './values';
import type {
  ImportIssue,
  SkippedRow,
  VivaCheckIn,
  VivaComment,
  VivaExport,
  VivaItem,
  VivaItemKind,
  VivaPerson,
  VivaPeriod,
  VivaTeam,
} from './viva-types';

/** One file of the organisation export, parsed as JSON (the reader has decoded and parsed it). */
export interface JsonExportFile {
  readonly name: string;
  readonly data: unknown;
}

export type VivaEntity =
  'objectives' | 'checkins' | 'teams' | 'users' | 'timeperiods' | 'comments' | 'tags';

const ENTITIES: readonly VivaEntity[] = [
  'objectives',
  'checkins',
  'teams',
  'users',
  'timeperiods',
  'comments',
  'tags',
];

/** The entity a file holds, from its name (`objectives_export_file_…json`) or else its first row. */
export function entityOf(name: string, data: unknown): VivaEntity | undefined {
  const base = name.split(/[\\/]/).pop()!.toLowerCase();
  const m = /^([a-z]+)_export_file_/.exec(base);
  if (m && (ENTITIES as readonly string[]).includes(m[1]!)) return m[1] as VivaEntity;
  const first = Array.isArray(data)
    ? (data.find((r) => r && typeof r === 'object') as Record<string, unknown> | undefined)
    : undefined;
  if (!first) return undefined;
  if ('OKR ID' in first && 'CheckIn Date' in first) return 'checkins';
  if ('OKR ID' in first && 'Comment' in first) return 'comments';
  if ('Type' in first && 'Title' in first && 'ID' in first) return 'objectives';
  if ('Team Name' in first) return 'teams';
  if ('Time Period Name' in first) return 'timeperiods';
  if ('Email' in first && 'Name' in first && 'Role' in first) return 'users';
  return undefined;
}

const KINDS: Record<string, VivaItemKind> = {
  'big rock': 'objective',
  kpi: 'keyResult',
  project: 'initiative',
};

const obj = (v: unknown): Record<string, unknown> | undefined =>
  v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : undefined;
const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : obj(v) ? [v] : []);
const idOf = (v: unknown) => (typeof v === 'number' && Number.isFinite(v) ? String(v) : text(v));

function person(v: unknown): VivaPerson | undefined {
  const o = obj(v);
  const name = text(o?.Name);
  const email = text(o?.Email);
  if (!name && !email) return undefined;
  const vivaId = idOf(o?.ID);
  return { name: name ?? email!, ...(email ? { email } : {}), ...(vivaId ? { vivaId } : {}) };
}

const people = (v: unknown) =>
  list(v)
    .map(person)
    .filter((p): p is VivaPerson => !!p);

function item(row: Record<string, unknown>, source: string): VivaItem | undefined {
  const vivaId = idOf(row.ID);
  const title = text(row.Title);
  if (!vivaId || !title) return undefined;
  const typeLabel = text(row.Type) ?? '';
  const period = obj(row['Time Period']);
  const weights = new Map(
    list(row.Alignment).map((a) => [idOf(obj(a)?.ID), num(obj(a)?.Weight)] as const),
  );
  const parentIds = list(row['Parent IDs'])
    .map(idOf)
    .filter((p): p is string => !!p);
  for (const id of weights.keys()) if (id && !parentIds.includes(id)) parentIds.push(id);
  const outcome = obj(row.Outcome);
  const outcomeType = text(outcome?.['Outcome Type'])?.toLowerCase();
  const kind = KINDS[typeLabel.toLowerCase()];
  return {
    vivaId,
    source,
    title,
    typeLabel,
    ...(kind ? { kind } : {}),
    teams: list(row.Teams)
      .map((t) => text(obj(t)?.Name))
      .filter((t): t is string => !!t),
    owners: people(row.Owner),
    ...(idOf(period?.ID) ? { periodId: idOf(period?.ID) } : {}),
    ...(text(period?.Name) ? { periodName: text(period?.Name) } : {}),
    ...(day(row['Start Date']) ? { start: day(row['Start Date']) } : {}),
    ...(day(row['End Date']) ? { end: day(row['End Date']) } : {}),
    parents: parentIds.map((id) => ({
      id,
      ...(weights.get(id) !== undefined ? { weight: weights.get(id) } : {}),
    })),
    ...(text(row.Description) ? { description: text(row.Description) } : {}),
    ...(num(row.Progress) !== undefined ? { progress: num(row.Progress) } : {}),
    ...(text(row.Status) ? { status: text(row.Status) } : {}),
    ...(num(row.Score) !== undefined ? { score: num(row.Score) } : {}),
    ...(text(row['Goal Type']) ? { goalType: text(row['Goal Type']) } : {}),
    ...(outcomeType === 'metric'
      ? {
          outcome: {
            kind: 'metric' as const,
            ...(text(outcome?.['Metric Name'])
              ? { metricName: text(outcome?.['Metric Name']) }
              : {}),
            ...(text(outcome?.['Metric Unit']) ? { unit: text(outcome?.['Metric Unit']) } : {}),
            ...(num(outcome?.Start) !== undefined ? { start: num(outcome?.Start) } : {}),
            ...(num(outcome?.Target) !== undefined ? { target: num(outcome?.Target) } : {}),
            ...(text(outcome?.['Target Type'])
              ? { targetType: text(outcome?.['Target Type']) }
              : {}),
          },
        }
      : outcomeType === 'percentage'
        ? { outcome: { kind: 'percentage' as const } }
        : {}),
    ...(instant(row['Created At']) ? { createdAt: instant(row['Created At']) } : {}),
  };
}

/**
 * Reads the organisation export files into one {@link VivaExport}. `htmlToText` converts a note's
 * HTML when its plain-text twin is empty. Files of another tool are errors; a record that repeats
 * an id is dropped when identical and an error (`id.collision`) when it differs.
 */
export function readOrganisationExport(
  files: readonly JsonExportFile[],
  htmlToText: (html: string) => string,
): VivaExport {
  const issues: ImportIssue[] = [];
  const skipped: SkippedRow[] = [];
  const items: VivaItem[] = [];
  const checkIns: VivaCheckIn[] = [];
  const comments: VivaComment[] = [];
  const teams: VivaTeam[] = [];
  const users: VivaPerson[] = [];
  const periods: VivaPeriod[] = [];
  const seen = new Map<string, { json: string; source: string }>();
  /** False when the record repeats an id already read (and reports it). */
  const fresh = (entity: string, id: string, row: unknown, source: string) => {
    const key = `${entity}:${id}`;
    const json = JSON.stringify(row);
    const before = seen.get(key);
    if (!before) {
      seen.set(key, { json, source });
      return true;
    }
    if (before.json === json)
      issues.push({
        severity: 'warning',
        code: 'duplicate',
        message: `${entity} ${id} appears twice; the copy was dropped.`,
        source,
      });
    else
      issues.push({
        severity: 'error',
        code: 'id.collision',
        message: `${entity} id ${id} is used by two different records (${before.source} and ${source}). Import the files of one export together, not files of different exports.`,
        source,
      });
    return false;
  };

  for (const file of files) {
    const entity = entityOf(file.name, file.data);
    if (!entity || !Array.isArray(file.data)) {
      issues.push({
        severity: 'error',
        code: 'file.unknown',
        message: `${file.name} is not a Viva Goals export file (expected one JSON array per entity, e.g. objectives_export_file_….json).`,
        source: file.name,
      });
      continue;
    }
    if (entity === 'tags' && file.data.length > 0)
      issues.push({
        severity: 'warning',
        code: 'tags.notImported',
        message: `${file.data.length} tag(s) are not imported: Bearing has no tags.`,
        source: file.name,
      });
    file.data.forEach((raw, index) => {
      const source = `${file.name} #${index + 1}`;
      const row = obj(raw);
      const skip = (code: string, reason: string) => skipped.push({ source, code, reason });
      if (!row) return skip('row.notObject', 'The record is not an object.');
      const id = idOf(row.ID);
      if (entity === 'objectives') {
        const it = item(row, source);
        if (!it) return skip('item.incomplete', 'The item has no ID or no title.');
        if (fresh('item', it.vivaId, row, source)) items.push(it);
      } else if (entity === 'checkins') {
        const itemId = idOf(row['OKR ID']);
        const at = instant(row['CheckIn Date']) ?? instant(row['Activity Date']);
        if (!id || !itemId || !at)
          return skip('checkIn.incomplete', 'The check-in has no ID, OKR ID or date.');
        if (!fresh('checkIn', id, row, source)) return;
        const note = obj(row['Check In Note']);
        const plain = text(note?.['Check In Note']);
        const html = text(note?.['Check In Note HTML']);
        const noteText = plain ?? (html ? text(htmlToText(html)) : undefined);
        const owner = person(row['Check In Owner']);
        checkIns.push({
          vivaId: id,
          source,
          itemId,
          at,
          ...(owner ? { owner } : {}),
          ...(noteText ? { note: noteText } : {}),
          ...(text(row.Status) ? { status: text(row.Status) } : {}),
          ...(num(row['Current Value']) !== undefined ? { value: num(row['Current Value']) } : {}),
        });
      } else if (entity === 'comments') {
        const itemId = idOf(row['OKR ID']);
        const body = text(row.Comment);
        if (!id || !itemId || !body)
          return skip('comment.incomplete', 'The comment has no ID, OKR ID or text.');
        if (!fresh('comment', id, row, source)) return;
        const author = person(row['Created By']);
        const at = instant(row['Created At']);
        comments.push({
          vivaId: id,
          source,
          itemId,
          text: body,
          ...(author ? { author } : {}),
          ...(at ? { at } : {}),
        });
      } else if (entity === 'teams') {
        const name = text(row['Team Name']);
        if (!name) return skip('team.incomplete', 'The team has no name.');
        if (!fresh('team', id ?? name, row, source)) return;
        const parentName = text(row['Parent Team']);
        teams.push({ name, ...(id ? { vivaId: id } : {}), ...(parentName ? { parentName } : {}) });
      } else if (entity === 'users') {
        const p = person(row);
        if (!p) return skip('user.incomplete', 'The user has no name and no e-mail.');
        if (fresh('user', id ?? p.name, row, source)) users.push(p);
      } else if (entity === 'timeperiods') {
        const name = text(row['Time Period Name']);
        if (!name) return skip('period.incomplete', 'The time period has no name.');
        if (!fresh('period', id ?? name, row, source)) return;
        const start = day(row['Start Date']);
        const end = day(row['End Date']);
        periods.push({
          name,
          ...(id ? { vivaId: id } : {}),
          ...(start ? { start } : {}),
          ...(end ? { end } : {}),
        });
      }
    });
  }
  return { items, checkIns, comments, teams, users, periods, issues, skipped };
}
