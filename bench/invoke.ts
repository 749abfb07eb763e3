import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { addWeeks, cycleFor, isoWeek } from '@bearing/core';
import { loadConfig } from '../bot/src/config';
import {
  DEMO_FISCAL_START_MONTH,
  DEMO_TIME_ZONE,
} from '../bot/src/features/demo/demo-organization';
import { seedDemoOrganization } from '../bot/src/features/demo/seed-demo';
import { createLogger } from '../bot/src/observability/logger';
import { openStores } from '../bot/src/store';
import { startTokenIssuer } from '../simulators/identity/token-issuer';
import { CORRECTED_STORE, startCosmosProcess } from '../simulators/cosmos/process';
import { startTsHelper } from '../simulators/processes';
import { closedLoop, openLoop, withServerCpu, type LoadFigures } from './invoke-load';
import { SERVICE_URL, seedBenchTeams, submitBody } from './invoke-members';
import { option, report } from './report';

const BOT_ID = 'bearing-bench-bot';
const TENANT = '00000000-0000-0000-0000-000000000001';

type Helper = Awaited<ReturnType<typeof startTsHelper>>;

/** Targets of issue 18 beside the figures. */
const TARGET = { p99Ms: 300, cpuMs: 2.5, floorRatio: 0.5 };

const latencyRow = (r: LoadFigures) => `${r.p50} / ${r.p95} / ${r.p99} ms`;
const cpuRow = (r: LoadFigures) => `${r.cpuMsPerRequest} ms per request (process.cpuUsage)`;

/**
 * `npm run bench -- invoke [--seconds 10] [--open-seconds 60] [--open-rate 100] [--teams 50]
 * [--members 20] [--store process|inline] [--profile DIR] [--save]`: check-in submit
 * (Action.Execute invoke) through `POST /api/messages` of the whole server, run in its own process
 * as in production, with real Bot Framework token validation against a locally signed key (stubbed
 * OpenID metadata), at 10, 50 and 100 concurrent connections (closed loop), then open loop at
 * `--open-rate` submissions a second for `--open-seconds`.
 *
 * Every request is a member's first submission for a week (a real write: check-in document created,
 * three key results updated), from members taken in turn; each pass over the members checks in for
 * an earlier ISO week so nothing is ever a replay or an edit. A replay run sends already-stored
 * submissions again (Teams retries, double clicks: the idempotent path, nothing written).
 *
 * The floor, in the same run: a bare botbuilder CloudAdapter endpoint with the same token
 * validation answering the same invoke with Bearing's own answer as a fixed card; Bearing's
 * throughput at 50 connections is reported as a ratio of the floor's. Server CPU per request is
 * the server process's own `process.cpuUsage()` delta over the run divided by its requests.
 *
 * `--store process` (default) runs the embedded Cosmos server in a child process, as production
 * reaches Cosmos DB over the network; `--store inline` runs it on the server's event loop, as local
 * mode does. `--profile DIR` writes CPU profiles of the server processes there.
 */
export async function invoke(args: readonly string[]): Promise<void> {
  const seconds = Number(option(args, 'seconds') ?? 10);
  const openSeconds = Number(option(args, 'open-seconds') ?? 60);
  const openRate = Number(option(args, 'open-rate') ?? 100);
  const teams = Number(option(args, 'teams') ?? 50);
  const membersPerTeam = Number(option(args, 'members') ?? 20);
  const storeMode = option(args, 'store') === 'inline' ? 'inline' : 'process';
  const profileDir = option(args, 'profile');
  const nodeArgs = profileDir ? ['--cpu-prof', `--cpu-prof-dir=${path.resolve(profileDir)}`] : [];
  const rows: [string, string | number][] = [
    [
      'store',
      storeMode === 'inline'
        ? 'embedded, on the server thread, with its snapshots (local mode)'
        : `${CORRECTED_STORE}, no snapshots (as production reaches Cosmos DB)`,
    ],
    ['server', 'its own process (server.ts → compose.ts), as in production'],
  ];
  const figures: Record<string, unknown> = { seconds, store: storeMode };
  const issuer = await startTokenIssuer();
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'bearing-bench-invoke-'));
  let cosmos: Awaited<ReturnType<typeof startCosmosProcess>> | undefined;
  let server: Helper | undefined;
  let floor: Helper | undefined;
  try {
    if (storeMode === 'process') cosmos = await startCosmosProcess();
    const env: Record<string, string> = {
      PORT: '0',
      BEARING_DATA_DIR: dataDir,
      BEARING_JOBS: 'off',
      LOG_LEVEL: 'error',
      BOT_ID,
      BOT_TENANT_ID: TENANT,
      BOT_TYPE: 'SingleTenant',
      BOT_PASSWORD: 'bench-not-a-secret',
      BOT_OPENID_METADATA_URL: issuer.openIdMetadataUrl,
      ...(cosmos ? { COSMOS_ENDPOINT: cosmos.info.url, COSMOS_KEY: 'bench-not-a-secret' } : {}),
    };
    const config = loadConfig(env);
    const logger = createLogger(config.logLevel);

    // Seed before the server starts (inline: into the snapshot the server then loads at start).
    const now = new Date();
    const cycleId = cycleFor(now.toISOString(), DEMO_FISCAL_START_MONTH).id;
    const seedStores = await openStores({
      endpoint: config.cosmos.endpoint,
      key: config.cosmos.key,
      endpointDiscovery: false,
      databaseId: config.cosmos.database,
      dataDir,
      logger,
      snapshotIntervalMs: 3_600_000,
    });
    await seedDemoOrganization(seedStores, now, logger);
    const members = await seedBenchTeams(seedStores, teams, membersPerTeam, cycleId);
    await seedStores.close();

    const serverFile = path.join(__dirname, 'invoke-server.ts');
    server = await startTsHelper(serverFile, ['bearing', JSON.stringify(env)], nodeArgs);
    const epoch = Math.floor(Date.now() / 1000);
    const token = issuer.sign({
      iss: 'https://api.botframework.com',
      aud: BOT_ID,
      serviceurl: SERVICE_URL,
      nbf: epoch - 60,
      iat: epoch - 60,
      exp: epoch + 3600,
    });
    const url = `${server.info.url}/api/messages`;
    const thisWeek = isoWeek(now.toISOString(), DEMO_TIME_ZONE);

    // One checked request first: the benchmark must measure a real submission, not an error card.
    const probe = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: submitBody(members[0], cycleId, addWeeks(thisWeek, 1), 1),
    });
    const probeText = await probe.text();
    if (probe.status !== 200 || !probeText.includes('Checked in'))
      throw new Error(
        `check-in submit did not succeed: ${probe.status} ${probeText.slice(0, 300)}`,
      );

    rows.push(['users', `${members.length} (${teams} teams x ${membersPerTeam}, 3 KRs each)`]);
    figures.users = members.length;
    const replayable: string[] = [];
    let sent = 0;
    let pass = 0;
    // Every request is a member's first submission for its week: each pass over the members
    // checks in for an earlier ISO week (a new check-in document every time, never an edit).
    const nextSubmission = () => {
      const member = members[sent % members.length];
      if (sent > 0 && sent % members.length === 0) pass += 1;
      const body = submitBody(member, cycleId, addWeeks(thisWeek, -pass), sent % 100);
      sent += 1;
      if (replayable.length < 500) replayable.push(body);
      return body;
    };
    const newPass = () => {
      pass += 1;
      sent = 0;
    };
    const cpuUrl = server.info.cpuUrl;
    // Warm-up, not measured: the first few hundred turns run before the JIT has compiled the
    // hot paths, and would be counted in the first figures' CPU per request.
    await closedLoop(url, token, 10, Math.min(5, seconds), nextSubmission);
    newPass();
    rows.push(['closed loop', 'each connection sends again as soon as it is answered']);
    for (const connections of [10, 50, 100]) {
      const r = await withServerCpu(cpuUrl, () =>
        closedLoop(url, token, connections, seconds, nextSubmission),
      );
      newPass();
      const target = connections === 50 ? ` (target p99 < ${TARGET.p99Ms} ms)` : '';
      rows.push([`${connections} users: p50 / p95 / p99`, `${latencyRow(r)}${target}`]);
      rows.push([`${connections} users: throughput`, `${r.requestsPerSecond} req/s`]);
      rows.push([`${connections} users: non-2xx + errors`, r.errors]);
      if (connections === 50)
        rows.push([`50 users: server CPU`, `${cpuRow(r)} (target ≤ ${TARGET.cpuMs} ms)`]);
      figures[`c${connections}`] = r;
    }
    // Replays: the same submissions again (idempotent path, nothing new written).
    let i = 0;
    const replay = await withServerCpu(cpuUrl, () =>
      closedLoop(url, token, 50, seconds, () => replayable[i++ % replayable.length]),
    );
    rows.push([`replay 50 users: p50 / p95 / p99`, latencyRow(replay)]);
    rows.push([`replay 50 users: throughput`, `${replay.requestsPerSecond} req/s`]);
    rows.push([`replay 50 users: non-2xx + errors`, replay.errors]);
    rows.push([`replay 50 users: server CPU`, cpuRow(replay)]);
    figures.replayC50 = replay;

    // The floor: the framework alone, same token validation, Bearing's answer as a fixed card.
    const cardFile = path.join(dataDir, 'floor-card.json');
    fs.writeFileSync(cardFile, probeText);
    floor = await startTsHelper(serverFile, ['floor', JSON.stringify(env), cardFile], nodeArgs);
    const floorUrl = `${floor.info.url}/api/messages`;
    const floorRun = await withServerCpu(floor.info.cpuUrl, () =>
      closedLoop(floorUrl, token, 50, seconds, nextSubmission),
    );
    floor.stop();
    floor = undefined;
    newPass();
    const c50 = figures.c50 as LoadFigures;
    const ratio = Math.round((c50.requestsPerSecond / floorRun.requestsPerSecond) * 100) / 100;
    rows.push(['floor 50 users: p50 / p95 / p99', latencyRow(floorRun)]);
    rows.push(['floor 50 users: throughput', `${floorRun.requestsPerSecond} req/s`]);
    rows.push(['floor 50 users: server CPU', cpuRow(floorRun)]);
    rows.push([
      'Bearing / floor throughput (50 users)',
      `${ratio} (target ≥ ${TARGET.floorRatio})`,
    ]);
    figures.floorC50 = floorRun;
    figures.floorRatio = ratio;

    // Open loop: arrivals at a fixed rate whatever the answers (an organisation checking in).
    if (openSeconds > 0) {
      const open = await withServerCpu(cpuUrl, () =>
        openLoop(url, token, openRate, openSeconds, nextSubmission, (body) =>
          body.includes('Checked in'),
        ),
      );
      rows.push([
        `open loop ${openRate}/s for ${openSeconds} s: p50 / p95 / p99`,
        latencyRow(open),
      ]);
      const kinds = Object.entries(open.errorKinds ?? {}).map(([k, n]) => `${k}: ${n}`);
      rows.push([
        `open loop: saved / not saved`,
        `${open.requests} / ${open.errors}${kinds.length ? ` (${kinds.join(', ')})` : ''}`,
      ]);
      rows.push([
        `open loop: never answered`,
        `${open.unanswered} (target 0: every submit saved, or refused at once with 503 + Retry-After)`,
      ]);
      if (open.errorKinds?.['status 503'])
        rows.push([`open loop: 503 answered within (p99)`, `${open.refusedP99} ms`]);
      rows.push([`open loop: server CPU`, cpuRow(open)]);
      figures.openLoop = { rate: openRate, seconds: openSeconds, ...open };
    }
  } finally {
    floor?.stop();
    server?.stop();
    cosmos?.stop();
    await issuer.stop();
    // The server process may still be writing its snapshot: give it a moment before removal.
    await new Promise((resolve) => setTimeout(resolve, profileDir ? 5000 : 500));
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
  report('invoke', rows, figures, args.includes('--save'));
}
