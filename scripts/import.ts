// `npm run import -- viva-goals <file-or-folder> [--dry-run] [--url …] [--people <csv>]
//   [--labels Label=objective|keyResult|initiative|ignore,…] [--guardrails kpi] [--token …]`
// Imports a Viva Goals export into a running Bearing server through its admin API: previews,
// prints the mapping, then (unless --dry-run) applies. Local mode needs no token; against Azure
// pass an admin's access token with --token or in BEARING_ADMIN_TOKEN. The last line printed is
// `IMPORT {json}` with the counts.
import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { VIVA_IMPORT_MAX_BYTES, type VivaImportReport } from '@bearing/core';

const EXPORT_FILE = /(_export_file_.*\.json|\.csv|\.xlsx|\.zip)$/i;
const MB = (n: number) => `${Math.round(n / 1024 / 1024)} MB`;

class UsageError extends Error {}

function option(args: string[], name: string): string | undefined {
  const i = args.indexOf(`--${name}`);
  if (i < 0) return undefined;
  const value = args[i + 1];
  if (!value || value.startsWith('--')) throw new UsageError(`--${name} needs a value.`);
  args.splice(i, 2);
  return value;
}

/** The export files named on the command line: a file, or the export files in a folder. */
function exportFiles(target: string): string[] {
  if (!fs.existsSync(target)) throw new UsageError(`${target} does not exist.`);
  const files = fs.statSync(target).isDirectory()
    ? fs
        .readdirSync(target)
        .filter((f) => EXPORT_FILE.test(f))
        .sort()
        .map((f) => path.join(target, f))
    : [target];
  if (files.length === 0) throw new UsageError(`${target} holds no Viva Goals export files.`);
  let total = 0;
  for (const f of files) {
    const size = fs.statSync(f).size;
    total += size;
    if (size > VIVA_IMPORT_MAX_BYTES || total > VIVA_IMPORT_MAX_BYTES)
      throw new UsageError(
        `${path.basename(f)} makes ${MB(total)}; at most ${MB(VIVA_IMPORT_MAX_BYTES)} can be imported at once. A Viva Goals export is far smaller: split a large Explorer export by period or team.`,
      );
  }
  return files;
}

/** `--people people.csv`: columns `viva` (e-mail, display name or viva:<id>) and `userId`. */
function peopleMapping(file: string) {
  const rows = parse(fs.readFileSync(file), { bom: true, columns: true, trim: true }) as Record<
    string,
    string
  >[];
  return rows.map((r, i) => {
    const viva = r.viva ?? r.email ?? r.name;
    const userId = r.userId ?? r.userid ?? r['entra object id'];
    if (!viva || userId === undefined)
      throw new UsageError(`${file} row ${i + 2}: needs the columns viva and userId.`);
    return { viva, userId: userId === '' ? null : userId };
  });
}

function labelMapping(value: string | undefined) {
  if (!value) return undefined;
  return Object.fromEntries(
    value.split(',').map((pair) => {
      const [label, meaning] = pair.split('=');
      if (!label || !meaning) throw new UsageError(`--labels: "${pair}" is not Label=meaning.`);
      return [label.trim(), meaning.trim()];
    }),
  );
}

function summary(report: VivaImportReport, log: (line: string) => void) {
  const c = report.counts;
  log(`${report.dryRun ? 'Preview (nothing written)' : 'Imported'}:`);
  log(
    `  ${c.objectives} objectives, ${c.keyResults} key results, ${c.kpis} KPIs, ${c.checkIns} check-ins, ${c.comments} comments`,
  );
  for (const cy of report.cycles)
    log(`  period "${cy.period}" → ${cy.cycleId}${cy.exact ? '' : ' (contains it)'}: ${cy.items}`);
  for (const t of report.teams) log(`  team "${t.viva}" → ${t.teamId} (${t.match})`);
  for (const p of report.people.filter((x) => x.match === 'unmatched'))
    log(`  unmatched: ${p.viva} owns ${p.itemCount} item(s), imported ownerless and flagged`);
  for (const d of report.decisions) log(`  ${d.subject}: ${d.decision} (${d.count})`);
  for (const i of report.issues.slice(0, 50)) log(`  ${i.severity}: ${i.message}`);
  for (const s of report.skipped.slice(0, 50)) log(`  skipped ${s.source}: ${s.reason}`);
  if (!report.dryRun)
    log(`  written: ${JSON.stringify(report.written)} in ${report.batches} batches`);
}

const importLine = (r: VivaImportReport) =>
  `IMPORT ${JSON.stringify({
    objectives: r.counts.objectives,
    keyResults: r.counts.keyResults,
    checkIns: r.counts.checkIns,
    comments: r.counts.comments,
    cycles: r.counts.cycles,
    teams: r.counts.teams,
    people: r.counts.people,
    unmatchedPeople: r.counts.unmatchedPeople,
    skipped: r.counts.skipped,
    warnings: r.counts.warnings,
    written: r.counts.written,
  })}`;

async function main(argv: string[]): Promise<number> {
  const args = [...argv];
  const dryRun = args.includes('--dry-run');
  if (dryRun) args.splice(args.indexOf('--dry-run'), 1);
  const url = (option(args, 'url') ?? 'http://localhost:3978').replace(/\/$/, '');
  const people = option(args, 'people');
  const labels = labelMapping(option(args, 'labels'));
  const guardrails = option(args, 'guardrails');
  const token = option(args, 'token') ?? process.env.BEARING_ADMIN_TOKEN;
  const [source, target, ...rest] = args;
  if (source !== 'viva-goals' || !target || rest.length)
    throw new UsageError(
      'Usage: npm run import -- viva-goals <file-or-folder> [--dry-run] [--url …] [--people <csv>] [--labels A=objective,…] [--guardrails kpi] [--token …]',
    );
  const body = {
    files: exportFiles(target).map((f) => ({
      name: path.basename(f),
      data: fs.readFileSync(f).toString('base64'),
    })),
    ...(people ? { people: peopleMapping(people) } : {}),
    ...(labels ? { labels } : {}),
    ...(guardrails ? { guardrails } : {}),
  };
  const call = async (step: 'preview' | 'apply') => {
    const res = await fetch(`${url}/api/v1/admin/import/viva-goals/${step}`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        ...(token ? { authorization: `Bearer ${token}` } : {}),
      },
      body: JSON.stringify(body),
    });
    const json = (await res.json().catch(() => ({}))) as { error?: { message?: string } };
    if (!res.ok)
      throw new UsageError(`${step} failed (${res.status}): ${json.error?.message ?? ''}`);
    return json as VivaImportReport;
  };
  const preview = await call('preview');
  const log = (line: string) => process.stdout.write(`${line}\n`);
  summary(preview, log);
  if (dryRun || preview.counts.errors > 0) {
    if (preview.counts.errors > 0) log('Nothing was written: fix the errors above and run again.');
    log(importLine(preview));
    return preview.counts.errors > 0 ? 1 : 0;
  }
  const applied = await call('apply');
  summary(applied, log);
  log(importLine(applied));
  return 0;
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(error instanceof UsageError ? 2 : 1);
  },
);
