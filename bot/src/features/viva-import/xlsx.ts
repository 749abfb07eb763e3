import type ExcelJS from 'exceljs';
import type { ExplorerTable } from '@bearing/core';

/** A cell as text: dates as ISO instants, rich text joined, formulas as their `=` text (never run). */
function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return value.toISOString();
  if (typeof value !== 'object') return String(value);
  if ('richText' in value) return value.richText.map((r) => r.text).join('');
  if ('formula' in value || 'sharedFormula' in value) {
    const f = 'formula' in value ? value.formula : value.sharedFormula;
    return `=${String(f)}`;
  }
  if ('hyperlink' in value) return String(value.text ?? '');
  if ('error' in value) return '';
  return '';
}

/**
 * The first worksheet of an Explorer export workbook as a table (row 1 names the columns). Formula
 * cells come back as their formula text so the import can say it kept them as plain text.
 */
export async function readXlsx(
  name: string,
  data: Buffer,
  maxRows: number,
): Promise<ExplorerTable[]> {
  // Loaded on the first import: the library is about 30 MB of the server's memory once required,
  // and most processes (the delivery worker among them) never read a workbook.
  const { Workbook } = await import('exceljs');
  const workbook = new Workbook();
  try {
    await workbook.xlsx.load(data as unknown as ArrayBuffer);
  } catch {
    throw new Error('the workbook could not be read (damaged, or not an .xlsx file).');
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) throw new Error('the workbook has no worksheet.');
  if (sheet.rowCount > maxRows + 1)
    throw new Error(`the worksheet has more than ${maxRows} rows; split it and import the parts.`);
  const rows: { line: number; cells: string[] }[] = [];
  sheet.eachRow({ includeEmpty: false }, (row, line) => {
    const cells: string[] = [];
    for (let i = 1; i <= row.cellCount; i += 1) cells.push(cellText(row.getCell(i).value).trim());
    if (cells.some((c) => c !== '')) rows.push({ line, cells });
  });
  const [header, ...records] = rows;
  return [{ name, header: header?.cells ?? [], records }];
}
