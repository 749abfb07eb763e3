import { startInProcess } from '../../support/in-process-server';

// Reading ingestion over HTTP against the seeded demo team, in local mode (the tab API answers the
// loopback caller as Alex Wilber, owner of "My Team"; ingestion itself needs an ingestion key).
const TEAM = '00000000-0000-0000-0000-000000000031';
type Server = Awaited<ReturnType<typeof startInProcess>>;
let server: Server;
let key: string;

beforeAll(async () => {
  server = await startInProcess({ BEARING_JOBS: 'off' });
  const created = await api('POST', `/teams/${TEAM}/ingestion-keys`, { name: 'HR export' });
  expect(created.status).toBe(201);
  key = created.body.secret as string;
});
afterAll(async () => server?.stop());

async function api(
  method: string,
  path: string,
  body?: unknown,
  headers: Record<string, string> = {},
  raw?: string,
): Promise<{ status: number; body: Record<string, unknown> }> {
  const res = await fetch(`${server.url}/api/v1${path}`, {
    method,
    headers: {
      ...(body !== undefined || raw !== undefined ? { 'content-type': 'application/json' } : {}),
      ...headers,
    },
    body: raw ?? (body === undefined ? undefined : JSON.stringify(body)),
  });
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : {} };
}
const ingest = (path: string, body: unknown, k: string | null = key, raw?: string) =>
  api('POST', path, body, k ? { authorization: `Bearer ${k}` } : {}, raw);
const turnover = async () => {
  const view = await api('GET', `/teams/${TEAM}/alignment`);
  return (view.body.kpis as { id: string; lastReading?: { value: number; at: string } }[]).find(
    (k) => k.id === 'kpi-turnover',
  );
};
const hoursAgo = (h: number) => new Date(Date.now() - h * 3_600_000).toISOString();

describe('ingestion keys', () => {
  it('are shown once, listed by prefix only, and never stored in clear', async () => {
    expect(key).toMatch(/^bk_[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]{43}$/);
    const list = await api('GET', `/teams/${TEAM}/ingestion-keys`);
    expect(list.status).toBe(200);
    const keys = list.body as unknown as { prefix: string; name: string }[];
    expect(keys.map((k) => k.name)).toContain('HR export');
    expect(JSON.stringify(keys)).not.toContain(key.split('.')[2]);
    expect(key.startsWith(keys[0]!.prefix)).toBe(true);
    expect(server.logs.join('\n')).not.toContain(key.split('.')[2]);
  });

  it.each([
    ['no key', null],
    ['a malformed key', 'nope'],
    ['a key with a wrong secret', () => key.replace(/.$/, (c) => (c === 'A' ? 'B' : 'A'))],
    [
      'a key of another tenant',
      () => key.replace(/\.[^.]+\./, `.${Buffer.from(`other|${TEAM}`).toString('base64url')}.`),
    ],
  ])('reject %s with 401 JSON and store nothing', async (_n, k) => {
    const presented = typeof k === 'function' ? k() : k;
    const res = await ingest(
      '/kpis/kpi-turnover/readings',
      { value: 99, at: hoursAgo(0) },
      presented,
    );
    expect(res.status).toBe(401);
    expect(res.body).toMatchObject({ error: { code: 'AUTH.UNAUTHENTICATED' } });
    expect((await turnover())?.lastReading?.value).not.toBe(99);
  });

  it('stop working once revoked', async () => {
    const created = await api('POST', `/teams/${TEAM}/ingestion-keys`, { name: 'temporary' });
    const temp = created.body.secret as string;
    expect(
      (await ingest('/kpis/kpi-turnover/readings', { value: 12, at: hoursAgo(900) }, temp)).status,
    ).toBe(201);
    const revoked = await api(
      'DELETE',
      `/teams/${TEAM}/ingestion-keys/${created.body.id as string}`,
    );
    expect(revoked.status).toBe(200);
    expect(revoked.body.revokedAt).toEqual(expect.any(String));
    expect(
      (await ingest('/kpis/kpi-turnover/readings', { value: 12, at: hoursAgo(899) }, temp)).status,
    ).toBe(401);
  });
});

describe('readings', () => {
  it('are idempotent on the reading id and on the timestamp', async () => {
    const at = hoursAgo(2);
    const first = await ingest('/kpis/kpi-turnover/readings', {
      id: 'hr-2026-11',
      value: 11.9,
      at,
    });
    expect(first).toMatchObject({ status: 201, body: { accepted: 1, duplicates: 0 } });
    const retry = await ingest('/kpis/kpi-turnover/readings', {
      id: 'hr-2026-11',
      value: 11.9,
      at,
    });
    expect(retry).toMatchObject({
      status: 200,
      body: { accepted: 0, duplicates: 1, conflicts: [] },
    });
    const byTime = { value: 11.8, at: hoursAgo(1) };
    expect((await ingest('/kpis/kpi-turnover/readings', byTime)).body).toMatchObject({
      accepted: 1,
    });
    expect((await ingest('/kpis/kpi-turnover/readings', byTime)).body).toMatchObject({
      duplicates: 1,
    });
    expect((await turnover())?.lastReading).toEqual({ value: 11.8, at: byTime.at });
  });

  it('keep the first value sent under an id and report a different one as a conflict', async () => {
    const at = hoursAgo(30);
    const first = { id: 'hr-conflict', value: 11.9, at };
    expect((await ingest('/kpis/kpi-turnover/readings', first)).status).toBe(201);
    // One reading: a 409 naming the value kept.
    const changed = await ingest('/kpis/kpi-turnover/readings', { ...first, value: 12.5 });
    expect(changed).toMatchObject({
      status: 409,
      body: {
        error: {
          code: 'STORE.CONFLICT',
          field: 'id',
          message: expect.stringContaining('11.9'),
        },
      },
    });
    // A batch: the new reading is accepted, the changed one is reported, the same one is a retry.
    const batch = await ingest('/kpis/readings:batch', {
      readings: [
        { kpiId: 'kpi-turnover', id: 'hr-conflict-new', value: 12, at: hoursAgo(29) },
        { kpiId: 'kpi-turnover', ...first, value: 13 },
        { kpiId: 'kpi-turnover', ...first },
      ],
    });
    expect(batch).toMatchObject({ status: 201 });
    expect(batch.body).toEqual({
      accepted: 1,
      duplicates: 2,
      conflicts: [
        {
          kpiId: 'kpi-turnover',
          id: 'hr-conflict',
          kept: { value: 11.9, at: new Date(at).toISOString() },
          rejected: { value: 13, at: new Date(at).toISOString() },
        },
      ],
      alertsEnqueued: expect.any(Number),
    });
  });

  it('keep the first of two readings under one new id in the same batch (its readings are written in parallel)', async () => {
    const at = hoursAgo(31);
    const readings = [
      ...Array.from({ length: 20 }, (_, i) => ({
        kpiId: 'kpi-turnover',
        id: `hr-parallel-${i}`,
        value: 10 + i / 10,
        at,
      })),
      { kpiId: 'kpi-turnover', id: 'hr-parallel-3', value: 99, at },
    ];
    const res = await ingest('/kpis/readings:batch', { readings });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      accepted: 20,
      duplicates: 1,
      conflicts: [{ id: 'hr-parallel-3', kept: { value: 10.3 }, rejected: { value: 99 } }],
    });
  });

  it('places late readings in time without taking them as the latest value', async () => {
    const res = await ingest('/kpis/readings:batch', {
      readings: [{ kpiId: 'kpi-turnover', value: 13, at: hoursAgo(48) }],
    });
    expect(res).toMatchObject({ status: 201, body: { accepted: 1 } });
    expect((await turnover())?.lastReading?.value).toBe(11.8);
  });

  it('accepts a batch of 500 and refuses 501', async () => {
    const readings = (n: number) =>
      Array.from({ length: n }, (_, i) => ({
        kpiId: 'kpi-turnover',
        id: `bulk-${n}-${i}`,
        value: 11 + (i % 5) / 10,
        at: hoursAgo(2000 + i),
      }));
    expect((await ingest('/kpis/readings:batch', { readings: readings(500) })).body).toMatchObject({
      accepted: 500,
    });
    const tooMany = await ingest('/kpis/readings:batch', { readings: readings(501) });
    expect(tooMany.status).toBe(400);
    expect(tooMany.body).toMatchObject({ error: { code: 'VALIDATION.FAILED', field: 'readings' } });
  });

  it.each([
    ['a value that is a string', { value: '12', at: hoursAgo(3) }, 400, 'value'],
    ['a value that is null', { value: null, at: hoursAgo(3) }, 400, 'value'],
    ['a timestamp that is not ISO 8601', { value: 1, at: 'yesterday' }, 400, 'at'],
    ['a timestamp a day in the future', { value: 1, at: hoursAgo(-24) }, 400, 'at'],
    ['a timestamp in the year 0000', { value: 1, at: '0000-01-01T00:00:00Z' }, 400, 'at'],
    ['a timestamp before 2000', { value: 1, at: '1999-12-31T23:59:59Z' }, 400, 'at'],
    ['an unknown field', { value: 1, at: hoursAgo(3), unit: '%' }, 400, undefined],
  ])('reject %s with a 4xx JSON error and write nothing', async (_n, body, status, field) => {
    const before = await turnover();
    const res = await ingest('/kpis/kpi-turnover/readings', body);
    expect(res.status).toBe(status);
    expect(res.body).toMatchObject({ error: { code: 'VALIDATION.FAILED' } });
    if (field) expect((res.body.error as { field?: string }).field).toBe(field);
    expect(await turnover()).toEqual(before);
  });

  it('names the reading of a batch dated before 2000 and writes none of the batch', async () => {
    const before = await turnover();
    const res = await ingest('/kpis/readings:batch', {
      readings: [
        { kpiId: 'kpi-turnover', id: 'ok-2026', value: 40, at: hoursAgo(5) },
        { kpiId: 'kpi-turnover', id: 'year-zero', value: 41, at: '0000-06-01T00:00:00Z' },
      ],
    });
    expect(res).toMatchObject({
      status: 400,
      body: {
        error: {
          code: 'VALIDATION.FAILED',
          field: 'readings.1.at',
          message: expect.stringContaining('2000-01-01'),
        },
      },
    });
    expect(await turnover()).toEqual(before);
  });

  it('rejects non-finite numbers, unknown KPIs, bad JSON and oversized bodies', async () => {
    const inf = await ingest(
      '/kpis/kpi-turnover/readings',
      undefined,
      key,
      `{"value":1e999,"at":"${hoursAgo(3)}"}`,
    );
    expect(inf).toMatchObject({ status: 400, body: { error: { field: 'value' } } });
    const unknown = await ingest('/kpis/kpi-nope/readings', { value: 1, at: hoursAgo(3) });
    expect(unknown).toMatchObject({ status: 404, body: { error: { code: 'HTTP.NOT_FOUND' } } });
    const broken = await ingest('/kpis/kpi-turnover/readings', undefined, key, '{"value":');
    expect(broken).toMatchObject({ status: 400, body: { error: { code: 'HTTP.MALFORMED_JSON' } } });
    const huge = await ingest(
      '/kpis/readings:batch',
      undefined,
      key,
      JSON.stringify({ readings: [], pad: 'x'.repeat(300_000) }),
    );
    expect(huge).toMatchObject({ status: 413, body: { error: { code: 'HTTP.BODY_TOO_LARGE' } } });
  });
});

describe('CSV upload', () => {
  const path = `/teams/${TEAM}/kpis/kpi-turnover/readings/csv`;
  const csv = [
    'at,value,id',
    '2026-01-31,14.2,jan',
    '2026-02-28,not-a-number,feb',
    'last tuesday,13.9,mar',
    '2099-01-01,13,future',
    '0000-01-01,13,zero',
    '2026-04-30,13.5,apr',
  ].join('\n');

  it('previews every bad row by line and imports nothing, even when asked to confirm', async () => {
    for (const confirm of [false, true]) {
      const res = await api('POST', path, { csv, confirm });
      expect(res.status).toBe(200);
      expect(res.body).toEqual({
        valid: 2,
        imported: 0,
        errors: [
          { line: 3, code: 'reading.value', message: '"not-a-number" is not a number.' },
          {
            line: 4,
            code: 'reading.time',
            message: expect.stringContaining('is not a date and time'),
          },
          { line: 5, code: 'reading.time', message: '2099-01-01 is in the future.' },
          { line: 6, code: 'reading.time', message: expect.stringContaining('2000-01-01') },
        ],
        errorCount: 4,
        errorCounts: { 'reading.value': 1, 'reading.time': 3 },
        conflicts: [],
        conflictCount: 0,
      });
    }
  });

  it('imports a clean file once confirmed, and a re-upload adds nothing', async () => {
    const clean = 'timestamp,value\n2026-05-31,13.4\n2026-06-30,13.2\n';
    expect((await api('POST', path, { csv: clean })).body).toEqual({
      valid: 2,
      imported: 0,
      errors: [],
      errorCount: 0,
      errorCounts: {},
      conflicts: [],
      conflictCount: 0,
    });
    expect((await api('POST', path, { csv: clean, confirm: true })).body).toEqual({
      valid: 2,
      imported: 2,
      errors: [],
      errorCount: 0,
      errorCounts: {},
      conflicts: [],
      conflictCount: 0,
    });
    expect((await api('POST', path, { csv: clean, confirm: true })).body).toMatchObject({
      imported: 0,
      conflicts: [],
      conflictCount: 0,
    });
    // The same file with a corrected value: nothing overwritten, and the upload says so.
    const changed = clean.replace('13.2', '12.0');
    expect((await api('POST', path, { csv: changed, confirm: true })).body).toMatchObject({
      imported: 0,
      conflictCount: 1,
      conflicts: [
        {
          kpiId: 'kpi-turnover',
          id: 'at-2026-06-30T00:00:00.000Z',
          kept: { value: 13.2, at: '2026-06-30T00:00:00.000Z' },
          rejected: { value: 12, at: '2026-06-30T00:00:00.000Z' },
        },
      ],
    });
  });

  it('shows the first 100 bad rows of a large file and counts all of them by code', async () => {
    const rows = Array.from({ length: 5_000 }, (_, i) =>
      i % 2
        ? `2026-01-01T00:00:${String(i % 60).padStart(2, '0')}Z,n/a,r${i}`
        : `yesterday,1,r${i}`,
    );
    const res = await api('POST', path, { csv: ['at,value,id', ...rows].join('\n') });
    expect(res.status).toBe(200);
    expect(JSON.stringify(res.body).length).toBeLessThan(20_000);
    expect(res.body).toMatchObject({
      valid: 0,
      imported: 0,
      errorCount: 5_000,
      errorCounts: { 'reading.time': 2_500, 'reading.value': 2_500 },
    });
    expect(res.body.errors).toHaveLength(100);
  });

  it('needs a header naming the columns', async () => {
    const res = await api('POST', path, { csv: '2026-05-31,13.4' });
    expect(res.body).toMatchObject({ valid: 0, errors: [{ line: 1 }] });
  });
});

describe('KPI definitions', () => {
  it('creates, edits and archives a KPI; stale edits conflict', async () => {
    const created = await api('POST', `/teams/${TEAM}/kpis`, {
      name: 'Deployment time',
      formula: 'median minutes from merge to production',
      dataSource: 'CI',
      updateFrequency: 'daily',
      unit: 'min',
      direction: 'lowerIsBetter',
      target: { max: 30 },
      warningMargin: 5,
      ownerId: '00000000-0000-0000-0000-000000000020',
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ name: 'Deployment time', status: 'noData' });
    const id = created.body.id as string;
    const edited = await api('PATCH', `/teams/${TEAM}/kpis/${id}`, {
      etag: created.body.etag,
      target: { max: 20 },
    });
    expect(edited).toMatchObject({ status: 200, body: { target: { max: 20 } } });
    const stale = await api('PATCH', `/teams/${TEAM}/kpis/${id}`, {
      etag: created.body.etag,
      name: 'Lead time',
    });
    expect(stale.status).toBe(409);
    const archived = await api('PATCH', `/teams/${TEAM}/kpis/${id}`, {
      etag: edited.body.etag,
      status: 'archived',
    });
    expect(archived.status).toBe(200);
    const view = await api('GET', `/teams/${TEAM}/alignment`);
    expect((view.body.kpis as { id: string }[]).map((k) => k.id)).not.toContain(id);
  });

  it('rejects an inverted range and an owner from outside the team', async () => {
    const base = {
      name: 'X',
      formula: 'f',
      dataSource: 'd',
      updateFrequency: 'weekly',
      unit: '%',
      direction: 'withinRange',
      ownerId: '00000000-0000-0000-0000-000000000020',
    };
    const inverted = await api('POST', `/teams/${TEAM}/kpis`, {
      ...base,
      target: { min: 5, max: 1 },
    });
    expect(inverted).toMatchObject({ status: 400, body: { error: { code: 'VALIDATION.FAILED' } } });
    const stranger = await api('POST', `/teams/${TEAM}/kpis`, {
      ...base,
      target: { min: 1, max: 5 },
      ownerId: 'someone-else',
    });
    expect(stranger).toMatchObject({ status: 400, body: { error: { field: 'ownerId' } } });
  });
});
