import {
  emptyExport,
  readExplorerExport,
  readOrganisationExport,
  VIVA_IMPORT_MAX_BYTES,
  VIVA_IMPORT_MAX_ROWS,
  VIVA_IMPORT_MAX_UNZIPPED_BYTES,
  VIVA_IMPORT_MAX_ZIP_ENTRIES,
  type ExplorerTable,
  type ImportIssue,
  type JsonExportFile,
  type LabelMeaning,
  type VivaExport,
} from '@bearing/core';
import { parseCsv } from '../common';
import { htmlToText } from './html';
import { readXlsx } from './xlsx';
import { isZip, readZip, ZipRefused } from './zip';

const MB = (n: number) => `${Math.round(n / 1024 / 1024)} MB`;

/** Text of a file: UTF-8 (with or without BOM) or UTF-16 with a BOM; anything else is refused. */
export function decodeText(data: Buffer): string | undefined {
  if (data[0] === 0xff && data[1] === 0xfe) return new TextDecoder('utf-16le').decode(data);
  if (data[0] === 0xfe && data[1] === 0xff) return new TextDecoder('utf-16be').decode(data);
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(data);
  } catch {
    return undefined;
  }
}

const looksBinary = (data: Buffer) => data.subarray(0, 8192).includes(0);

interface Collected {
  json: JsonExportFile[];
  tables: ExplorerTable[];
  issues: ImportIssue[];
}

const refuse = (c: Collected, source: string, code: string, message: string): void => {
  c.issues.push({ severity: 'error', code, message, source });
};

async function collect(name: string, data: Buffer, c: Collected, nested: boolean): Promise<void> {
  const lower = name.toLowerCase();
  if (isZip(data)) {
    let entries: { name: string; data: Buffer }[];
    try {
      entries = await readZip(data, {
        maxEntries: lower.endsWith('.xlsx') ? 10_000 : VIVA_IMPORT_MAX_ZIP_ENTRIES,
        maxBytes: VIVA_IMPORT_MAX_UNZIPPED_BYTES,
      });
    } catch (error) {
      if (!(error instanceof ZipRefused)) throw error;
      return refuse(c, name, 'zip.refused', `${name}: ${error.message}`);
    }
    if (entries.some((e) => e.name === 'xl/workbook.xml')) {
      try {
        c.tables.push(...(await readXlsx(name, data, VIVA_IMPORT_MAX_ROWS)));
      } catch (error) {
        refuse(c, name, 'xlsx.unreadable', `${name}: ${(error as Error).message}`);
      }
      return;
    }
    if (nested) return refuse(c, name, 'zip.nested', `${name}: a zip inside a zip is not read.`);
    const exportFiles = entries.filter((e) => /\.(json|csv|xlsx)$/i.test(e.name));
    if (exportFiles.length === 0)
      return refuse(
        c,
        name,
        'file.unknown',
        `${name} holds no Viva Goals export files (.json, .csv or .xlsx).`,
      );
    for (const e of exportFiles) await collect(`${name}/${e.name}`, e.data, c, true);
    return;
  }
  if (lower.endsWith('.xlsx'))
    return refuse(c, name, 'file.unknown', `${name} is not an Excel workbook.`);
  const utf16 = (data[0] === 0xff && data[1] === 0xfe) || (data[0] === 0xfe && data[1] === 0xff);
  if (!utf16 && looksBinary(data))
    return refuse(c, name, 'file.unknown', `${name} is a binary file, not a Viva Goals export.`);
  const textContent = decodeText(data);
  if (textContent === undefined)
    return refuse(
      c,
      name,
      'file.encoding',
      `${name} is not UTF-8 text (perhaps Windows-1252). Export it again, or save it as "CSV UTF-8", and import again.`,
    );
  const body = textContent.replace(/^\ufeff/, '');
  if (/^\s*[[{]/.test(body) && !lower.endsWith('.csv')) {
    try {
      c.json.push({ name, data: JSON.parse(body) as unknown });
    } catch {
      refuse(c, name, 'json.invalid', `${name} is not valid JSON.`);
    }
    return;
  }
  const parsed = parseCsv(body, { maxRecords: VIVA_IMPORT_MAX_ROWS });
  if (!parsed.ok) return refuse(c, name, 'csv.malformed', `${name}: ${parsed.message}`);
  if (parsed.table.truncated)
    return refuse(
      c,
      name,
      'file.tooManyRows',
      `${name} has more than ${VIVA_IMPORT_MAX_ROWS} rows; split it and import the parts.`,
    );
  c.tables.push({ name, header: parsed.table.header, records: parsed.table.records });
}

/**
 * Reads the uploaded files (base64) into one Viva export: zips (organisation exports, limited in
 * entries and uncompressed size), loose JSON files, Explorer CSV and XLSX. Problems that make a
 * file unreadable are `error` issues: the preview shows them and an apply writes nothing.
 */
export async function readUpload(
  files: readonly { readonly name: string; readonly data: string }[],
  labels: Readonly<Record<string, LabelMeaning>> = {},
): Promise<VivaExport> {
  const c: Collected = { json: [], tables: [], issues: [] };
  const decoded = files.map((f) => ({ name: f.name, data: Buffer.from(f.data, 'base64') }));
  const total = decoded.reduce((n, f) => n + f.data.length, 0);
  if (total > VIVA_IMPORT_MAX_BYTES) {
    refuse(
      c,
      'upload',
      'upload.tooLarge',
      `The files total ${MB(total)}; at most ${MB(VIVA_IMPORT_MAX_BYTES)} can be imported at once.`,
    );
    return { ...emptyExport(), issues: c.issues };
  }
  for (const [i, f] of decoded.entries()) {
    if (!/^[A-Za-z0-9+/=\s]*$/.test(files[i]!.data.slice(0, 4096)))
      refuse(c, f.name, 'upload.notBase64', `${f.name}: the file data must be base64.`);
    else await collect(f.name, f.data, c, false);
  }
  const org = c.json.length ? readOrganisationExport(c.json, htmlToText) : emptyExport();
  const explorer = c.tables.length ? readExplorerExport(c.tables, labels) : emptyExport();
  const orgIds = new Set(org.items.map((i) => i.vivaId));
  const both = explorer.items.filter((i) => orgIds.has(i.vivaId));
  if (both.length)
    c.issues.push({
      severity: 'error',
      code: 'id.collision',
      message: `${both.length} item id(s) (e.g. ${both[0]!.vivaId}) appear in both the organisation export and an Explorer export: import one of them.`,
      source: both[0]!.source,
    });
  return {
    items: [...org.items, ...explorer.items],
    checkIns: [...org.checkIns, ...explorer.checkIns],
    comments: org.comments,
    teams: org.teams,
    users: org.users,
    periods: org.periods,
    issues: [...c.issues, ...org.issues, ...explorer.issues],
    skipped: [...org.skipped, ...explorer.skipped],
  };
}
