import fs from 'node:fs';
import path from 'node:path';

/** Prints a benchmark's table and its one-line `BENCH {json}` summary; saves it when asked. */
export function report(
  name: string,
  rows: [string, string | number][],
  figures: Record<string, unknown>,
  save: boolean,
): void {
  const width = Math.max(...rows.map(([k]) => k.length));
  const table = [`${name}`, ...rows.map(([k, v]) => `  ${k.padEnd(width)}  ${v}`)].join('\n');
  console.log(table);
  console.log(`BENCH ${JSON.stringify({ bench: name, ...figures })}`);
  if (save) {
    const file = path.resolve(__dirname, 'results', 'latest.md');
    fs.mkdirSync(path.dirname(file), { recursive: true });
    const section = `## ${name} (${new Date().toISOString()})\n\n\`\`\`\n${table}\n\`\`\`\n`;
    const old = fs.existsSync(file)
      ? fs.readFileSync(file, 'utf8')
      : '# Benchmark results (latest run per benchmark)\n\n';
    const kept = old.replace(new RegExp(`## ${name} \\([^)]*\\)\\n\\n\`\`\`\\n[^]*?\`\`\`\\n`), '');
    fs.writeFileSync(file, `${kept.replace(/\n{3,}/g, '\n\n').trimEnd()}\n\n${section}`);
  }
}

/** Reads `--name value` and `--flag` options. */
export function option(args: readonly string[], name: string): string | undefined {
  const i = args.indexOf(`--${name}`);
  if (i < 0) return undefined;
  const next = args[i + 1];
  return next === undefined || next.startsWith('--') ? 'true' : next;
}

/** The p-th percentile (0..100) of numbers. */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

/**
 * Figures of earlier saved runs of `name`, by `key` (e.g. the member count), with this run's added
 * when `save`: targets that compare runs (memory at 1,000 and at 10,000 members) read them here.
 */
export function savedRuns<T>(
  name: string,
  key: string,
  figures: T,
  save: boolean,
): Record<string, T> {
  const file = path.resolve(__dirname, 'results', `${name}-runs.json`);
  const runs = fs.existsSync(file)
    ? (JSON.parse(fs.readFileSync(file, 'utf8')) as Record<string, T>)
    : {};
  const all = { ...runs, [key]: figures };
  if (save) fs.writeFileSync(file, `${JSON.stringify(all, null, 2)}\n`);
  return all;
}
