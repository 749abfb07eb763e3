import path from 'node:path';
import { DELIVERY_NODE_ARGS } from '../bot/src/delivery-process';
import { ROOT, startHelper } from '../simulators/processes';

/** What the fan-out bench tells one worker process. */
export interface FanoutWorkerOptions {
  readonly cosmosUrl: string;
  readonly perTenant: number;
  /** Added to the real clock (the plan is for a fixed Monday). */
  readonly offset: number;
  readonly leaseMs: number;
  /** When to start ticking (several workers start together); a late one starts at once. */
  readonly startAt: number;
  /** Plan every team's week first, as the delivery process's scheduler does (--plan-in-worker). */
  readonly plan?: boolean;
}

const dist = (file: string) => JSON.stringify(path.join(ROOT, 'bot', 'dist', file));

// The worker runs the compiled server code (bot/dist, built by `npm run bench`'s `tsc -b`) on plain
// node with the delivery process's V8 limits, as production runs bot/dist/delivery-main.js: no
// TypeScript loader in its memory. It is the delivery engine the composition root builds
// (compose.ts), with `perTenant` sends a second.
const WORKER = `
const http = require('node:http');
const os = require('node:os');
const { composeDelivery } = require(${dist('compose')});
const { loadConfig } = require(${dist('config')});
const { createLogger } = require(${dist('observability/logger')});
const { openStores } = require(${dist('store')});
const { EMBEDDED_KEY } = require(${dist('store/embedded/embedded-cosmos')});
async function main() {
  const o = JSON.parse(process.argv[1]);
  const silent = { debug() {}, info() {}, warn() {}, error() {} };
  const stores = await openStores({ endpoint: o.cosmosUrl, key: EMBEDDED_KEY,
    endpointDiscovery: false, databaseId: 'bench', dataDir: os.tmpdir(), logger: silent });
  const config = loadConfig({ BEARING_JOBS: 'off', LOG_LEVEL: 'silent' });
  const { scheduler } = composeDelivery({ config: { ...config, sendRatePerTenant: o.perTenant }, stores,
    logger: createLogger(config.logLevel), now: () => new Date(Date.now() + o.offset),
    workerId: 'worker-' + process.pid, leaseMs: o.leaseMs });
  const totals = { retried: 0, skipped: 0, planned: 0, planMs: 0, planPeakRssKb: 0 };
  // Peaks of process.memoryUsage() sampled every 250 ms: what the RSS is made of (V8 heap in use,
  // memory outside it) when the OS's maxRSS is not enough to tell.
  const peak = { heapUsedKb: 0, heapTotalKb: 0, externalKb: 0 };
  const sample = () => {
    const m = process.memoryUsage();
    peak.heapUsedKb = Math.max(peak.heapUsedKb, m.heapUsed >> 10);
    peak.heapTotalKb = Math.max(peak.heapTotalKb, m.heapTotal >> 10);
    peak.externalKb = Math.max(peak.externalKb, m.external >> 10);
  };
  setInterval(sample, 250).unref();
  // With --retained the worker runs with --expose-gc: GET statsUrl?gc first collects all garbage
  // and records what is still in use (memory that grows with the fan-out, not lazy collection).
  const retainedKb = [];
  const stats = http.createServer((req, res) => {
    if (global.gc && req.url.endsWith('?gc')) {
      global.gc();
      retainedKb.push(process.memoryUsage().heapUsed >> 10);
    }
    sample();
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ peakRssKb: process.resourceUsage().maxRSS, ...peak, ...totals, retainedKb }));
  });
  await new Promise((resolve) => stats.listen(0, '127.0.0.1', resolve));
  const statsUrl = 'http://127.0.0.1:' + stats.address().port + '/';
  // Planning first (when asked), then ready: the bench starts the clock once every worker is.
  const planStart = Date.now();
  const planned = o.plan ? await scheduler.planAll() : 0;
  totals.planned = planned;
  totals.planMs = o.plan ? Date.now() - planStart : 0;
  sample();
  totals.planPeakRssKb = o.plan ? process.resourceUsage().maxRSS : 0;
  console.log(JSON.stringify({ pid: String(process.pid), statsUrl }));
  await new Promise((resolve) => setTimeout(resolve, Math.max(0, o.startAt - Date.now())));
  for (;;) {
    // As the production scheduler does: passes back to back while due jobs remain; a failed
    // pass is logged and the next one goes on.
    const r = await scheduler.deliverDue().catch((error) => {
      console.error('delivery tick failed:', error.message);
      return undefined;
    });
    totals.retried += r ? r.retried : 0;
    totals.skipped += r ? r.skipped : 0;
    if (!r || r.sent + r.retried + r.skipped + r.failed === 0)
      await new Promise((resolve) => setTimeout(resolve, 200));
  }
}
main();
`;

/**
 * A delivery worker in its own process with DELIVERY_NODE_ARGS, as in production (the server forks
 * its delivery process with them, delivery-process.ts): it runs until killed. `GET statsUrl`
 * answers its peak RSS (the OS's own maxRSS of the process), the peaks of its V8 heap and of memory
 * outside it (process.memoryUsage(), sampled), and its ticks' retries and skips.
 */
export function startFanoutWorker(options: FanoutWorkerOptions, nodeArgs: string[] = []) {
  return startHelper([...DELIVERY_NODE_ARGS, ...nodeArgs, '-e', WORKER, JSON.stringify(options)]);
}
