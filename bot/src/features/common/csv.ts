import { CsvError, parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';

/** One record of a CSV file with the (1-based) line it starts on. */
export interface CsvRecord {
  readonly line: number;
  readonly cells: readonly string[];
}

export interface CsvTable {
  readonly delimiter: string;
  /** The first record (the column names), as written. */
  readonly header: readonly string[];
  /** The records after the header; empty lines are skipped. */
  readonly records: readonly CsvRecord[];
  /** True when the file has more than `maxRecords` records (only that many were parsed). */
  readonly truncated: boolean;
}

export type CsvParseResult =
  | { readonly ok: true; readonly table: CsvTable }
  | { readonly ok: false; readonly line: number; readonly message: string };

const CANDIDATES = [',', ';', '\t'] as const;

const OPTIONS = {
  bom: true,
  relax_column_count: true,
  relax_quotes: true,
  skip_empty_lines: true,
  trim: true,
} as const;

/**
 * The delimiter of a CSV file: the one of `,`, `;` and tab that splits the header line into the
 * most columns (Excel writes `;` where the decimal separator is a comma).
 */
export function detectDelimiter(text: string): string {
  let best: string = ',';
  let most = 0;
  for (const delimiter of CANDIDATES) {
    try {
      const [first] = parse(text, { ...OPTIONS, delimiter, to: 1 }) as string[][];
      if ((first?.length ?? 0) > most) {
        most = first?.length ?? 0;
        best = delimiter;
      }
    } catch {
      // A delimiter that does not parse the first line is not the one.
    }
  }
  return best;
}

const newlines = (s: string) => s.split('\n').length - 1;

/**
 * Parses CSV text (RFC 4180: quoted cells with `""` escapes and line breaks, a byte-order mark,
 * `,` `;` or tab detected from the header) into trimmed cells with their line numbers; line
 * breaks inside cells come back as `\n`. Parsing
 * stops after `maxRecords` records, so an oversized file costs no more than the limit.
 */
export function parseCsv(raw: string, options: { maxRecords?: number } = {}): CsvParseResult {
  // One line ending (line breaks inside cells too): csv-parse miscounts lines after a quoted CRLF.
  const text = raw.replace(/\r\n?/g, '\n');
  const delimiter = detectDelimiter(text);
  const max = options.maxRecords ?? Number.MAX_SAFE_INTEGER;
  let rows: { record: string[]; info: { lines: number } }[];
  try {
    rows = parse(text, {
      ...OPTIONS,
      delimiter,
      info: true,
      ...(max < Number.MAX_SAFE_INTEGER ? { to: max + 2 } : {}),
    }) as unknown as { record: string[]; info: { lines: number } }[];
  } catch (error) {
    if (!(error instanceof CsvError)) throw error;
    const line = Number((error as CsvError & { lines?: number }).lines ?? 1);
    const reason =
      error.code === 'CSV_QUOTE_NOT_CLOSED'
        ? 'a quoted cell is never closed'
        : 'the file is not valid CSV';
    return { ok: false, line, message: `Line ${line}: ${reason}.` };
  }
  const records = rows.map(({ record, info }) => ({
    line: info.lines - record.reduce((n, c) => n + newlines(c), 0),
    cells: record,
  }));
  const [header, ...rest] = records;
  return {
    ok: true,
    table: {
      delimiter,
      header: header?.cells ?? [],
      records: rest.slice(0, max),
      truncated: rest.length > max,
    },
  };
}

// A cell starting with = + - @ (or a tab or carriage return) gets a leading ' so spreadsheets
// never run it as a formula.
const safeCell = (v: unknown): string => {
  if (v === undefined || v === null) return '';
  const s = String(v);
  return typeof v === 'string' && /^[=+\-@\t\r]/.test(s) ? `'${s}` : s;
};

/** CSV text (RFC 4180, CRLF) of a header and rows: the one CSV writer of the exports. */
export const csvOf = (header: readonly string[], rows: readonly (readonly unknown[])[]): string =>
  stringify(
    [header, ...rows].map((r) => r.map(safeCell)),
    { record_delimiter: 'windows', eof: true },
  );
