import os from 'node:os';
import { openStores } from '../bot/src/store';
import { EMBEDDED_KEY } from '../bot/src/store/embedded/embedded-cosmos';
import { createBenchWorker } from './bench-worker';

// A delivery worker in its own process, for `npm run bench -- fanout --kill` and `--instances N`:
// it runs until killed.
async function main(): Promise<void> {
  const { cosmosUrl, perTenant, offset, leaseMs, startAt } = JSON.parse(
    process.argv[2] ?? '{}',
  ) as { cosmosUrl: string; perTenant: number; offset: number; leaseMs: number; startAt?: number };
  const silent = { debug() {}, info() {}, warn() {}, error() {} };
  const stores = await openStores({
    endpoint: cosmosUrl,
    key: EMBEDDED_KEY,
    endpointDiscovery: false,
    databaseId: 'bench',
    dataDir: os.tmpdir(),
    logger: silent,
  });
  const now = () => new Date(Date.now() + offset);
  const worker = createBenchWorker(stores, now, perTenant, `worker-${process.pid}`, leaseMs);
  console.log(JSON.stringify({ pid: String(process.pid) }));
  // Several workers start together (see fanout.ts); a late one (a restart) starts at once.
  await new Promise((res) => setTimeout(res, Math.max(0, (startAt ?? 0) - Date.now())));
  for (;;) {
    // As the production scheduler does: a failed pass is logged and the next one goes on.
    const r = await worker.tick(500).catch((error: unknown) => {
      console.error('delivery tick failed:', (error as Error).message);
      return undefined;
    });
    if (!r || r.sent + r.retried + r.skipped + r.failed === 0)
      await new Promise((res) => setTimeout(res, 200));
  }
}

void main();
