import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { postJson } from '../../simulators/http';
import { startServer, waitForStatus, type ServerProcess } from '../support/server-process';

// The real server in local mode (embedded store, demo data) is killed with SIGKILL at random
// points while readings are being posted: every reading that was answered 201 must be there after
// the restarts. Unanswered ones may or may not be.
const TEAM = '00000000-0000-0000-0000-000000000031';
const KPI = 'kpi-csat';
const KILLS = 5;
const WRITERS = 8;

let dataDir: string;
let server: ServerProcess | undefined;
beforeAll(() => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'bearing-kill-'));
});
afterAll(async () => {
  await server?.stop('SIGKILL');
  fs.rmSync(dataDir, { recursive: true, force: true });
});

async function start(): Promise<ServerProcess> {
  const s = await startServer({
    BEARING_DATA_DIR: dataDir,
    BEARING_JOBS: 'off',
    LOG_LEVEL: 'warn',
  });
  const status = await waitForStatus(`${s.baseUrl}/healthz`, 200, 30_000);
  if (status !== 200) throw new Error(`server did not start (${status}): ${s.output()}`);
  return s;
}

it('kill -9 at random points loses no acknowledged write', async () => {
  server = await start();
  const key = await postJson(`${server.baseUrl}/api/v1/teams/${TEAM}/ingestion-keys`, {
    name: 'kill test',
  });
  expect(key.status).toBe(201);
  const secret = String(key.body?.secret);
  const acknowledged: string[] = [];
  const refused: string[] = [];
  let seq = 0;
  for (let kill = 0; kill < KILLS; kill += 1) {
    const url = `${server.baseUrl}/api/v1/kpis/${KPI}/readings`;
    let killed = false;
    const writers = Array.from({ length: WRITERS }, async () => {
      while (!killed) {
        const id = `kill-${kill}-${++seq}`;
        try {
          const res = await postJson(
            url,
            { id, value: seq % 5, at: new Date().toISOString() },
            { authorization: `Bearer ${secret}` },
          );
          if (res.status === 201) acknowledged.push(id);
          // E.g. 401 when the (acknowledged) ingestion key itself was lost: stop and report it.
          else if (!killed) return void refused.push(`${id}: ${res.status} ${res.text}`);
        } catch (error) {
          if (!killed) throw error;
        }
      }
    });
    // A random point while writes are in flight.
    await new Promise((r) => setTimeout(r, 300 + Math.random() * 1200));
    killed = true;
    await server.stop('SIGKILL');
    await Promise.all(writers);
    server = await start();
  }

  const res = await fetch(
    `${server.baseUrl}/api/v1/teams/${TEAM}/export?what=readings&format=json`,
  );
  expect(res.status).toBe(200);
  const body = (await res.json()) as { readings: { id: string }[] };
  const present = new Set(body.readings.map((r) => r.id));
  const lost = acknowledged.filter((id) => !present.has(id));
  expect({ acknowledged: acknowledged.length, lost: lost.length, refused }).toEqual({
    acknowledged: acknowledged.length,
    lost: 0,
    refused: [],
  });
  expect(acknowledged.length).toBeGreaterThan(KILLS);
}, 120_000);
