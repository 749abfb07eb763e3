import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { parse } from 'csv-parse/sync';

/** The Viva Goals export fixtures (our own, built from the format description). */
export const VIVA_FIXTURES = path.resolve(__dirname, '..', 'fixtures', 'viva-goals');
/** Fabrikam: an organisation JSON export, as loose files. */
export const FABRIKAM_DIR = path.join(VIVA_FIXTURES, 'fabrikam');
/** Northwind: an Explorer CSV export with custom terminology and multi-line notes. */
export const NORTHWIND_CSV = path.join(
  VIVA_FIXTURES,
  'VivaGoals_Northwind_All-OKRs_2025_12_01_1764581400.csv',
);

/** The Fabrikam export zipped, as Viva Goals delivered it. */
export async function fabrikamZip(extra: Record<string, string | Buffer> = {}): Promise<Buffer> {
  const zip = new JSZip();
  for (const f of fs.readdirSync(FABRIKAM_DIR))
    zip.file(f, fs.readFileSync(path.join(FABRIKAM_DIR, f)));
  for (const [name, data] of Object.entries(extra)) zip.file(name, data);
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}

/** The Northwind CSV as a workbook (formula cells as formulas), the same data in XLSX. */
export async function northwindXlsx(): Promise<Buffer> {
  const rows = parse(fs.readFileSync(NORTHWIND_CSV), { bom: true }) as string[][];
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('All OKRs');
  for (const row of rows)
    sheet.addRow(row.map((cell) => (cell.startsWith('=') ? { formula: cell.slice(1) } : cell)));
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** An upload body file. */
export const fileOf = (name: string, data: Buffer | string) => ({
  name,
  data: Buffer.from(data).toString('base64'),
});
