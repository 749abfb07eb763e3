import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import { CARD_VERBS, CHECKIN_INPUTS, isoWeek } from '@bearing/core';
import { loadConfig } from '../bot/src/config';
import { DEMO_TIME_ZONE } from '../bot/src/app/demo-organization';
import { createLogger } from '../bot/src/observability/logger';
import { startServer } from '../bot/src/server';
import { startTokenIssuer } from '../test/support/bot-tokens';
import { cardInvoke } from '../test/support/activities';
import { option, percentile, report } from './report';

const BOT_ID = 'bearing-bench-bot';
const TENANT = '00000000-0000-0000-0000-0000000000001';
const SERVICE_URL = 'https://smba.trafficmanager.net/amer/';
const KR_IDS = ['kr-engagement', 'kr-turnover', 'kr-ai-features'];
const TEAM = '00000000-0000-0000-0000-000000000031';

/**
 * `npm run bench -- invoke [--seconds 10] [--save]`: check-in submit (Action.Execute invoke) through
 * `POST /api/messages` of the whole server, with real Bot Framework token validation against a
 * locally signed key (stubbed OpenID metadata), at 10, 50 and 100 concurrent connections.
 * Every request is the same submission, so after the first it measures the idempotent replay path.
 */
export async function invoke(args: readonly string[]): Promise<void> {
  const seconds = Number(option(args, 'seconds') ?? 10);
  const issuer = await startTokenIssuer();
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'bearing-bench-invoke-'));
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
  });
  const server = await startServer(config, createLogger(config.logLevel));
  const now = Math.floor(Date.now() / 1000);
  const token = issuer.sign({
    iss: 'https://api.botframework.com',
    aud: BOT_ID,
    serviceurl: SERVICE_URL,
    nbf: now - 60,
    iat: now - 60,
    exp: now + 3600,
  });
  // The card's hidden fields: the current cycle (from the tab API, local identity) and week.
  const view = (await (await fetch(`${server.url}/api/v1/teams/${TEAM}/alignment`)).json()) as {
    cycle: { id: string };
  };
  const body = JSON.stringify(
    cardInvoke(SERVICE_URL, CARD_VERBS.checkInSubmit, {
      krIds: KR_IDS,
      submissionId: 'bench-submission',
      teamId: TEAM,
      cycleId: view.cycle.id,
      week: isoWeek(new Date().toISOString(), DEMO_TIME_ZONE),
      ...Object.fromEntries(
        KR_IDS.flatMap((id) => [
          [CHECKIN_INPUTS.value(id), '5'],
          [CHECKIN_INPUTS.confidence(id), 'onTrack'],
        ]),
      ),
    }),
  );
  // One checked request first: the benchmark must measure a real submission, not an error card.
  const first = await fetch(`${server.url}/api/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body,
  });
  const firstText = await first.text();
  if (first.status !== 200 || !firstText.includes('Checked in'))
    throw new Error(`check-in submit did not succeed: ${first.status} ${firstText.slice(0, 300)}`);
  const rows: [string, string | number][] = [];
  const figures: Record<string, unknown> = { seconds };
  try {
    for (const connections of [10, 50, 100]) {
      // Latencies per response, for a true p95 (autocannon's summary stops at p97.5).
      const latencies: number[] = [];
      const result = await new Promise<autocannon.Result>((resolve, reject) => {
        const run = autocannon(
          {
            url: `${server.url}/api/messages`,
            method: 'POST',
            headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
            body,
            connections,
            duration: seconds,
          },
          (error, r) => (error ? reject(error) : resolve(r)),
        );
        run.on('response', (_client, _status, _bytes, ms) => latencies.push(ms));
      });
      const [p50, p95, p99] = [50, 95, 99].map((p) => Math.round(percentile(latencies, p)));
      const errors = result.non2xx + result.errors + result.timeouts;
      rows.push([`${connections} users: p50 / p95 / p99`, `${p50} / ${p95} / ${p99} ms`]);
      rows.push([
        `${connections} users: throughput`,
        `${result.requests.average.toFixed(0)} req/s`,
      ]);
      rows.push([`${connections} users: non-2xx + errors`, errors]);
      figures[`c${connections}`] = {
        p50Ms: p50,
        p95Ms: p95,
        p99Ms: p99,
        requestsPerSecond: Math.round(result.requests.average),
        errors,
      };
    }
  } finally {
    await server.stop();
    await issuer.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
  report('invoke', rows, figures, args.includes('--save'));
}
