import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openStores } from '../bot/src/store';
import { createLogger } from '../bot/src/observability/logger';
import { option, percentile, report } from './report';

const TENANT = '00000000-0000-0000-0000-000000000001';

/**
 * `npm run bench -- store-writes [--writes 2000] [--save]`: acknowledged writes per second of the
 * local-mode store (embedded Cosmos with its persistence in a temporary data directory), one KPI
 * reading per write, one at a time and 16 at a time.
 */
export async function storeWrites(args: readonly string[]): Promise<void> {
  const writes = Number(option(args, 'writes') ?? 2000);
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'bearing-bench-writes-'));
  const stores = await openStores({ databaseId: 'bearing', dataDir, logger: createLogger('warn') });
  let seq = 0;
  const write = () =>
    stores.kpis.addReading({
      tenantId: TENANT,
      kpiId: `kpi-${seq % 8}`,
      id: `r${++seq}`,
      value: seq,
      at: new Date(Date.now() - seq * 1000).toISOString(),
      receivedAt: new Date().toISOString(),
      source: 'api',
    });
  const run = async (concurrency: number) => {
    const latency: number[] = [];
    let left = writes;
    const t0 = Date.now();
    await Promise.all(
      Array.from({ length: concurrency }, async () => {
        while (left > 0) {
          left -= 1;
          const t = performance.now();
          await write();
          latency.push(performance.now() - t);
        }
      }),
    );
    return { rate: writes / ((Date.now() - t0) / 1000), p99: percentile(latency, 99) };
  };
  try {
    const one = await run(1);
    const many = await run(16);
    report(
      'store-writes',
      [
        ['writes per run', writes],
        ['1 at a time', `${one.rate.toFixed(0)} writes/s (p99 ${one.p99.toFixed(1)} ms)`],
        ['16 at a time', `${many.rate.toFixed(0)} writes/s (p99 ${many.p99.toFixed(1)} ms)`],
      ],
      {
        serialWritesPerSecond: Math.round(one.rate),
        concurrentWritesPerSecond: Math.round(many.rate),
        serialP99Ms: Number(one.p99.toFixed(1)),
        concurrentP99Ms: Number(many.p99.toFixed(1)),
      },
      args.includes('--save'),
    );
  } finally {
    await stores.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}
