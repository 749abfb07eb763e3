import express from 'express';
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import fs from 'node:fs';
import JSZip from 'jszip';
import { schemas } from '@bearing/core';
import { runVivaImport } from '../../../bot/src/features/viva-import/run-import';
import { vivaImportRouter } from '../../../bot/src/features/viva-import/routes';
import { CALLER } from '../../../bot/src/http/identity';
import { errorHandler } from '../../../bot/src/http/errors';
import { memoryLogger } from '../../support/embedded-store';
import { startHarness, type Harness } from '../../faults/harness';
import { FABRIKAM_DIR, fabrikamZip, fileOf } from '../../support/viva-fixtures';

// What a Viva Goals import refuses, each with a clear message in the preview, and never a write.
const PREVIEW = '/api/v1/admin/import/viva-goals/preview';
const APPLY = '/api/v1/admin/import/viva-goals/apply';
const OBJECTIVES = 'objectives_export_file_4242_77_Organization_4242_20251201093000.json';

let h: Harness;
beforeAll(async () => {
  h = await startHarness({ now: () => new Date('2025-11-20T17:00:00Z') });
}, 60_000);
afterAll(() => h?.stop());

async function post(path: string, body: unknown, base = h.url) {
  const res = await fetch(`${base}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

/** Preview and apply of `files`: the preview names the problem, the apply is a 400, nothing written. */
async function refused(files: { name: string; data: string }[], code: string, message: RegExp) {
  const before = await h.contents();
  const preview = await post(PREVIEW, { files });
  expect(preview.status).toBe(200);
  const report = schemas.vivaImportReport.parse(preview.body);
  const errors = report.issues.filter((i) => i.severity === 'error');
  expect(errors.map((e) => e.code)).toContain(code);
  expect(errors.find((e) => e.code === code)!.message).toMatch(message);
  const apply = await post(APPLY, { files });
  expect(apply.status).toBe(400);
  expect(apply.body).toMatchObject({ error: { code: 'VALIDATION.FAILED', field: 'files' } });
  expect((apply.body.error as { message: string }).message).toMatch(/Nothing was written/);
  expect(await h.contents()).toBe(before);
}

it('refuses a zip bomb before inflating it', async () => {
  const zip = new JSZip();
  zip.file(OBJECTIVES, Buffer.alloc(170 * 1024 * 1024, 0x20));
  const bomb = await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
  expect(bomb.length).toBeLessThan(1024 * 1024);
  await refused([fileOf('bomb.zip', bomb)], 'zip.refused', /uncompress to more than 160 MB/);
  // Deflating 170 MB in JavaScript takes 5 s on a quiet core and over 20 s on a busy one.
}, 120_000);

it('refuses a zip with more entries than an export has', async () => {
  const zip = new JSZip();
  for (let i = 0; i < 60; i += 1) zip.file(`part-${i}.json`, '[]');
  const many = await zip.generateAsync({ type: 'nodebuffer' });
  await refused([fileOf('many.zip', many)], 'zip.refused', /60 entries/);
});

it('refuses files of another tool', async () => {
  const jira = 'Issue key,Summary,Status\nPROJ-1,"Fix, the thing",Done\n';
  await refused([fileOf('jira.csv', jira)], 'file.unknown', /not a Viva Goals Explorer export/);
  const trello = JSON.stringify({ boards: [{ id: 1 }] });
  await refused([fileOf('export.json', trello)], 'file.unknown', /not a Viva Goals export file/);
  const png = Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex');
  await refused([fileOf('chart.png', png)], 'file.unknown', /binary file/);
});

it('refuses text that is not UTF-8, and damaged CSV, saying how to fix it', async () => {
  const latin1 = Buffer.from('Title,Object Type\nCaf\xe9 cr\xe8me,Objective\n', 'latin1');
  await refused([fileOf('latin1.csv', latin1)], 'file.encoding', /CSV UTF-8/);
  const open = 'Title,Object Type\n"Never closed,Objective\n';
  await refused([fileOf('open.csv', open)], 'csv.malformed', /quoted cell is never closed/);
});

it('refuses ids that collide across files of different exports', async () => {
  const other = JSON.parse(fs.readFileSync(`${FABRIKAM_DIR}/${OBJECTIVES}`, 'utf8')) as {
    ID: number;
    Title: string;
  }[];
  other[0]!.Title = 'Another organisation’s objective';
  const zip = await fabrikamZip();
  await refused(
    [
      fileOf('fabrikam.zip', zip),
      fileOf(OBJECTIVES.replace('4242', '5353'), JSON.stringify(other)),
    ],
    'id.collision',
    /item id 1001 is used by two different records/,
  );
});

it('answers a body over the limit with 413 and a clear message, and bad requests with 400', async () => {
  const huge = await post(PREVIEW, {
    files: [{ name: 'x.csv', data: 'A'.repeat(57 * 1024 * 1024) }],
  });
  expect(huge.status).toBe(413);
  expect(huge.body).toMatchObject({ error: { code: 'HTTP.BODY_TOO_LARGE' } });
  expect((huge.body.error as { message: string }).message).toMatch(/larger than 40 MB of files/);
  expect((await post(PREVIEW, '{"files": [')).status).toBe(400);
  const none = await post(PREVIEW, { files: [] });
  expect(none).toMatchObject({ status: 400, body: { error: { field: 'files' } } });
  const extra = await post(PREVIEW, { files: [fileOf('a.csv', 'x')], dropTables: true });
  expect(extra.status).toBe(400);
});

it('is for admins only', async () => {
  const app = express();
  app.use((_req, res, next) => {
    res.locals[CALLER] = { tenantId: 'tenant-x', userId: 'member-y', source: 'sso', roles: [] };
    next();
  });
  app.use('/api/v1/admin/import', vivaImportRouter(h.stores, memoryLogger()));
  app.use(errorHandler(memoryLogger()));
  const server: Server = await new Promise((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
  });
  try {
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const res = await post(PREVIEW, { files: [fileOf('a.csv', 'x')] }, base);
    expect(res).toMatchObject({ status: 403, body: { error: { code: 'AUTH.FORBIDDEN' } } });
  } finally {
    server.close();
  }
});

it('finishes an import that crashed half-way when run again', async () => {
  const request = { files: [fileOf('fabrikam.zip', await fabrikamZip())] };
  const now = new Date('2025-11-20T17:00:00Z');
  const complete = await runVivaImport(h.stores, 'tenant-clean', request, false, now);
  let saves = 0;
  const crashing = {
    ...h.stores,
    okrs: Object.assign(Object.create(h.stores.okrs) as typeof h.stores.okrs, {
      saveKeyResult: (...args: Parameters<typeof h.stores.okrs.saveKeyResult>) => {
        saves += 1;
        if (saves > 3) throw new Error('the process died');
        return h.stores.okrs.saveKeyResult(...args);
      },
    }),
  };
  await expect(runVivaImport(crashing, 'tenant-crash', request, false, now)).rejects.toThrow(
    'the process died',
  );
  const resumed = await runVivaImport(h.stores, 'tenant-crash', request, false, now);
  const total = complete.report.counts.written;
  expect(total).toBeGreaterThan(10);
  expect(resumed.report.counts.written).toBeGreaterThan(0);
  expect(resumed.report.counts.written).toBeLessThan(total);
  const again = await runVivaImport(h.stores, 'tenant-crash', request, false, now);
  expect(again.report.counts.written).toBe(0);
  const ids = async (tenant: string) =>
    (await h.stores.okrs.listTenantObjectives(tenant, ['FY2026-Q2'])).items.map((o) => o.id).sort();
  expect(await ids('tenant-crash')).toEqual(await ids('tenant-clean'));
});
