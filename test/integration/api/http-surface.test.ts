import fs from 'node:fs';
import path from 'node:path';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Router } from 'express';
import { createHttpApp } from '../../../bot/src/http/app';
import { memoryLogger, tempDir } from '../../support/embedded-store';
import { startInProcess } from '../../support/in-process-server';

// What the server answers besides its routes' bodies: caching of API answers, and which files of
// the built tab it publishes.
const TEAM = '00000000-0000-0000-0000-000000000031';

describe('every /api/v1 answer is Cache-Control: no-store', () => {
  let server: Awaited<ReturnType<typeof startInProcess>>;
  beforeAll(async () => {
    server = await startInProcess({ BEARING_JOBS: 'off' });
  });
  afterAll(async () => server?.stop());

  it.each([
    ['GET', '/api/v1/me', undefined, {}, 200],
    ['GET', '/api/v1/me/okrs', undefined, {}, 200],
    ['GET', `/api/v1/teams/${TEAM}/alignment`, undefined, {}, 200],
    ['GET', `/api/v1/teams/${TEAM}/settings`, undefined, {}, 200],
    ['GET', '/api/v1/admin/retention', undefined, {}, 200],
    ['GET', '/api/v1/me', undefined, { authorization: 'Bearer x.y.z' }, 401],
    ['GET', '/api/v1/teams/not%20an%20id/alignment', undefined, {}, 400],
    ['GET', '/api/v1/nope', undefined, {}, 404],
    ['POST', '/api/v1/me/check-ins', '{"broken":', {}, 400],
    ['POST', '/api/v1/me/check-ins', 'too large', {}, 413],
    ['POST', '/api/v1/kpis/kpi-csat/readings', '{}', {}, 401],
  ])('%s %s (body %s, headers %j) → %d', async (method, url, body, headers, status) => {
    const res = await fetch(`${server.url}${url}`, {
      method,
      headers: { ...(body ? { 'content-type': 'application/json' } : {}), ...headers },
      body: body === 'too large' ? JSON.stringify({ text: 'x'.repeat(1_100_000) }) : body,
    });
    expect(res.status).toBe(status);
    expect(res.headers.get('cache-control')).toBe('no-store');
  });
});

describe('source maps of the tab', () => {
  let dir: string;
  beforeAll(() => {
    dir = tempDir('bearing-tab-');
    fs.mkdirSync(path.join(dir, 'assets'));
    fs.writeFileSync(path.join(dir, 'index.html'), '<!doctype html><title>Bearing</title>');
    fs.writeFileSync(path.join(dir, 'assets', 'index-abc.js'), 'console.log(1);');
    fs.writeFileSync(path.join(dir, 'assets', 'index-abc.js.map'), '{"version":3,"sources":[]}');
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  async function serve(production: boolean, run: (url: string) => Promise<void>) {
    const app = createHttpApp({
      logger: memoryLogger(),
      storeProbe: async () => true,
      messages: (_req, res) => void res.status(401).end(),
      authenticate: (_req, res) => void res.status(401).end(),
      api: Router(),
      tabDir: dir,
      production,
    });
    const http: Server = await new Promise((resolve) => {
      const s = app.listen(0, '127.0.0.1', () => resolve(s));
    });
    try {
      await run(`http://127.0.0.1:${(http.address() as AddressInfo).port}`);
    } finally {
      await new Promise((resolve) => http.close(resolve));
    }
  }

  it('are built and served for debugging outside production', async () => {
    await serve(false, async (url) => {
      expect((await fetch(`${url}/tab/assets/index-abc.js.map`)).status).toBe(200);
    });
  });

  it('are not published in production (404), while the bundle and page are', async () => {
    await serve(true, async (url) => {
      for (const file of [
        'index-abc.js.map',
        'INDEX-ABC.JS.MAP',
        'index-abc.js.map?x=1',
        'index-abc.js%2emap',
        'index-abc.js%2Emap/',
      ]) {
        const res = await fetch(`${url}/tab/assets/${file}`);
        expect(res.status).toBe(404);
        expect(await res.text()).not.toContain('version');
      }
      expect((await fetch(`${url}/tab/assets/index-abc.js`)).status).toBe(200);
      expect((await fetch(`${url}/tab/`)).status).toBe(200);
    });
  });
});
