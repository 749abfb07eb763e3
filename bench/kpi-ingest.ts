import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadConfig } from '../bot/src/config';
import { createLogger } from '../bot/src/observability/logger';
import { startServer } from '../bot/src/server';
import { option, percentile, report } from './report';

const TEAM = '00000000-0000-0000-0000-000000000031';

/**
 * `npm run bench -- kpi-ingest [--singles 1000] [--batches 20] [--concurrency 8] [--save]`:
 * the whole server in local mode (embedded store, demo data), readings posted over HTTP with an
 * ingestion key — batches of 1 and of 500 — and the delay from a breaching reading to its alert
 * jobs being stored (they are enqueued inside the ingestion request).
 */
export async function kpiIngest(args: readonly string[]): Promise<void> {
  const singles = Number(option(args, 'singles') ?? 1000);
  const batches = Number(option(args, 'batches') ?? 20);
  const concurrency = Number(option(args, 'concurrency') ?? 8);
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'bearing-bench-kpi-'));
  const config = loadConfig({
    PORT: '0',
    BEARING_DATA_DIR: dataDir,
    BEARING_JOBS: 'off',
    LOG_LEVEL: 'warn',
  });
  const server = await startServer(config, createLogger(config.logLevel));
  const api = `${server.url}/api/v1`;
  const post = async (url: string, body: unknown, key?: string) => {
    const res = await fetch(url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        ...(key ? { authorization: `Bearer ${key}` } : {}),
      },
      body: JSON.stringify(body),
    });
    if (res.status >= 300) throw new Error(`${url}: ${res.status} ${await res.text()}`);
    return res.json() as Promise<Record<string, unknown>>;
  };
  const { secret } = (await post(`${api}/teams/${TEAM}/ingestion-keys`, { name: 'bench' })) as {
    secret: string;
  };
  // A healthy KPI of our own, so the breach measurement starts from a closed episode.
  const kpi = (await post(`${api}/teams/${TEAM}/kpis`, {
    name: 'Bench latency',
    formula: 'p95 ms',
    dataSource: 'bench',
    updateFrequency: 'hourly',
    unit: 'ms',
    direction: 'lowerIsBetter',
    target: { max: 200 },
    warningMargin: 10,
    ownerId: '00000000-0000-0000-0000-000000000020',
  })) as { id: string };
  const t0 = Date.now() - 400 * 86_400_000;
  let seq = 0;
  const reading = (value = 100) => ({
    id: `r${++seq}`,
    value,
    at: new Date(t0 + seq * 1000).toISOString(),
  });

  // Batches of 1, `concurrency` at a time.
  const singleLatency: number[] = [];
  let next = 0;
  const s0 = Date.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < singles) {
        next += 1;
        const t = Date.now();
        await post(`${api}/kpis/${kpi.id}/readings`, reading(), secret);
        singleLatency.push(Date.now() - t);
      }
    }),
  );
  const singleRate = singles / ((Date.now() - s0) / 1000);

  // Batches of 500, one at a time.
  const batchLatency: number[] = [];
  const b0 = Date.now();
  for (let i = 0; i < batches; i += 1) {
    const t = Date.now();
    await post(
      `${api}/kpis/readings:batch`,
      { readings: Array.from({ length: 500 }, () => ({ ...reading(), kpiId: kpi.id })) },
      secret,
    );
    batchLatency.push(Date.now() - t);
  }
  const batchRate = (batches * 500) / ((Date.now() - b0) / 1000);

  // A breaching reading "now": the alert jobs exist when the response arrives.
  const a0 = Date.now();
  const breach = await post(
    `${api}/kpis/${kpi.id}/readings`,
    { id: 'breach', value: 900, at: new Date().toISOString() },
    secret,
  );
  const alertMs = Date.now() - a0;
  await server.stop();
  fs.rmSync(dataDir, { recursive: true, force: true });
  if (breach.alertsEnqueued === 0) throw new Error('the breaching reading enqueued no alert');

  report(
    'kpi-ingest',
    [
      ['batch of 1: readings', singles],
      ['batch of 1: concurrency', concurrency],
      ['batch of 1: throughput', `${singleRate.toFixed(0)} readings/s`],
      [
        'batch of 1: p50 / p99',
        `${percentile(singleLatency, 50)} / ${percentile(singleLatency, 99)} ms`,
      ],
      ['batch of 500: batches', batches],
      ['batch of 500: throughput', `${batchRate.toFixed(0)} readings/s`],
      [
        'batch of 500: p50 / p99',
        `${percentile(batchLatency, 50)} / ${percentile(batchLatency, 99)} ms`,
      ],
      ['reading → alert enqueued', `${alertMs} ms (${String(breach.alertsEnqueued)} jobs)`],
    ],
    {
      singleReadingsPerSecond: Math.round(singleRate),
      batchReadingsPerSecond: Math.round(batchRate),
      singleP99Ms: percentile(singleLatency, 99),
      batchP99Ms: percentile(batchLatency, 99),
      readingToAlertMs: alertMs,
    },
    args.includes('--save'),
  );
}
