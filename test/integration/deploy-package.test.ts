import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
  REPO_ROOT,
  startServer,
  waitForStatus,
  type ServerProcess,
} from '../support/server-process';

// `npm run package:deploy` (scripts/package-deploy.js): what App Service gets is the built server,
// the built tab and the server's production dependencies, and it starts from that folder alone.
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bearing-deploy-'));
const app = path.join(dir, 'out', 'app');
let server: ServerProcess | undefined;
let summary = '';

beforeAll(() => {
  // The tab is built into this test's own folder (other tests build tab/dist at the same time).
  execFileSync(
    process.execPath,
    [
      path.join(REPO_ROOT, 'node_modules', 'vite', 'bin', 'vite.js'),
      'build',
      '--logLevel',
      'warn',
      '--outDir',
      path.join(dir, 'tab'),
      '--emptyOutDir',
    ],
    { cwd: path.join(REPO_ROOT, 'tab'), stdio: 'inherit' },
  );
  const result = spawnSync(
    process.execPath,
    [
      path.join(REPO_ROOT, 'scripts', 'package-deploy.js'),
      '--out',
      path.join(dir, 'out'),
      '--tab',
      path.join(dir, 'tab'),
    ],
    { encoding: 'utf8' },
  );
  if (result.status !== 0) throw new Error(`package:deploy failed:\n${result.stderr}`);
  summary = result.stdout;
}, 600_000);

afterAll(async () => {
  await server?.stop();
  fs.rmSync(dir, { recursive: true, force: true });
});

const exists = (rel: string) => fs.existsSync(path.join(app, rel));

it('holds the built server and tab, and no sources, tests or tools', () => {
  for (const rel of ['bot/dist/index.js', 'core/dist/index.js', 'tab/dist/index.html'])
    expect([rel, exists(rel)]).toEqual([rel, true]);
  for (const rel of ['bot/src', 'core/src', 'tab/src', 'test', 'infra', 'docs', '.git', 'env'])
    expect([rel, exists(rel)]).toEqual([rel, false]);
  const pkg = JSON.parse(fs.readFileSync(path.join(app, 'package.json'), 'utf8')) as object;
  expect(Object.keys(pkg)).not.toEqual(expect.arrayContaining(['workspaces']));
  expect(pkg).not.toHaveProperty('devDependencies');
  expect(summary).toMatch(/^Deploy package: \d+ files, [\d.]+ MB .*bearing\.zip [\d.]+ MB\n/);
  expect(fs.statSync(path.join(dir, 'out', 'bearing.zip')).size).toBeGreaterThan(1_000_000);
});

it('carries the server’s production dependencies only (no dev tools, no bundled tab libraries)', () => {
  for (const name of ['botbuilder', '@azure/cosmos', 'express', 'pino', 'zod', '@bearing/core'])
    expect([name, exists(`node_modules/${name}/package.json`)]).toEqual([name, true]);
  expect(exists('bot/node_modules/jose/package.json') || exists('node_modules/jose')).toBe(true);
  for (const name of ['typescript', 'jest', 'vite', 'eslint', 'playwright-core', '@swc/core'])
    expect([name, exists(`node_modules/${name}`)]).toEqual([name, false]);
  // Vite bundled these into tab/dist.
  for (const name of ['react', 'react-dom', '@fluentui/react-components', '@microsoft/teams-js'])
    expect([name, exists(`node_modules/${name}`)]).toEqual([name, false]);
  // No links: a zip keeps none (the workspace packages are real folders).
  expect(fs.lstatSync(path.join(app, 'node_modules', '@bearing', 'core')).isSymbolicLink()).toBe(
    false,
  );
});

it('starts from the package folder alone: liveness and the tab answer', async () => {
  const data = path.join(dir, 'data');
  server = await startServer({ BEARING_DATA_DIR: data }, { root: app });
  expect(await waitForStatus(`${server.baseUrl}/healthz`, 200, 60_000)).toBe(200);
  const tab = await fetch(`${server.baseUrl}/tab/`);
  expect(tab.status).toBe(200);
  expect(await tab.text()).toContain('<div id="root">');
}, 90_000);
