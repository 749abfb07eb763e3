import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startServer, waitForStatus, type ServerProcess } from '../support/server-process';

// Starts the real built server in local mode (embedded Cosmos, demo data) as `npm start` does.
describe('local mode server process', () => {
  let dataDir: string;
  let server: ServerProcess | undefined;

  beforeAll(() => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'bearing-start-'));
  });
  afterEach(async () => {
    await server?.stop('SIGKILL');
    server = undefined;
  });
  afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

  const env = () => ({ BEARING_DATA_DIR: dataDir, LOG_LEVEL: 'info' });

  it('serves /healthz, seeds the demo organisation once and keeps data across restarts', async () => {
    server = await startServer(env());
    expect(await waitForStatus(`${server.baseUrl}/healthz`, 200, 30_000)).toBe(200);
    const me = await (await fetch(`${server.baseUrl}/api/v1/me`)).json();
    expect(me).toMatchObject({
      userId: '00000000-0000-0000-0000-000000000020',
      displayName: 'Alex Wilber',
      identitySource: 'local',
      teams: [{ id: '00000000-0000-0000-0000-000000000031', name: 'My Team', role: 'owner' }],
    });
    expect(server.output()).toContain('seeded demo organisation');
    const stopped = await server.stop('SIGTERM');
    expect(stopped.code).toBe(0);
    expect(fs.existsSync(path.join(dataDir, 'cosmos-snapshot.json'))).toBe(true);

    server = await startServer(env());
    expect(await waitForStatus(`${server.baseUrl}/healthz`, 200, 30_000)).toBe(200);
    const again = (await (await fetch(`${server.baseUrl}/api/v1/me`)).json()) as {
      teams: unknown[];
    };
    expect(again.teams).toHaveLength(1);
    expect(server.output()).not.toContain('seeded demo organisation');
  }, 90_000);

  it('answers unknown API paths and placeholder endpoints with JSON status codes', async () => {
    server = await startServer(env());
    expect(await waitForStatus(`${server.baseUrl}/healthz`, 200, 30_000)).toBe(200);
    const unknown = await fetch(`${server.baseUrl}/api/v1/nope`);
    expect(unknown.status).toBe(404);
    expect(((await unknown.json()) as { error: { code: string } }).error.code).toBe(
      'HTTP.NOT_FOUND',
    );
    const malformed = await fetch(`${server.baseUrl}/api/v1/me`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"broken":',
    });
    expect(malformed.status).toBe(400);
    expect(((await malformed.json()) as { error: { code: string } }).error.code).toBe(
      'HTTP.MALFORMED_JSON',
    );
    const forged = await fetch(`${server.baseUrl}/api/v1/me`, {
      headers: { authorization: 'Bearer x.y.z' },
    });
    expect(forged.status).toBe(401);
  }, 60_000);

  it('refuses to start in production without BOT_ID, COSMOS_ENDPOINT and the SSO settings, naming them', async () => {
    server = await startServer({ ...env(), NODE_ENV: 'production' });
    const exit = await server.exited;
    expect(exit.code).not.toBe(0);
    for (const name of ['BOT_ID', 'COSMOS_ENDPOINT', 'AAD_APP_CLIENT_ID', 'BOT_DOMAIN'])
      expect(server.output()).toContain(`${name} is required when NODE_ENV=production`);
  }, 30_000);
});
