import express from 'express';
import fs from 'node:fs';
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { parse } from 'csv-parse/sync';
import { schemas, type VivaImportStreamLine } from '@bearing/core';
import { vivaImportRouter } from '../../../bot/src/features/viva-import/routes';
import { CALLER } from '../../../bot/src/http/identity';
import { errorHandler } from '../../../bot/src/http/errors';
import { memoryLogger } from '../../support/embedded-store';
import { startHarness, type Harness } from '../../faults/harness';
import { NORTHWIND_CSV, fabrikamZip, fileOf } from '../../support/viva-fixtures';

// What the tab's "Import from Viva Goals" page needs of the API beyond preview and apply: the
// apply's progress as a stream, the report as CSV, what to pick from, and who is an admin.
const BASE = '/api/v1/admin/import/viva-goals';
const MEGAN = '00000000-0000-0000-0000-000000000021';

let h: Harness;
beforeAll(async () => {
  h = await startHarness({ now: () => new Date('2025-11-20T17:00:00Z') });
}, 60_000);
afterAll(() => h?.stop());

const post = (path: string, body: unknown, headers: Record<string, string> = {}, base = h.url) =>
  fetch(`${base}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });

const NDJSON = { accept: 'application/x-ndjson' };
const lines = async (res: Response) =>
  (await res.text())
    .split('\n')
    .filter(Boolean)
    .map((l) => schemas.vivaImportStreamLine.parse(JSON.parse(l)) as VivaImportStreamLine);

it('tells the tab whether the caller is an admin (the local identity is)', async () => {
  const me = (await (await fetch(`${h.url}/api/v1/me`)).json()) as { isAdmin?: boolean };
  expect(me.isAdmin).toBe(true);
});

it('offers the members, installed teams and unknown labels to pick from', async () => {
  const csv = fs.readFileSync(NORTHWIND_CSV);
  const res = await post(`${BASE}/preview`, { files: [fileOf('northwind.csv', csv)] });
  const report = schemas.vivaImportReport.parse(await res.json());
  expect(report.choices?.members).toContainEqual({ userId: MEGAN, displayName: 'Megan Bowen' });
  expect(report.choices?.teams.map((t) => t.name)).toContain('My Team');
  expect(report.choices?.labels).toEqual(['Chore', 'Outcome']);
  const labelled = schemas.vivaImportReport.parse(
    await (
      await post(`${BASE}/preview`, {
        files: [fileOf('northwind.csv', csv)],
        labels: { Outcome: 'keyResult', Chore: 'ignore' },
      })
    ).json(),
  );
  expect(labelled.choices?.labels).toEqual([]);
});

it('streams the progress of an apply batch by batch, then the report; again, nothing written', async () => {
  const body = { files: [fileOf('fabrikam.zip', await fabrikamZip())] };
  const res = await post(`${BASE}/apply`, body, NDJSON);
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toMatch(/^application\/x-ndjson/);
  const got = await lines(res);
  const progress = got.flatMap((l) => ('progress' in l ? [l.progress] : []));
  const last = got.at(-1)!;
  expect('report' in last).toBe(true);
  const report = (last as { report: { counts: { written: number }; batches: number } }).report;
  expect(report.counts.written).toBe(20);
  // One line per written batch, counting up to the total.
  expect(progress).toHaveLength(report.batches);
  expect(progress.length).toBeGreaterThan(1);
  for (let i = 1; i < progress.length; i += 1)
    expect(progress[i]!.done).toBeGreaterThan(progress[i - 1]!.done);
  expect(progress.at(-1)!.done).toBe(progress.at(-1)!.total);

  const again = await lines(await post(`${BASE}/apply`, body, NDJSON));
  expect((again.at(-1) as { report: { counts: { written: number } } }).report.counts.written).toBe(
    0,
  );
  // Without the stream asked for, the answer is the report, as the CLI reads it.
  const plain = await post(`${BASE}/apply`, body);
  expect(plain.headers.get('content-type')).toMatch(/^application\/json/);
  expect(schemas.vivaImportReport.parse(await plain.json()).counts.written).toBe(0);
});

it('refuses files with errors with a 400 JSON error before any stream starts', async () => {
  const res = await post(
    `${BASE}/apply`,
    { files: [fileOf('a.zip', 'PK\u0003\u0004junk')] },
    NDJSON,
  );
  expect(res.status).toBe(400);
  expect(((await res.json()) as { error: { code: string } }).error.code).toBe('VALIDATION.FAILED');
});

it('turns a report into CSV, with formula-like titles made harmless', async () => {
  const body = { files: [fileOf('fabrikam.zip', await fabrikamZip())] };
  const report = schemas.vivaImportReport.parse(await (await post(`${BASE}/preview`, body)).json());
  report.people[0]!.items.push({ id: 'x', title: '=HYPERLINK("http://evil")' });
  report.skipped.push({ source: '=cmd|x', code: 'item.noPeriod', reason: 'No period.' });
  const res = await post(`${BASE}/report`, report);
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toMatch(/^text\/csv/);
  expect(res.headers.get('content-disposition')).toContain('viva-goals-preview-report.csv');
  const rows = parse(await res.text(), { bom: true }) as string[][];
  expect(rows[0]).toEqual(['section', 'name', 'value', 'detail']);
  expect(rows).toContainEqual(['count', 'objectives', '6', '']);
  expect(rows).toContainEqual([
    'cycle',
    'H1 2025/26',
    'FY2026',
    '1 item(s); the cycle that contains the period',
  ]);
  expect(rows.find((r) => r[0] === 'person' && r[1] === 'Jordan Doe')?.[3]).toMatch(
    /^unmatched; jordan@fabrikam\.example; 2 item\(s\)/,
  );
  expect(rows).toContainEqual(['skipped', 'item.noPeriod', "'=cmd|x", 'No period.']);
  expect(rows.some((r) => r.some((cell) => cell.startsWith('=')))).toBe(false);
  const bad = await post(`${BASE}/report`, { dryRun: 'yes' });
  expect(bad.status).toBe(400);
});

it('says in the stream when an apply stopped half-way, and applying again finishes it', async () => {
  let saves = 0;
  const crashing = {
    ...h.stores,
    okrs: Object.assign(Object.create(h.stores.okrs) as typeof h.stores.okrs, {
      saveKeyResult: (...args: Parameters<typeof h.stores.okrs.saveKeyResult>) => {
        saves += 1;
        if (saves > 3) throw new Error('the store went away');
        return h.stores.okrs.saveKeyResult(...args);
      },
    }),
  };
  const logger = memoryLogger();
  const serve = async (stores: typeof h.stores) => {
    const app = express();
    app.use((_req, res, next) => {
      res.locals[CALLER] = {
        tenantId: 'tenant-stream',
        userId: 'a',
        source: 'sso',
        roles: ['Bearing.Admin'],
      };
      next();
    });
    app.use('/api/v1/admin/import', vivaImportRouter(stores, logger));
    app.use(errorHandler(logger));
    const server: Server = await new Promise((resolve) => {
      const s = app.listen(0, '127.0.0.1', () => resolve(s));
    });
    return { server, base: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
  };
  const body = { files: [fileOf('fabrikam.zip', await fabrikamZip())] };
  const broken = await serve(crashing);
  const healthy = await serve(h.stores);
  try {
    const res = await post(`${BASE}/apply`, body, NDJSON, broken.base);
    expect(res.status).toBe(200);
    const got = await lines(res);
    expect(got.some((l) => 'progress' in l)).toBe(true);
    expect(got.at(-1)).toEqual({
      error: { code: 'IMPORT.INTERRUPTED', message: expect.stringMatching(/apply again/) },
    });
    const finished = await lines(await post(`${BASE}/apply`, body, NDJSON, healthy.base));
    const written = (finished.at(-1) as { report: { counts: { written: number } } }).report;
    expect(written.counts.written).toBeGreaterThan(0);
    expect(written.counts.written).toBeLessThan(20);
  } finally {
    broken.server.close();
    healthy.server.close();
  }
});
