import os from 'node:os';
import { DEFAULT_TEAM_SETTINGS } from '@bearing/core';
import { planTeamWeek } from '../bot/src/features/delivery/planner';
import { openStores } from '../bot/src/store';
import { EMBEDDED_KEY } from '../bot/src/store/embedded/embedded-cosmos';
import { startSimulatorProcess } from '../simulators/connector/process';
import { CORRECTED_STORE, PLAIN_STORE, startCosmosProcess } from '../simulators/cosmos/process';
import { startFanoutWorker } from './fanout-worker';
import { option, percentile, report, savedRuns } from './report';

/** What the simulator process received. */
async function simReport(
  url: string,
): Promise<{ stats: { throttled: number }; deliveries: [string, number][] }> {
  return (await fetch(url)).json() as Promise<{
    stats: { throttled: number };
    deliveries: [string, number][];
  }>;
}

/** How many members' chats received a card (the simulator counts; the list stays there). */
async function recipients(url: string): Promise<number> {
  return ((await (await fetch(`${url}/?prefix=chat-`)).json()) as { recipients: number })
    .recipients;
}

const silent = { debug() {}, info() {}, warn() {}, error() {} };
const TENANT = 'aaaaaaaa-0000-0000-0000-000000000001';

/**
 * Weekly fan-out: N members' check-in cards through the Bot Connector simulator, which enforces
 * Teams' limits (per conversation and 50/s per app per tenant) and answers 429 with Retry-After.
 * Reports the achieved rate against the limit-imposed ceiling, duplicates, losses, latency from
 * due to delivered, and the peak RSS of the worker processes (each on its own with the delivery
 * process's V8 limits, as in production; seeding and planning happen in the bench process unless
 * `--plan-in-worker`, which has the first worker plan every week before it sends, as production's
 * scheduler does). `--team-size N` puts N members in each team (10; one organisation-wide team is
 * `--team-size` = `--members`). `--instances N` runs N worker processes against the one store
 * process, each with 1/N of the tenant budget; `--kill` kill -9s one at 40% and starts another.
 * `--retained` runs the first worker with --expose-gc and, at 25/50/75 % delivered, has it collect
 * all garbage and report the heap still in use (what grows with the fan-out, not lazy collection).
 * The store process applies simulators/cosmos/partitioned-cosmos.ts's corrections (the embedded server's
 * whole-container query scans grow quadratically with the delivery jobs and saturate it at 3,000
 * members, which Cosmos DB's index does not); `--store plain` runs the embedded server as is.
 */
export async function fanout(args: readonly string[]): Promise<void> {
  const users = Number(option(args, 'members') ?? option(args, 'users') ?? 10_000);
  const perTenant = Number(option(args, 'rate') ?? 50);
  // Members per team (10 by default; an organisation-wide team is one team of them all).
  const teamSize = Math.max(1, Math.floor(Number(option(args, 'team-size') ?? 10)));
  const storeMode = option(args, 'store') === 'plain' ? 'plain' : 'corrected';
  // The weeks are planned by the (first) worker process, as production's scheduler does, instead
  // of by the bench: the worker's peak RSS then includes planning.
  const planInWorker = args.includes('--plan-in-worker');
  // Store and Bot Connector run in their own processes, as they would in production.
  const [cosmos, simProcess] = await Promise.all([
    startCosmosProcess(storeMode),
    startSimulatorProcess(perTenant),
  ]);
  const stores = await openStores({
    endpoint: cosmos.info.url,
    key: EMBEDDED_KEY,
    endpointDiscovery: false,
    databaseId: 'bench',
    dataDir: os.tmpdir(),
    logger: silent,
  });
  const sim = { url: simProcess.info.url };
  // The plan is for Monday 10:00 UTC; the worker's clock runs from there in real time.
  const planned = new Date('2026-11-23T10:00:00Z');
  const offset = planned.getTime() - Date.now();
  const at = planned.toISOString();

  const seedStart = Date.now();
  await stores.organizations.saveOrganization({
    tenantId: TENANT,
    name: 'Bench',
    fiscalStartMonth: 7,
    defaultTimeZone: 'UTC',
    createdAt: at,
    updatedAt: at,
  });
  const seedTeam = async (t: number) => {
    const teamId = `team-${t}`;
    await stores.teams.saveTeam({
      tenantId: TENANT,
      id: teamId,
      name: teamId,
      settings: { ...DEFAULT_TEAM_SETTINGS, timeZone: 'UTC' },
      createdAt: at,
      updatedAt: at,
    });
    for (let i = 0; i < teamSize && t * teamSize + i < users; i += 1) {
      const userId = `${teamId}-u${i}`;
      await stores.teams.saveMember({
        tenantId: TENANT,
        teamId,
        userId,
        displayName: userId,
        role: 'member',
        active: true,
        timeZone: 'UTC',
        joinedAt: at,
        updatedAt: at,
      });
      await stores.users.saveUser({
        tenantId: TENANT,
        userId,
        displayName: userId,
        teamIds: [teamId],
        updatedAt: at,
        conversationReference: {
          serviceUrl: sim.url,
          channelId: 'msteams',
          conversation: { id: `chat-${userId}`, tenantId: TENANT },
          bot: { id: 'bot' },
        },
      });
    }
    await stores.okrs.saveObjective({
      tenantId: TENANT,
      id: `${teamId}-o`,
      teamId,
      cycleId: 'FY2027-Q2',
      level: 'team',
      title: 'Delight customers',
      ownerId: `${teamId}-u0`,
      parentIds: [],
      status: 'active',
      createdAt: at,
      updatedAt: at,
    });
    for (let i = 0; i < teamSize && t * teamSize + i < users; i += 1) {
      await stores.okrs.saveKeyResult({
        tenantId: TENANT,
        id: `${teamId}-kr${i}`,
        teamId,
        objectiveId: `${teamId}-o`,
        cycleId: 'FY2027-Q2',
        title: 'Raise NPS from 20 to 40',
        type: 'number',
        baseline: 20,
        target: 40,
        current: 25,
        direction: 'increase',
        ownerId: `${teamId}-u${i}`,
        confidence: 'onTrack',
        status: 'active',
        createdAt: at,
        updatedAt: at,
      });
    }
    if (!planInWorker) await planTeamWeek(stores, TENANT, teamId, planned);
  };
  // Teams side by side (16 at a time), each team's documents in order.
  const teamCount = Math.ceil(users / teamSize);
  for (let t = 0; t < teamCount; t += 16)
    await Promise.all(
      Array.from({ length: Math.min(16, teamCount - t) }, (_, i) => seedTeam(t + i)),
    );
  const seedMs = Date.now() - seedStart;
  const benchRss = process.resourceUsage().maxRSS * 1024;
  let start = Date.now();
  const deadline = start + Math.max(120_000, (users / perTenant) * 3000);
  const kill = args.includes('--kill');
  const retained = args.includes('--retained');
  const instances = Math.max(1, Math.floor(Number(option(args, 'instances') ?? 1)));
  let killedAt = 0;
  // Workers in their own processes against the one store process, each with its share of the
  // tenant budget (as production would configure N instances). They wait for a common start time
  // so process start-up is not counted; one started later (after a kill) starts at once. With
  // --plan-in-worker the first one plans before it is ready, and the others start after it.
  const spawnWorker = (startAt: number, plan = false) =>
    startFanoutWorker(
      {
        cosmosUrl: cosmos.info.url,
        perTenant: perTenant / instances,
        offset,
        startAt,
        leaseMs: 10_000,
        plan,
      },
      retained ? ['--expose-gc'] : [],
    );
  type WorkerStats = Record<'peakRssKb' | 'heapUsedKb' | 'heapTotalKb' | 'externalKb', number> &
    Record<'retried' | 'skipped' | 'planned' | 'planMs' | 'planPeakRssKb', number> & {
      retainedKb: number[];
    };
  const planner = planInWorker ? [await spawnWorker(0, true)] : [];
  const startAt = Date.now() + (planner.length > 0 ? 0 : 4_000);
  const children = [
    ...planner,
    ...(await Promise.all(
      Array.from({ length: instances - planner.length }, () => spawnWorker(startAt)),
    )),
  ];
  // A bench that fails midway leaves no workers, store or simulator behind.
  process.once('exit', () => [...children, cosmos, simProcess].forEach((p) => p.kill()));
  // The last stats of every worker process that ran (a killed one keeps its last answer).
  const stats = new Map<string, WorkerStats>();
  const poll = async () => {
    for (const child of children)
      stats.set(
        child.info.statsUrl,
        (await (await fetch(child.info.statsUrl)).json()) as WorkerStats,
      );
  };
  // kill -9 one worker process at 40% delivered and start a fresh one: what is sent twice?
  start = Math.max(startAt, Date.now());
  let polledAt = 0;
  const probed = new Set<number>();
  while (Date.now() < deadline) {
    // Unique recipients: a duplicate must not end the run before every member has a card.
    const n = await recipients(simProcess.info.report);
    if (Date.now() - polledAt > 1_000) {
      await poll();
      polledAt = Date.now();
    }
    const probe = [0.25, 0.5, 0.75].find((p) => retained && !probed.has(p) && n >= users * p);
    if (probe) await fetch(`${children[0].info.statsUrl}?gc`).then(() => probed.add(probe));
    if (kill && !killedAt && n >= users * 0.4) {
      children[0].kill();
      killedAt = n;
      children[0] = await spawnWorker(0);
    }
    if (n >= users) break;
    await new Promise((res) => setTimeout(res, 100));
  }
  const elapsedMs = Date.now() - start;
  await poll();
  for (const child of children) child.stop();
  const workerStats = [...stats.values()];
  const peakRss = Math.max(...workerStats.map((w) => w.peakRssKb * 1024));
  const peakOf = (k: 'heapUsedKb' | 'heapTotalKb' | 'externalKb') =>
    Math.round(Math.max(...workerStats.map((w) => w[k])) / 1024);
  const throttledRetries = workerStats.reduce((sum, w) => sum + w.retried, 0);
  const skipped = workerStats.reduce((sum, w) => sum + w.skipped, 0);

  const received = await simReport(simProcess.info.report);
  const counts = new Map<string, number>();
  for (const [c] of received.deliveries) counts.set(c, (counts.get(c) ?? 0) + 1);
  const delivered = [...counts.keys()].filter((k) => k.startsWith('chat-')).length;
  const duplicates = [...counts.entries()]
    .filter(([k, n]) => k.startsWith('chat-') && n > 1)
    .reduce((s, [, n]) => s + n - 1, 0);
  const latencies = received.deliveries
    .filter(([c]) => c.startsWith('chat-'))
    .map(([, t]) => t - start);
  const ceilingPerSecond = perTenant;
  const achieved = delivered / (elapsedMs / 1000);
  await stores.close();
  cosmos.stop();
  simProcess.stop();
  // Memory must not grow with the fan-out: this run's peak beside the saved one of the other size.
  const rssMb = Math.round(peakRss / 1048576);
  const runs = savedRuns('fanout', String(users), { peakRssMb: rssMb }, args.includes('--save'));
  const [small, large] = [runs['1000']?.peakRssMb, runs['10000']?.peakRssMb];
  const growth =
    small && large
      ? `${small} MB → ${large} MB: ${(((large - small) / small) * 100).toFixed(1)} % (target within 10 %)`
      : 'run (and --save) both --members 1000 and 10000 (target within 10 %)';
  const ratio = achieved / ceilingPerSecond;
  const retainedMb = workerStats[0].retainedKb.map((kb) => Math.round(kb / 1024));
  const retainedText = retained ? `${retainedMb.join(' / ')} MB` : 'run with --retained';

  report(
    'fanout',
    [
      ['members', users],
      ['delivered (unique)', delivered],
      ['lost', `${users - delivered} (target 0)`],
      ['duplicates', `${duplicates} (target 0)`],
      ['elapsed', `${(elapsedMs / 1000).toFixed(1)} s`],
      ['achieved rate', `${achieved.toFixed(1)} msg/s`],
      ['ceiling (tenant limit)', `${ceilingPerSecond} msg/s`],
      ['achieved / ceiling', `${(ratio * 100).toFixed(1)} % (target ≥ 97 %)`],
      ['429s from simulator', received.stats.throttled],
      ['retries', throttledRetries],
      ['skipped jobs', skipped],
      ['due → delivered p50', `${(percentile(latencies, 50) / 1000).toFixed(1)} s`],
      ['due → delivered p99', `${(percentile(latencies, 99) / 1000).toFixed(1)} s`],
      ['peak RSS of a worker process (OS maxRSS)', `${rssMb} MB (target < 200 MB)`],
      ['peak RSS, 1,000 → 10,000 members', growth],
      [
        'peak V8 heap used / heap total / external of a worker',
        `${peakOf('heapUsedKb')} / ${peakOf('heapTotalKb')} / ${peakOf('externalKb')} MB (process.memoryUsage() every 250 ms)`,
      ],
      ['V8 heap in use after a full GC, 25 / 50 / 75 % delivered', retainedText],
      ['peak RSS of the bench (seeds, plans)', `${(benchRss / 1048576).toFixed(0)} MB`],
      [planInWorker ? 'seeding' : 'seeding + planning', `${(seedMs / 1000).toFixed(1)} s`],
      ...(planInWorker
        ? ([
            [
              'planning in the worker',
              `${workerStats[0].planned} jobs in ${(workerStats[0].planMs / 1000).toFixed(1)} s, peak RSS by then ${Math.round(workerStats[0].planPeakRssKb / 1024)} MB`,
            ],
          ] as [string, string][])
        : []),
      ['store', storeMode === 'plain' ? PLAIN_STORE : CORRECTED_STORE],
      ['members per team', teamSize],
      ['worker processes', instances],
      ...(kill
        ? ([['kill -9 of a worker at', `${killedAt} delivered`]] as [string, string][])
        : []),
    ],
    {
      members: users,
      delivered,
      lost: users - delivered,
      duplicates,
      elapsedMs,
      achievedPerSecond: Number(achieved.toFixed(2)),
      ceilingPerSecond,
      ratio: Number(ratio.toFixed(4)),
      throttled: received.stats.throttled,
      instances,
      teamSize,
      killedAtDelivered: kill ? killedAt : undefined,
      p50Ms: percentile(latencies, 50),
      p99Ms: percentile(latencies, 99),
      peakRssMb: rssMb,
      peakHeapUsedMb: peakOf('heapUsedKb'),
      peakHeapTotalMb: peakOf('heapTotalKb'),
      peakExternalMb: peakOf('externalKb'),
      retainedHeapMb: retained ? retainedMb : undefined,
      benchPeakRssMb: Math.round(benchRss / 1048576),
    },
    args.includes('--save'),
  );
}
