import { fanout } from './fanout';
import { kpiIngest } from './kpi-ingest';

/** `npm run bench -- <name> [options]`; with no name every benchmark runs. */
const BENCHMARKS: Record<string, (args: readonly string[]) => Promise<void>> = {
  fanout,
  'kpi-ingest': kpiIngest,
  tab: (args) => import('./tab').then((m) => m.tab(args)),
  invoke: (args) => import('./invoke').then((m) => m.invoke(args)),
  store: (args) => import('./store').then((m) => m.store(args)),
  'store-writes': (args) => import('./store-writes').then((m) => m.storeWrites(args)),
  import: (args) => import('./import').then((m) => m.importBench(args)),
};

async function main(): Promise<void> {
  const [name, ...rest] = process.argv.slice(2);
  const chosen = name && !name.startsWith('--') ? [name] : Object.keys(BENCHMARKS);
  const args = name && !name.startsWith('--') ? rest : process.argv.slice(2);
  for (const n of chosen) {
    const run = BENCHMARKS[n];
    if (!run)
      throw new Error(`Unknown benchmark "${n}". Available: ${Object.keys(BENCHMARKS).join(', ')}`);
    await run(args);
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
