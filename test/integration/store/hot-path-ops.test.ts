import {
  contextOrMessage,
  handleCheckInSubmit,
} from '../../../bot/src/features/check-in/check-in-views';
import {
  DEMO_TEAM_ID,
  DEMO_TENANT_ID,
  DEMO_USERS,
} from '../../../bot/src/features/demo/demo-organization';
import { resolveMemberContext } from '../../../bot/src/features/common/member-context';
import { seedDemoOrganization } from '../../../bot/src/features/demo/seed-demo';
import { composeServer, type ListeningServer } from '../../../bot/src/compose';
import { loadConfig } from '../../../bot/src/config';
import { planTeamWeek } from '../../../bot/src/features/delivery/planner';
import type { OperationKind } from '../../../bot/src/store/op-counter';
import { documentTable, markdownTable } from '../../support/doc-table';
import { memoryLogger, startTestStore, type TestStore } from '../../support/embedded-store';

// What each hot path costs in store operations, measured through the route or use case that runs
// in production (the demo team: 6 members reachable in 1:1 chats). docs/data-model.md quotes this
// table; the last test fails when the document and the measurement differ.
const NOW = new Date('2026-11-23T18:00:00.000Z');
const ALEX = DEMO_USERS[0].userId;
const HEAD = [
  'hot path',
  'point reads',
  'point writes',
  'batches',
  'single-partition queries',
  'cross-partition queries',
];
let t: TestStore;
let server: ListeningServer;
let base: string;
const rows: string[][] = [];

beforeAll(async () => {
  t = await startTestStore();
  await seedDemoOrganization(t.stores, NOW, memoryLogger());
  for (const { userId } of DEMO_USERS) {
    const user = (await t.stores.users.getUser(DEMO_TENANT_ID, userId))!;
    const reference = { conversation: { id: `${userId}-chat` }, serviceUrl: 'http://x' };
    await t.stores.users.saveUser({ ...user.value, conversationReference: reference }, user.etag);
  }
  // The server as composed (jobs off); the local identity is Alex of the demo tenant.
  server = await composeServer({
    config: loadConfig({ NODE_ENV: 'test', BEARING_JOBS: 'off' }),
    stores: t.stores,
    logger: memoryLogger(),
    now: () => NOW,
  }).listen(0, '127.0.0.1');
  base = `${server.url}/api/v1`;
}, 60_000);
afterAll(async () => {
  await server?.stop();
  await t?.close();
});

async function measure(name: string, run: () => Promise<void>) {
  t.counter.reset();
  await run();
  const c: Readonly<Record<OperationKind, number>> = t.counter.snapshot();
  rows.push([
    name,
    ...[c.pointRead, c.pointWrite, c.batch, c.singlePartitionQuery, c.crossPartitionQuery].map(
      String,
    ),
  ]);
  return c;
}

async function call(method: string, path: string, body?: unknown) {
  const res = await fetch(`${base}${path}`, {
    method,
    headers: { 'content-type': 'application/json' },
    ...(body ? { body: JSON.stringify(body) } : {}),
  });
  const json = (await res.json()) as Record<string, unknown>;
  if (res.status >= 300)
    throw new Error(`${method} ${path}: ${res.status} ${JSON.stringify(json)}`);
  return json;
}

const zeroCross = (c: Readonly<Record<OperationKind, number>>) => c.crossPartitionQuery;

it('team view (GET …/alignment): the caller, organisation and team, then two queries', async () => {
  const counts = await measure('GET …/teams/:teamId/alignment', async () => {
    const view = await call('GET', `/teams/${DEMO_TEAM_ID}/alignment`);
    expect((view.objectives as unknown[]).length).toBeGreaterThan(0);
  });
  expect(zeroCross(counts)).toBe(0);
  expect(counts.singlePartitionQuery).toBe(2);
});

it('my profile (GET /me): point reads only', async () => {
  const counts = await measure('GET /me (1 team)', async () => {
    const me = await call('GET', '/me');
    expect(me.userId).toBe(ALEX);
  });
  expect(counts.singlePartitionQuery + counts.crossPartitionQuery + counts.pointWrite).toBe(0);
});

it('check-in submit from the card: no query; from the tab: one, for the fresh key results', async () => {
  const ctx = (await resolveMemberContext(t.stores, DEMO_TENANT_ID, ALEX, NOW, DEMO_TEAM_ID))!;
  const krs = await t.stores.okrs.listKeyResultsOwnedBy(
    DEMO_TENANT_ID,
    DEMO_TEAM_ID,
    [ctx.cycle.id],
    ALEX,
  );
  const updates = krs.map((k) => ({
    keyResultId: k.value.id,
    value: k.value.current,
    confidence: 'onTrack' as const,
  }));
  const submission = { cycleId: ctx.cycle.id, week: ctx.week, nothingChanged: false, updates };
  const tab = await measure(`POST /me/check-ins (${updates.length} KRs)`, async () => {
    const body = { ...submission, teamId: DEMO_TEAM_ID, submissionId: 'hot-path-tab-1' };
    expect(await call('POST', '/me/check-ins', body)).toMatchObject({ replayed: false });
  });
  expect([tab.singlePartitionQuery, tab.crossPartitionQuery]).toEqual([1, 0]);

  // The card's Submit, as the bot runs it (member context for the card's team, then the use case).
  const megan = DEMO_USERS[1].userId;
  const meganCtx = (await resolveMemberContext(t.stores, DEMO_TENANT_ID, megan, NOW))!;
  const own = await t.stores.okrs.listKeyResultsOwnedBy(
    DEMO_TENANT_ID,
    DEMO_TEAM_ID,
    [meganCtx.cycle.id],
    megan,
  );
  expect(own.map((k) => k.value.type)).toEqual(['number']);
  const card = await measure('check-in card Submit (1 KR, changed)', async () => {
    const context = await contextOrMessage(
      { stores: t.stores, now: () => NOW, newId: () => 'unused' },
      DEMO_TENANT_ID,
      megan,
      DEMO_TEAM_ID,
    );
    if (!('user' in context)) throw new Error('Megan is not a member');
    const reply = await handleCheckInSubmit(
      { stores: t.stores, now: () => NOW, newId: () => 'unused' },
      context,
      {
        teamId: DEMO_TEAM_ID,
        cycleId: context.cycle.id,
        week: context.week,
        submissionId: 'hot-path-card-1',
        nothingChanged: false,
        updates: own.map((k) => ({
          keyResultId: k.value.id,
          value: k.value.current + 1,
          confidence: 'onTrack' as const,
        })),
      },
      {},
    );
    expect(JSON.stringify(reply)).toContain('Checked in');
  });
  expect(card.singlePartitionQuery + card.crossPartitionQuery).toBe(0);
});

it('weekly send planning (the scheduler’s planTeamWeek): one query per team', async () => {
  const counts = await measure(`weekly send planning (${DEMO_USERS.length} members)`, async () => {
    // Members whose Monday is already over (Sydney, Kolkata) get nothing this late.
    expect(await planTeamWeek(t.stores, DEMO_TENANT_ID, DEMO_TEAM_ID, NOW)).toBeGreaterThan(0);
  });
  expect(counts.singlePartitionQuery).toBe(1);
  expect(zeroCross(counts)).toBe(0);
});

it('docs/data-model.md quotes exactly these numbers', () => {
  const measured = [HEAD, ...rows];
  const documented = documentTable('docs/data-model.md', '<!-- hot-path-ops -->');
  if (JSON.stringify(documented) !== JSON.stringify(measured)) {
    throw new Error(
      `docs/data-model.md is out of date; its hot-path table should be:\n\n${markdownTable(measured)}\n`,
    );
  }
});
