import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadConfig } from '../bot/src/config';
import { createLogger } from '../bot/src/observability/logger';
import { composeServer } from '../bot/src/compose';
import { openStores } from '../bot/src/store';
import { EMBEDDED_KEY } from '../bot/src/store/embedded/embedded-cosmos';
import { seedDemoOrganization } from '../bot/src/features/demo/seed-demo';
import { DEMO_TEAM_ID } from '../bot/src/features/demo/demo-organization';
import { CORRECTED_STORE, startCosmosProcess } from '../simulators/cosmos/process';
import { option, percentile, report } from './report';
import { buildFloor, initialCss, initialJs, serveDist, topInitialModules } from './tab-floor';
import { firstRenders, renderRows } from './tab-render';
import { generateTenant } from './tab-tenant';

const ROOT = path.resolve(__dirname, '..');
const DIST = path.join(ROOT, 'tab', 'dist');

/**
 * `npm run bench -- tab [--teams 1000] [--objectives 5] [--krs 4] [--requests 400]
 * [--concurrency 4] [--seconds 90] [--renders 5] [--store process|embedded]
 * [--profile-store DIR] [--save]`: builds the tab and measures
 * (1) the initial JS it ships, gzipped (the entry script and the chunks index.html preloads), with
 * the largest modules from the build's bundle report, and the stylesheet index.html links;
 * (2) first meaningful render in headless Chromium (navigation → alignment tree visible) on the
 * demo team, with a cold cache and a warm one, with the JS loaded by then and the API's share
 * (bench/tab-render.ts). Both beside the floor, built and measured in the same run: bench/tab-floor (React +
 * FluentProvider + teams-js `app.initialize`, a static tree of the same size) served on its own; (3) the team view API (`GET /api/v1/teams/:id/alignment`) p50/p95 over a generated
 * tenant of `teams` teams × `objectives` objectives × `krs` key results, written straight into
 * the store through the store classes. The API phase stops after `requests` or `seconds`,
 * whichever comes first; failed requests (store timeouts) are counted, not timed.
 *
 * `--store process` (default) runs the embedded Cosmos server in a process of its own, as Cosmos DB
 * runs apart from the server, with queries scoped to their partition key
 * (simulators/cosmos/partitioned-cosmos.ts says why); `--store embedded` runs it in this process as local mode does, where every query
 * evaluates the whole container and a 1,000-team tenant is beyond it. `--profile-store DIR` writes
 * the store process's CPU profile there (profile this process with `node --cpu-prof`).
 */
export async function tab(args: readonly string[]): Promise<void> {
  const teamCount = Number(option(args, 'teams') ?? 1000);
  const objectivesPerTeam = Number(option(args, 'objectives') ?? 5);
  const krsPerObjective = Number(option(args, 'krs') ?? 4);
  const requests = Number(option(args, 'requests') ?? 400);
  const concurrency = Number(option(args, 'concurrency') ?? 4);
  const renders = Number(option(args, 'renders') ?? 5);
  const seconds = Number(option(args, 'seconds') ?? 90);
  const storeMode = option(args, 'store') ?? 'process';
  if (storeMode !== 'process' && storeMode !== 'embedded')
    throw new Error(`--store ${storeMode}: expected "process" or "embedded"`);
  const profileDir = option(args, 'profile-store');

  execFileSync(
    process.execPath,
    [path.join(ROOT, 'node_modules', 'vite', 'bin', 'vite.js'), 'build', '--logLevel', 'warn'],
    { cwd: path.join(ROOT, 'tab'), stdio: 'inherit' },
  );
  const js = initialJs(DIST);
  const css = initialCss(DIST);
  const topModules = topInitialModules(DIST, js.files, 10);
  const floorDir = fs.mkdtempSync(path.join(os.tmpdir(), 'bearing-bench-floor-'));
  buildFloor(floorDir);
  const floorJs = initialJs(floorDir);
  const floorServer = await serveDist(floorDir);

  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'bearing-bench-tab-'));
  const config = loadConfig({
    PORT: '0',
    BEARING_DATA_DIR: dataDir,
    BEARING_JOBS: 'off',
    LOG_LEVEL: 'warn',
  });
  const logger = createLogger(config.logLevel);
  const cosmos =
    storeMode === 'process'
      ? await startCosmosProcess(
          'corrected',
          profileDir ? ['--cpu-prof', `--cpu-prof-dir=${profileDir}`] : [],
        )
      : undefined;
  // The store process must not outlive a benchmark that fails before its `finally`.
  if (cosmos) process.once('exit', () => cosmos.stop());
  const stores = await openStores({
    ...(cosmos ? { endpoint: cosmos.info.url, key: EMBEDDED_KEY, endpointDiscovery: false } : {}),
    databaseId: config.cosmos.database,
    dataDir,
    logger,
    snapshotIntervalMs: 3_600_000,
  });
  await seedDemoOrganization(stores, new Date(), logger);

  // The server as composed (tab API in local mode, built tab) over these stores: a restart after
  // generating would have to snapshot and reload tens of thousands of documents first.
  const server = await composeServer({ config, stores, logger, tabDir: DIST }).listen(
    0,
    '127.0.0.1',
  );
  const url = server.url;
  try {
    // First render is a client figure: measured on the demo team before the store grows.
    const render = renderRows(
      await firstRenders(`${url}/tab/?teamId=${DEMO_TEAM_ID}`, renders),
      await firstRenders(`${floorServer.url}/tab/`, renders),
      DIST,
    );

    const g0 = Date.now();
    const teamIds = await generateTenant(stores, teamCount, objectivesPerTeam, krsPerObjective);
    const generateS = (Date.now() - g0) / 1000;

    const api = `${url}/api/v1`;
    // Warm up (JIT, the store's first queries), then measure until `requests` or the time budget.
    for (const id of teamIds.slice(0, 3)) await getAlignment(api, id, objectivesPerTeam);
    const latencies: number[] = [];
    const failures: string[] = [];
    const deadline = Date.now() + seconds * 1000;
    let next = 0;
    await Promise.all(
      Array.from({ length: concurrency }, async () => {
        while (next < requests && Date.now() < deadline) {
          next += 1;
          const id = teamIds[Math.floor(Math.random() * teamIds.length)] as string;
          const t = performance.now();
          const failure = await getAlignment(api, id, objectivesPerTeam);
          if (failure) failures.push(failure);
          else latencies.push(performance.now() - t);
        }
      }),
    );

    const p50 = Math.round(percentile(latencies, 50));
    const p95 = Math.round(percentile(latencies, 95));
    const ratio = (a: number, b: number) => (Math.round((a / b) * 100) / 100).toFixed(2);
    const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
    const objectives = teamCount * objectivesPerTeam;
    report(
      'tab',
      [
        ['initial JS (gzip)', `${kb(js.gzipBytes)} in ${js.files.length} files (target < 150 KB)`],
        ['  floor', `${kb(floorJs.gzipBytes)} in ${floorJs.files.length} files`],
        ['  tab / floor', `${ratio(js.gzipBytes, floorJs.gzipBytes)} (target ≤ 1.15)`],
        ...topModules.map((m, i): [string, string] => [
          `  largest module ${i + 1}`,
          `${m.kb} KB raw  ${m.id}`,
        ]),
        [
          'initial CSS (gzip)',
          `${kb(css.gzipBytes)} in ${css.files.length} files (Fluent's and the tab's styles, extracted)`,
        ],
        ...render.rows,
        [
          'store',
          cosmos
            ? CORRECTED_STORE
            : 'embedded Cosmos in this process: every query evaluates the whole container',
        ],
        [
          'tenant',
          `${teamCount} teams, ${objectives} objectives, ${objectives * krsPerObjective} KRs`,
        ],
        ['  generated in', `${generateS.toFixed(0)} s`],
        [
          'team view API requests',
          `${latencies.length} ok, ${failures.length} failed, concurrency ${concurrency}`,
        ],
        ['team view API p50 / p95 (ok)', `${p50} / ${p95} ms`],
        ['  target', 'p95 < 150 ms'],
        ...(failures.length > 0
          ? [['  first failure', failures[0] as string] as [string, string]]
          : []),
      ],
      {
        initialJsGzipBytes: js.gzipBytes,
        floorJsGzipBytes: floorJs.gzipBytes,
        topModules,
        initialCssGzipBytes: css.gzipBytes,
        ...render.figures,
        teams: teamCount,
        objectives,
        keyResults: objectives * krsPerObjective,
        teamViewRequests: latencies.length,
        teamViewFailures: failures.length,
        teamViewP50Ms: p50,
        teamViewP95Ms: p95,
        store: storeMode,
      },
      args.includes('--save'),
    );
  } finally {
    await floorServer.stop();
    fs.rmSync(floorDir, { recursive: true, force: true });
    await server.stop();
    await stores.close();
    cosmos?.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

/** One team view; undefined when it answered in full, else what went wrong. */
async function getAlignment(
  api: string,
  teamId: string,
  objectives: number,
): Promise<string | undefined> {
  const res = await fetch(`${api}/teams/${teamId}/alignment`);
  if (res.status !== 200) return `${res.status} ${(await res.text()).slice(0, 120)}`;
  const view = (await res.json()) as { objectives: unknown[] };
  // A wrong answer is a broken benchmark, not a slow one.
  if (view.objectives.length !== objectives)
    throw new Error(`team view ${teamId}: ${view.objectives.length} objectives`);
  return undefined;
}
