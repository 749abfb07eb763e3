import fs from 'node:fs';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '..', '..');

/** A markdown table: header cells, then one array of cells per row. */
export type Table = readonly (readonly string[])[];

const cells = (line: string) =>
  line
    .trim()
    .replace(/^\||\|$/g, '')
    .split('|')
    .map((c) => c.trim());

/**
 * The first table after the line `marker` in a repository document (header and rows, without the
 * `---` line), so a test can check that a document quotes what the test measured.
 */
export function documentTable(file: string, marker: string): Table {
  const lines = fs.readFileSync(path.join(ROOT, file), 'utf8').split('\n');
  const at = lines.findIndex((l) => l.includes(marker));
  if (at < 0) throw new Error(`${file}: no line with "${marker}"`);
  const start = lines.findIndex((l, i) => i > at && l.trim().startsWith('|'));
  const table: string[][] = [];
  for (let i = start; i >= 0 && i < lines.length && lines[i].trim().startsWith('|'); i += 1)
    if (!/^\|[\s|:-]+\|$/.test(lines[i].trim())) table.push(cells(lines[i]));
  return table;
}

/** The table as markdown (what to paste into the document when the numbers changed). */
export function markdownTable(table: Table): string {
  const [head, ...rows] = table;
  return [head, head.map(() => '---'), ...rows].map((r) => `| ${r.join(' | ')} |`).join('\n');
}
