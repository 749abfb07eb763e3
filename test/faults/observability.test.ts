import { createLogger } from '../../bot/src/observability/logger';
import { correlationId, withCorrelation } from '../../bot/src/observability/context';
import { startTelemetry, withSpan } from '../../bot/src/observability/telemetry';
import { CONTAINERS } from '../../bot/src/store/containers';
import { startHarness, type Harness } from './harness';

// Logs, correlation ids and readiness: what an operator relies on when something goes wrong.
function capture() {
  const lines: { line: Record<string, unknown>; isError: boolean }[] = [];
  const logger = createLogger('debug', (line, isError) =>
    lines.push({ line: JSON.parse(line) as Record<string, unknown>, isError }),
  );
  return { logger, lines };
}

it('writes one JSON object per line with time, level and message; warn/error go to stderr', () => {
  const { logger, lines } = capture();
  logger.info('started', { port: 3978 });
  logger.error('failed', { error: 'TypeError' });
  expect(lines[0].line).toMatchObject({ level: 'info', message: 'started', port: 3978 });
  expect(typeof lines[0].line.time).toBe('string');
  expect(lines.map((l) => l.isError)).toEqual([false, true]);
});

it('never writes tokens, authorization headers or personal free text', () => {
  const { logger, lines } = capture();
  const jwt = 'eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ4In0.c2lnbmF0dXJl';
  logger.warn(`rejected Bearer ${jwt}`, {
    authorization: `Bearer ${jwt}`,
    accessToken: jwt,
    ingestionKey: 'bk_secret',
    whatChanged: 'my manager is on leave',
    name: 'Alex Wilber',
    detail: `header was Bearer ${jwt}`,
    team: 'team-1',
  });
  const text = JSON.stringify(lines);
  for (const secret of [jwt, 'bk_secret', 'on leave', 'Alex Wilber'])
    expect(text).not.toContain(secret);
  expect(lines[0].line).toMatchObject({ team: 'team-1', authorization: '[redacted]' });
});

it('stamps every line of one unit of work with its correlation id', async () => {
  const { logger, lines } = capture();
  await withCorrelation('turn-42', async () => {
    await withSpan('work', {}, async () => logger.info('inside'));
  });
  logger.info('outside');
  withCorrelation('bad id with spaces\n', () => logger.info('unsafe'));
  expect(lines[0].line.correlationId).toBe('turn-42');
  expect(lines[1].line.correlationId).toBeUndefined();
  expect(lines[2].line.correlationId).toMatch(/^[0-9a-f-]{36}$/);
  expect(correlationId()).toBeUndefined();
});

it('exports telemetry only when an Application Insights connection string is set', async () => {
  expect(await startTelemetry(undefined)).toBe(false);
  // Without the exporter the OpenTelemetry API is a no-op; spans still run the work and rethrow.
  await expect(
    withSpan('failing', {}, async () => Promise.reject(new TypeError('x'))),
  ).rejects.toThrow(TypeError);
});

describe('over HTTP', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(async () => {
    await h?.stop();
  });

  it('echoes a safe X-Correlation-Id and mints one otherwise', async () => {
    const given = await fetch(`${h.url}/healthz`, { headers: { 'x-correlation-id': 'req-7' } });
    expect(given.headers.get('x-correlation-id')).toBe('req-7');
    const minted = await fetch(`${h.url}/healthz`, { headers: { 'x-correlation-id': '<x>' } });
    expect(minted.headers.get('x-correlation-id')).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('/readyz is 503 JSON while a due delivery has waited too long, 200 once it is gone', async () => {
    expect((await fetch(`${h.url}/readyz`)).status).toBe(200);
    const deliveries = h.stores.database.container(CONTAINERS.deliveries.id);
    const notBefore = new Date(Date.now() - 60 * 60_000).toISOString();
    const pk = 'tenant-r|team-r';
    await deliveries.items.create({
      id: 'stuck',
      pk,
      type: 'delivery',
      tenantId: 'tenant-r',
      data: { status: 'pending', notBefore },
    });
    const stalled = await fetch(`${h.url}/readyz`);
    expect(stalled.status).toBe(503);
    const body = (await stalled.json()) as Record<string, unknown>;
    expect(body).toMatchObject({
      status: 'unavailable',
      checks: { store: 'ok', deliveryBacklog: 'stalled' },
    });
    expect(body.deliveryBacklogAgeSeconds).toBeGreaterThanOrEqual(3600);
    await deliveries.item('stuck', pk).delete();
    expect((await fetch(`${h.url}/readyz`)).status).toBe(200);
  });
});
