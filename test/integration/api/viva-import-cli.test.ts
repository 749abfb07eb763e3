import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startHarness, type Harness } from '../../faults/harness';
import { REPO_ROOT } from '../../support/server-process';
import { FABRIKAM_DIR, NORTHWIND_CSV } from '../../support/viva-fixtures';

// `npm run import -- viva-goals …` against a running server (local mode: no token).
let h: Harness;
beforeAll(async () => {
  h = await startHarness({ now: () => new Date('2025-11-20T17:00:00Z') });
}, 60_000);
afterAll(() => h?.stop());

function cli(...args: string[]): Promise<{ code: number | null; out: string; err: string }> {
  return new Promise((resolve) => {
    const child = spawn(
      process.execPath,
      ['scripts/run-ts.js', 'scripts/import.ts', 'viva-goals', ...args, '--url', h.url],
      { cwd: REPO_ROOT, env: { ...process.env, BEARING_ADMIN_TOKEN: '' } },
    );
    let out = '';
    let err = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    child.on('close', (code) => resolve({ code, out, err }));
  });
}

/** The counts of the one `IMPORT {json}` line, which is the last line. */
function counts(out: string): Record<string, number> {
  const lines = out.trim().split('\n');
  expect(lines.filter((l) => l.startsWith('IMPORT ')).length).toBe(1);
  expect(lines[lines.length - 1]).toMatch(/^IMPORT \{/);
  return JSON.parse(lines[lines.length - 1]!.slice('IMPORT '.length)) as Record<string, number>;
}

it('previews with --dry-run (nothing written), imports a folder, and a second run writes nothing', async () => {
  const before = await h.contents();
  const dry = await cli(FABRIKAM_DIR, '--dry-run');
  expect(dry.code).toBe(0);
  expect(dry.out).toContain('Preview (nothing written)');
  expect(counts(dry.out)).toEqual({
    objectives: 6,
    keyResults: 8,
    checkIns: 7,
    comments: 2,
    cycles: 2,
    teams: 3,
    people: 4,
    unmatchedPeople: 2, // Jordan, and Adele: her roster entry has no e-mail here
    skipped: 7,
    warnings: expect.any(Number),
    written: 0,
  });
  expect(await h.contents()).toBe(before);

  const first = await cli(FABRIKAM_DIR);
  expect(first.code).toBe(0);
  expect(first.out).toContain('unmatched: Jordan Doe owns 2 item(s)');
  expect(counts(first.out).written).toBe(20);
  const second = await cli(FABRIKAM_DIR);
  expect(counts(second.out).written).toBe(0);
}, 60_000);

it('takes a people mapping and custom labels', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'viva-cli-'));
  const people = path.join(dir, 'people.csv');
  fs.writeFileSync(people, 'viva,userId\nSam Unknown,00000000-0000-0000-0000-000000000024\n');
  const res = await cli(
    NORTHWIND_CSV,
    '--people',
    people,
    '--labels',
    'Outcome=keyResult,Chore=task',
  );
  expect(res.code).toBe(2);
  expect(res.err).toMatch(/preview failed \(400\)/);
  const ok = await cli(
    NORTHWIND_CSV,
    '--people',
    people,
    '--labels',
    'Outcome=keyResult,Chore=objective',
  );
  expect(ok.code).toBe(0);
  expect(counts(ok.out)).toMatchObject({ objectives: 2, keyResults: 3, unmatchedPeople: 0 });
}, 60_000);

it('refuses a 200 MB CSV before sending it, with a clear message', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'viva-cli-'));
  const big = path.join(dir, 'huge.csv');
  const row = `${'x'.repeat(1000)},Objective\n`;
  const fd = fs.openSync(big, 'w');
  fs.writeSync(fd, 'Title,Object Type\n');
  for (let i = 0; i < 210; i += 1) fs.writeSync(fd, row.repeat(1024));
  fs.closeSync(fd);
  expect(fs.statSync(big).size).toBeGreaterThan(200 * 1024 * 1024);
  try {
    const res = await cli(big);
    expect(res.code).toBe(2);
    expect(res.err).toMatch(/huge\.csv makes 2\d\d MB; at most 40 MB can be imported at once/);
    expect(res.out).not.toContain('IMPORT');
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}, 60_000);
