import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { CARD_VERBS, CHECKIN_INPUTS } from '@bearing/core';
import { composeServer } from '../bot/src/compose';
import { loadConfig } from '../bot/src/config';
import { planTeamWeek } from '../bot/src/features/delivery/planner';
import { seedDemoOrganization } from '../bot/src/features/demo/seed-demo';
import { createLogger } from '../bot/src/observability/logger';
import { OperationCounter, openStores } from '../bot/src/store';
import type { OperationKind } from '../bot/src/store/op-counter';
import { cardInvoke, personalActivity } from '../simulators/teams/activities';
import { startFakeConnector } from '../simulators/connector/fake-connector';
import { postJson } from '../simulators/http';
import { report } from './report';

const TENANT = '00000000-0000-0000-0000-000000000001';
const TEAM = '00000000-0000-0000-0000-000000000031';
const KINDS: readonly OperationKind[] = [
  'pointRead',
  'pointWrite',
  'batch',
  'singlePartitionQuery',
  'crossPartitionQuery',
];
const SHORT: Record<OperationKind, string> = {
  pointRead: 'reads',
  pointWrite: 'writes',
  batch: 'batches',
  singlePartitionQuery: '1-part q',
  crossPartitionQuery: 'x-part q',
};

/** The server as composed (local mode, jobs off) over the embedded store, counting operations. */
async function startCountedServer(counter: OperationCounter) {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'bearing-bench-store-'));
  const config = loadConfig({ PORT: '0', BEARING_DATA_DIR: dataDir, BEARING_JOBS: 'off' });
  const logger = createLogger('warn');
  const stores = await openStores({
    databaseId: config.cosmos.database,
    dataDir,
    logger,
    counter,
    retention: config.retention,
    snapshotIntervalMs: 3_600_000,
  });
  await seedDemoOrganization(stores, new Date(), logger);
  const server = await composeServer({ config, stores, logger }).listen(0, '127.0.0.1');
  return {
    url: server.url,
    stores,
    stop: async () => {
      await server.stop();
      await stores.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/**
 * `npm run bench -- store [--save]`: store operations and document bytes per hot path, through the
 * server's HTTP endpoints (and the planner) over the embedded Cosmos with the demo organisation.
 * Counts are deterministic; bytes are the JSON size of documents written or returned.
 */
export async function store(args: readonly string[]): Promise<void> {
  const counter = new OperationCounter();
  const [h, connector] = await Promise.all([startCountedServer(counter), startFakeConnector()]);
  const rows: [string, string | number][] = [];
  const figures: Record<string, unknown> = {};
  const measure = async (name: string, run: () => Promise<void>) => {
    counter.reset();
    await run();
    const counts = counter.snapshot();
    const bytes = counter.bytes();
    const total = KINDS.reduce((sum, k) => sum + bytes[k], 0);
    rows.push([
      name,
      `${KINDS.map((k) => `${counts[k]} ${SHORT[k]}`).join(', ')}; ${(total / 1024).toFixed(1)} KiB`,
    ]);
    figures[name] = { ...counts, bytes: total };
  };
  const ok = (status: number, what: string) => {
    if (status >= 300) throw new Error(`${what}: HTTP ${status}`);
  };
  try {
    await measure('team view (GET alignment)', async () => {
      ok((await fetch(`${h.url}/api/v1/teams/${TEAM}/alignment`)).status, 'alignment');
    });
    await measure('my profile (GET /me)', async () => {
      ok((await fetch(`${h.url}/api/v1/me`)).status, 'me');
    });
    let submit: Record<string, unknown> = {};
    await measure('"check in" message → card', async () => {
      const before = connector.sent.length;
      const res = await postJson(
        `${h.url}/api/messages`,
        personalActivity(connector.url, { type: 'message', text: 'check in' }),
      );
      ok(res.status, 'check in message');
      const reply = connector.sent
        .slice(before)
        .find((s) => JSON.stringify(s.activity).includes('checkin.submit'));
      const card = (
        reply?.activity.attachments as {
          content: { actions: { verb: string; data: Record<string, unknown> }[] };
        }[]
      )[0].content;
      submit = card.actions.find((a) => a.verb === CARD_VERBS.checkInSubmit)?.data ?? {};
    });
    const krIds = submit.krIds as string[];
    await measure(`check-in submit (${krIds.length} KRs)`, async () => {
      const res = await postJson(
        `${h.url}/api/messages`,
        cardInvoke(connector.url, CARD_VERBS.checkInSubmit, {
          ...submit,
          ...Object.fromEntries(
            krIds.flatMap((id) => [
              [CHECKIN_INPUTS.value(id), '5'],
              [CHECKIN_INPUTS.confidence(id), 'onTrack'],
            ]),
          ),
        }),
      );
      ok(res.status, 'check-in submit');
    });
    const key = await postJson(`${h.url}/api/v1/teams/${TEAM}/ingestion-keys`, { name: 'bench' });
    ok(key.status, 'ingestion key');
    await measure('KPI reading (POST, 1 reading)', async () => {
      const res = await postJson(
        `${h.url}/api/v1/kpis/kpi-csat/readings`,
        { id: 'bench-1', value: 4.5, at: new Date().toISOString() },
        { authorization: `Bearer ${String(key.body?.secret)}` },
      );
      ok(res.status, 'reading');
    });
    await measure('weekly send planning (1 team)', async () => {
      await planTeamWeek(h.stores, TENANT, TEAM, new Date());
    });
  } finally {
    await h.stop();
    await connector.stop();
  }
  report('store', rows, figures, args.includes('--save'));
}
