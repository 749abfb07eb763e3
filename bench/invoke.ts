import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import { addWeeks, cycleFor, isoWeek } from '@bearing/core';
import { loadConfig } from '../bot/src/config';
import {
  DEMO_FISCAL_START_MONTH,
  DEMO_TIME_ZONE,
} from '../bot/src/features/demo/demo-organization';
import { seedDemoOrganization } from '../bot/src/features/demo/seed-demo';
import { createLogger } from '../bot/src/observability/logger';
import { startServer, type RunningServer } from '../bot/src/server';
import { openStores } from '../bot/src/store';
import { startTokenIssuer } from '../simulators/identity/token-issuer';
import { CORRECTED_STORE, startCosmosProcess } from '../simulators/cosmos/process';
import { SERVICE_URL, seedBenchTeams, submitBody } from './invoke-members';
import { option, percentile, report } from './report';

const BOT_ID = 'bearing-bench-bot';
const TENANT = '00000000-0000-0000-0000-000000000001';

/** Runs autocannon with per-request bodies; latencies kept per response for a true p95. */
async function load(
  url: string,
  token: string,
  connections: number,
  seconds: number,
  nextBody: () => string,
) {
  const latencies: number[] = [];
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const run = autocannon(
      {
        url,
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        requests: [{ setupRequest: (req) => ({ ...req, body: nextBody() }) }],
        connections,
        duration: seconds,
      },
      (error, r) => (error ? reject(error) : resolve(r)),
    );
    run.on('response', (_client, _status, _bytes, ms) => latencies.push(ms));
  });
  const [p50, p95, p99] = [50, 95, 99].map((p) => Math.round(percentile(latencies, p)));
  return {
    p50,
    p95,
    p99,
    requestsPerSecond: Math.round(result.requests.average),
    requests: latencies.length,
    errors: result.non2xx + result.errors + result.timeouts,
  };
}

/**
 * `npm run bench -- invoke [--seconds 10] [--teams 50] [--members 20] [--store inline|process]
 * [--save]`: check-in submit (Action.Execute invoke) through `POST /api/messages` of the whole
 * server, with real Bot Framework token validation against a locally signed key (stubbed OpenID
 * metadata), at 10, 50 and 100 concurrent connections.
 *
 * Every request is a member's first submission for a week (a real write: check-in document created,
 * three key results updated), from members taken in turn; each pass over the members checks in for
 * an earlier ISO week so nothing is ever a replay or an edit. A last run replays already-stored
 * submissions (Teams retries, double clicks: the idempotent path, nothing written).
 *
 * `--store inline` (default) runs the embedded Cosmos server on the bot's own event loop, exactly as
 * local mode does; `--store process` runs it in a child process, as production reaches Cosmos DB
 * over the network (then the embedded store's own CPU is no longer on the server's thread).
 */
export async function invoke(args: readonly string[]): Promise<void> {
  const seconds = Number(option(args, 'seconds') ?? 10);
  const teams = Number(option(args, 'teams') ?? 50);
  const membersPerTeam = Number(option(args, 'members') ?? 20);
  const storeMode = option(args, 'store') === 'process' ? 'process' : 'inline';
  const rows: [string, string | number][] = [
    [
      'store',
      storeMode === 'inline'
        ? 'embedded, on the server thread, with its snapshots (local mode)'
        : `${CORRECTED_STORE}, no snapshots (as production reaches Cosmos DB)`,
    ],
    ['load', 'closed loop: each connection sends again as soon as it is answered'],
  ];
  const figures: Record<string, unknown> = { seconds, store: storeMode };
  const issuer = await startTokenIssuer();
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'bearing-bench-invoke-'));
  let cosmos: Awaited<ReturnType<typeof startCosmosProcess>> | undefined;
  let server: RunningServer | undefined;
  try {
    if (storeMode === 'process') cosmos = await startCosmosProcess();
    const config = loadConfig({
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
    });
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

    server = await startServer(config, logger);
    const epoch = Math.floor(Date.now() / 1000);
    const token = issuer.sign({
      iss: 'https://api.botframework.com',
      aud: BOT_ID,
      serviceurl: SERVICE_URL,
      nbf: epoch - 60,
      iat: epoch - 60,
      exp: epoch + 3600,
    });
    const url = `${server.url}/api/messages`;
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
    let pass = 0;
    for (const connections of [10, 50, 100]) {
      // Every request is a member's first submission for its week: each pass over the members
      // checks in for an earlier ISO week (a new check-in document every time, never an edit).
      let sent = 0;
      const r = await load(url, token, connections, seconds, () => {
        const member = members[sent % members.length];
        if (sent > 0 && sent % members.length === 0) pass += 1;
        const body = submitBody(member, cycleId, addWeeks(thisWeek, -pass), sent % 100);
        sent += 1;
        if (replayable.length < 500) replayable.push(body);
        return body;
      });
      pass += 1;
      rows.push([`${connections} users: p50 / p95 / p99`, `${r.p50} / ${r.p95} / ${r.p99} ms`]);
      rows.push([`${connections} users: throughput`, `${r.requestsPerSecond} req/s`]);
      rows.push([`${connections} users: non-2xx + errors`, r.errors]);
      figures[`c${connections}`] = r;
    }
    // Replays: the same submissions again (idempotent path, nothing new written).
    let i = 0;
    const r = await load(url, token, 50, seconds, () => replayable[i++ % replayable.length]);
    rows.push([`replay 50 users: p50 / p95 / p99`, `${r.p50} / ${r.p95} / ${r.p99} ms`]);
    rows.push([`replay 50 users: throughput`, `${r.requestsPerSecond} req/s`]);
    rows.push([`replay 50 users: non-2xx + errors`, r.errors]);
    figures.replayC50 = r;
  } finally {
    await server?.stop();
    cosmos?.stop();
    await issuer.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
  report('invoke', rows, figures, args.includes('--save'));
}
