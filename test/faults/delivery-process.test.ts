import fs from 'node:fs';
import { sendCheckInsNow } from '../../bot/src/features/delivery/planner';
import { DELIVERY_NODE_ARGS } from '../../bot/src/delivery-process';
import { EMBEDDED_KEY } from '../../bot/src/store/embedded/embedded-cosmos';
import { startFakeConnector } from '../../simulators/connector/fake-connector';
import { keyResult } from '../fixtures/okrs';
import { startTestStore, type TestStore } from '../support/embedded-store';
import { seedTeam } from '../support/seed-team';
import { startServer, waitForStatus, type ServerProcess } from '../support/server-process';

// The built server over Cosmos DB (the embedded server standing in for the account) runs its
// deliveries in a process of its own, forked with the delivery V8 limits: the check-in cards reach
// the Bot Connector from that process, a killed delivery process is started again and goes on
// sending, and stopping the server stops it too.
const T = '22222222-2222-2222-2222-222222222222';
// The second card goes to another organisation's team (each seeds its own organisation).
const T2 = '22222222-2222-2222-2222-222222222223';
const DATABASE = `delivery-process-${process.pid}`;
let store: TestStore;
let connector: Awaited<ReturnType<typeof startFakeConnector>>;
let server: ServerProcess | undefined;

beforeAll(async () => {
  store = await startTestStore(DATABASE);
  connector = await startFakeConnector();
});
afterAll(async () => {
  await server?.stop('SIGKILL');
  await connector?.stop();
  await store?.close();
});

/** The built server over the test store, jobs on (the default), info logs (its children's pids). */
const serverEnv = () => ({
  NODE_ENV: 'test',
  COSMOS_ENDPOINT: store.server.endpoint,
  COSMOS_KEY: EMBEDDED_KEY,
  COSMOS_DATABASE: DATABASE,
  LOG_LEVEL: 'info',
});

/** A team with one member who owns a key result and has a chat with the bot. */
async function seedOne(tenantId: string, teamId: string, userId: string): Promise<void> {
  const at = new Date().toISOString();
  await seedTeam(store.stores, {
    tenantId,
    teamId,
    at,
    people: [
      {
        userId,
        user: {
          conversationReference: {
            serviceUrl: connector.url,
            channelId: 'msteams',
            conversation: { id: `${userId}-chat`, tenantId, conversationType: 'personal' },
            user: { id: userId },
            bot: { id: 'bot' },
          },
        },
      },
    ],
  });
  await store.stores.okrs.saveKeyResult(
    keyResult({ tenantId, teamId, id: `kr-${userId}`, ownerId: userId, cycleId: 'FY2027-Q2' }),
  );
}

/** How many cards the chat has received. */
const cardsIn = (chat: string) => connector.sent.filter((a) => a.conversationId === chat).length;

/** Pids of the delivery processes the server said it started, in order. */
function deliveryPids(): number[] {
  return (server?.output() ?? '')
    .split('\n')
    .filter((line) => line.includes('"delivery is running"'))
    .map((line) => Number((JSON.parse(line) as { pid: number }).pid));
}

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

async function until<T>(what: string, probe: () => T | undefined, timeoutMs = 30_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`${what}: ${server?.output() ?? ''}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

it('sends from its own delivery process, restarts it after kill -9 and stops it on SIGTERM', async () => {
  await seedOne(T, 'team-a', 'user-a');
  server = await startServer(serverEnv());
  expect(await waitForStatus(`${server.baseUrl}/healthz`, 200, 30_000)).toBe(200);
  const first = await until('no delivery process started', () => deliveryPids()[0]);
  expect(first).not.toBe(server.child.pid);
  // Its parent is the server, and it runs with the delivery limits.
  expect(fs.readFileSync(`/proc/${first}/stat`, 'utf8').split(' ')[3]).toBe(
    String(server.child.pid),
  );
  const argv = fs.readFileSync(`/proc/${first}/cmdline`, 'utf8').split('\0');
  expect(argv).toEqual(expect.arrayContaining([...DELIVERY_NODE_ARGS]));
  expect(argv.some((a) => a.endsWith('delivery-main.js'))).toBe(true);

  expect(await sendCheckInsNow(store.stores, T, 'team-a', new Date())).toMatchObject({
    queued: 1,
  });
  await until('no card for user-a', () => (cardsIn('user-a-chat') > 0 ? true : undefined));

  // kill -9 of the delivery process: the server logs it, starts another, and that one sends.
  process.kill(first, 'SIGKILL');
  const second = await until('the delivery process was not started again', () =>
    deliveryPids().find((pid) => pid !== first),
  );
  expect(server.output()).toContain('delivery process exited; restarting');
  expect(alive(server.child.pid ?? 0)).toBe(true);
  await seedOne(T2, 'team-b', 'user-b');
  expect(await sendCheckInsNow(store.stores, T2, 'team-b', new Date())).toMatchObject({
    queued: 1,
  });
  await until('no card for user-b', () => (cardsIn('user-b-chat') > 0 ? true : undefined));
  expect(cardsIn('user-a-chat')).toBe(1);

  // SIGTERM of the server stops its delivery process too: nothing is left running.
  expect(await server.stop('SIGTERM')).toEqual({ code: 0, signal: null });
  expect(alive(second)).toBe(false);
  expect(server.output()).not.toContain('"message":"delivery process failed"');
});

it('ends with its server: kill -9 of the server leaves no delivery process behind', async () => {
  server = await startServer(serverEnv());
  const pid = await until('no delivery process started', () => deliveryPids()[0]);
  expect(alive(pid)).toBe(true);
  expect((await server.stop('SIGKILL')).signal).toBe('SIGKILL');
  // Its IPC channel closes with the server: it stops as on SIGTERM.
  await until('the delivery process outlived its server', () => (alive(pid) ? undefined : true));
});
