import {
  ok,
  readingTimeProblem,
  schemas,
  type CsvErrorCode,
  type CsvPreviewResponse,
  type CsvRowError,
  type ReadingConflict,
  type Result,
  type TenantId,
  type UserId,
} from '@bearing/core';
import { recordReadings, type ReadingInput, type ReadingStores } from './kpi-readings';
import { canManage, forbidden, notFound, parseCsv, requireMember, type CsvTable } from '../common';

/** Rows one import may hold. */
export const MAX_CSV_ROWS = 10_000;

/**
 * The bad rows of an upload as answered: the first {@link schemas.CSV_ERRORS_SHOWN} (a 1 MB file
 * of bad rows would otherwise answer close to 1 MB of errors), the total, and counts per code.
 */
export function summariseRowErrors(errors: readonly CsvRowError[]) {
  const errorCounts: Partial<Record<CsvErrorCode, number>> = {};
  for (const e of errors) errorCounts[e.code] = (errorCounts[e.code] ?? 0) + 1;
  return {
    errors: errors.slice(0, schemas.CSV_ERRORS_SHOWN),
    errorCount: errors.length,
    errorCounts,
  };
}

/**
 * The file as a table of at most {@link MAX_CSV_ROWS} rows, or the one error that stops it (not
 * CSV). A file with more rows gets a `csv.tooManyRows` error after the last row read.
 */
export function readCsvTable(
  csv: string,
): { table: CsvTable; overflow?: CsvRowError } | { error: CsvRowError } {
  const parsed = parseCsv(csv, { maxRecords: MAX_CSV_ROWS });
  if (!parsed.ok)
    return { error: { line: parsed.line, code: 'csv.malformed', message: parsed.message } };
  const { table } = parsed;
  if (!table.truncated) return { table };
  const last = table.records[table.records.length - 1]?.line ?? 1;
  return {
    table,
    overflow: {
      line: last + 1,
      code: 'csv.tooManyRows',
      message: `At most ${MAX_CSV_ROWS} rows per upload.`,
    },
  };
}

/**
 * Parses `at,value[,id]` rows (a header row naming the columns is required; `timestamp`/`date` are
 * accepted for `at`). Every bad row is reported with its line number.
 */
export function parseReadingsCsv(
  kpiId: string,
  csv: string,
  now: Date,
): { rows: ReadingInput[]; errors: CsvRowError[] } {
  const read = readCsvTable(csv);
  if ('error' in read) return { rows: [], errors: [read.error] };
  const header = read.table.header.map((h) => h.toLowerCase());
  const atCol = header.findIndex((h) => ['at', 'timestamp', 'date', 'time'].includes(h));
  const valueCol = header.indexOf('value');
  const idCol = header.indexOf('id');
  if (atCol < 0 || valueCol < 0)
    return {
      rows: [],
      errors: [
        {
          line: 1,
          code: 'csv.header',
          message: 'The first line must name the columns: at,value (and optionally id).',
        },
      ],
    };
  const rows: ReadingInput[] = [];
  const errors: CsvRowError[] = [];
  const seen = new Set<string>();
  for (const { line, cells } of read.table.records) {
    const atText = cells[atCol] ?? '';
    const valueText = (cells[valueCol] ?? '').replace(/\s/g, '');
    const at = /^\d{4}-\d{2}-\d{2}$/.test(atText) ? `${atText}T00:00:00Z` : atText;
    const t = Date.parse(at);
    const value = Number(valueText);
    if (!/^\d{4}-\d{2}-\d{2}/.test(at) || !Number.isFinite(t)) {
      errors.push({
        line,
        code: 'reading.time',
        message: `"${atText.slice(0, 40)}" is not a date and time (use 2026-11-23 or 2026-11-23T09:00:00Z).`,
      });
      continue;
    }
    const problem = readingTimeProblem(t, now.getTime(), atText.slice(0, 40));
    if (problem) {
      errors.push({ line, code: 'reading.time', message: problem });
      continue;
    }
    if (valueText === '' || !Number.isFinite(value)) {
      errors.push({
        line,
        code: 'reading.value',
        message: `"${(cells[valueCol] ?? '').slice(0, 40)}" is not a number.`,
      });
      continue;
    }
    const id = idCol >= 0 && cells[idCol] ? cells[idCol] : undefined;
    if (id !== undefined && !/^[A-Za-z0-9._:-]{1,100}$/.test(id)) {
      errors.push({
        line,
        code: 'reading.id',
        message: 'The id may use 1–100 letters, digits or . _ : -',
      });
      continue;
    }
    const key = id ?? new Date(t).toISOString();
    if (seen.has(key)) {
      errors.push({
        line,
        code: 'reading.repeated',
        message: 'This reading appears twice in the file.',
      });
      continue;
    }
    seen.add(key);
    rows.push({ kpiId, value, at: new Date(t).toISOString(), ...(id ? { id } : {}) });
  }
  if (read.overflow) errors.push(read.overflow);
  return { rows, errors };
}

/**
 * CSV upload of readings from the tab: a preview reports the bad rows and imports nothing; with
 * `confirm` and no bad rows, the readings are recorded (idempotently: re-uploading the same file
 * adds nothing, and a row whose id is stored with another value is kept as stored and reported). KPI owners and team managers may upload.
 */
export async function importReadingsCsv(
  stores: ReadingStores,
  caller: { readonly tenantId: TenantId; readonly userId: UserId },
  teamId: string,
  kpiId: string,
  csv: string,
  confirm: boolean,
  now: Date,
): Promise<Result<CsvPreviewResponse>> {
  const noSuchKpi = 'This KPI does not exist.';
  const member = await requireMember(stores.teams, caller, teamId, { notFound: noSuchKpi });
  if (!member.ok) return member;
  const kpi = await stores.kpis.getKpi(caller.tenantId, teamId, kpiId);
  if (!kpi) return notFound(noSuchKpi);
  if (!canManage(member.value.role) && kpi.value.ownerId !== caller.userId)
    return forbidden('Only the KPI owner and team managers can upload readings.');
  const { rows, errors } = parseReadingsCsv(kpiId, csv, now);
  const noConflicts = { conflicts: [], conflictCount: 0 };
  if (!confirm || errors.length > 0 || rows.length === 0)
    return ok({ valid: rows.length, ...summariseRowErrors(errors), imported: 0, ...noConflicts });
  let imported = 0;
  const conflicts: ReadingConflict[] = [];
  for (let i = 0; i < rows.length; i += 500) {
    const result = await recordReadings(
      stores,
      { tenantId: caller.tenantId, teamId },
      rows.slice(i, i + 500),
      'csv',
      now,
    );
    if (!result.ok) return result;
    imported += result.value.accepted;
    conflicts.push(...result.value.conflicts);
  }
  return ok({
    valid: rows.length,
    ...summariseRowErrors([]),
    imported,
    conflicts: conflicts.slice(0, schemas.CSV_ERRORS_SHOWN),
    conflictCount: conflicts.length,
  });
}
