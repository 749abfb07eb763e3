import { spawn } from 'node:child_process';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { DEFAULT_TEAM_SETTINGS, isoWeek } from '@bearing/core';
import { composeServer } from '../../bot/src/compose';
import { loadConfig } from '../../bot/src/config';
import { sendCheckInsNow } from '../../bot/src/features/delivery/planner';
import { keyResult } from '../fixtures/okrs';
import { memoryLogger, startTestStore, type TestStore } from '../support/embedded-store';
import { REPO_ROOT } from '../support/server-process';

// A worker process killed with SIGKILL after Teams accepted a card but before the job was marked
// sent: the card must still count as delivered later (not lost), with at most one duplicate.
const T = '11111111-1111-1111-1111-111111111111';
const TEAM = 'crash-team';
const USER = 'crash-user';
const DATABASE = `crash-${process.pid}`;
let store: TestStore;
let connector: http.Server;
let hold = true;
const delivered: string[] = [];
let onDelivered: () => void = () => undefined;

beforeAll(async () => {
  store = await startTestStore(DATABASE);
  connector = http.createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      const m = /^\/v3\/conversations\/([^/]+)\/activities/.exec(req.url ?? '');
      if (!m) return void res.writeHead(404).end('{}');
      delivered.push(decodeURIComponent(m[1]));
      onDelivered();
      // Holding the answer: the sender is killed while it waits for it.
      if (hold) return;
      res.writeHead(201, { 'content-type': 'application/json' }).end('{"id":"a"}');
    });
  });
  await new Promise<void>((r) => connector.listen(0, '127.0.0.1', () => r()));
  const url = `http://127.0.0.1:${(connector.address() as AddressInfo).port}`;
  const s = store.stores;
  const now = new Date().toISOString();
  await s.organizations.saveOrganization({
    tenantId: T,
    name: 'Org',
    fiscalStartMonth: 7,
    defaultTimeZone: 'UTC',
    createdAt: now,
    updatedAt: now,
  });
  await s.teams.saveTeam({
    tenantId: T,
    id: TEAM,
    name: TEAM,
    settings: { ...DEFAULT_TEAM_SETTINGS, timeZone: 'UTC' },
    createdAt: now,
    updatedAt: now,
  });
  await s.teams.saveMember({
    tenantId: T,
    teamId: TEAM,
    userId: USER,
    displayName: 'User',
    role: 'member',
    active: true,
    timeZone: 'UTC',
    joinedAt: now,
    updatedAt: now,
  });
  await s.users.saveUser({
    tenantId: T,
    userId: USER,
    displayName: 'User',
    teamIds: [TEAM],
    updatedAt: now,
    conversationReference: {
      serviceUrl: url,
      channelId: 'msteams',
      conversation: { id: `${USER}-chat`, tenantId: T, conversationType: 'personal' },
      user: { id: USER },
      bot: { id: 'bot' },
    },
  });
  await s.okrs.saveKeyResult(
    keyResult({ tenantId: T, teamId: TEAM, id: 'kr-1', ownerId: USER, cycleId: 'FY2027-Q2' }),
  );
});
afterAll(async () => {
  connector?.closeAllConnections();
  await new Promise<void>((r) => connector.close(() => r()));
  await store?.close();
});

it('kill -9 between send and record: delivered, then resent once after the lease', async () => {
  const planned = await sendCheckInsNow(store.stores, T, TEAM, new Date());
  expect(planned).toBeDefined();
  const sentToUser = new Promise<void>((resolve) => {
    onDelivered = resolve;
  });
  const child = spawn(
    process.execPath,
    [
      path.join(REPO_ROOT, 'scripts', 'run-ts.js'),
      path.join(__dirname, 'worker-child.ts'),
      store.server.endpoint,
      DATABASE,
    ],
    { cwd: REPO_ROOT, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let output = '';
  child.stdout.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr.on('data', (d: Buffer) => (output += d.toString()));
  const exited = new Promise<NodeJS.Signals | null>((r) => child.once('exit', (_c, s) => r(s)));
  await Promise.race([
    sentToUser,
    exited.then(() => {
      throw new Error(`worker exited before sending: ${output}`);
    }),
  ]);
  child.kill('SIGKILL');
  expect(await exited).toBe('SIGKILL');
  expect(output).not.toContain('tick done');
  expect(delivered.filter((c) => c === `${USER}-chat`)).toHaveLength(1);

  // A surviving instance takes the job over once the dead worker's lease has run out.
  hold = false;
  connector.closeAllConnections();
  const later = () => new Date(Date.now() + 2 * 60_000);
  const survivor = composeServer({
    config: loadConfig({ NODE_ENV: 'test', BEARING_JOBS: 'off' }),
    stores: store.stores,
    logger: memoryLogger(),
    now: later,
    workerId: 'survivor',
  });
  await survivor.worker.tick();
  const toUser = delivered.filter((c) => c === `${USER}-chat`);
  // Not lost, and exactly the one duplicate a crash between send and record allows.
  expect(toUser).toHaveLength(2);
  const week = isoWeek(new Date().toISOString(), 'UTC');
  const jobs = await store.stores.deliveries.listJobsForWeek(T, TEAM, week);
  const checkIn = jobs.filter((j) => j.userId === USER && j.kind === 'checkIn');
  expect(checkIn.map((j) => j.status)).toEqual(['sent']);
});
