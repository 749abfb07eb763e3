import type { DeliveryJob } from '../../../bot/src/features/common/delivery-ports';
import { checkInCardFor } from '../../../bot/src/features/check-in/check-in-views';
import { DEMO_TENANT_ID, DEMO_USERS } from '../../../bot/src/features/demo/demo-organization';
import {
  resolveMemberContext,
  type MemberContext,
} from '../../../bot/src/features/common/member-context';
import { seedDemoOrganization } from '../../../bot/src/features/demo/seed-demo';
import { DeliveryContentResolver } from '../../../bot/src/features/delivery/delivery-content';
import { memoryLogger, startTestStore, type TestStore } from '../../support/embedded-store';

// The card a member asks for (`check in`) and the one the schedule sends (weekly card, reminder,
// snooze) are one card: same key results, objective titles, guardrail lines, locale and inputs.
const NOW = new Date('2026-11-23T18:00:00Z');
let store: TestStore;
const deps = () => ({ stores: store.stores, now: () => NOW, newId: () => 'on-demand' });

beforeAll(async () => {
  store = await startTestStore();
  await seedDemoOrganization(store.stores, NOW, memoryLogger());
  // Make every demo member reachable (a 1:1 conversation) so the schedule has somewhere to send.
  for (const { userId } of DEMO_USERS) {
    const user = (await store.stores.users.getUser(DEMO_TENANT_ID, userId))!;
    await store.stores.users.saveUser(
      {
        ...user.value,
        locale: userId === DEMO_USERS[1].userId ? 'de-DE' : user.value.locale,
        conversationReference: { conversation: { id: `${userId}-chat` }, serviceUrl: 'http://x' },
      },
      user.etag,
    );
  }
  // Megan's member record has no locale of its own: her profile's (de-DE) applies to both cards.
  const megan = await store.stores.teams.getMember(
    DEMO_TENANT_ID,
    (await store.stores.users.getUser(DEMO_TENANT_ID, DEMO_USERS[1].userId))!.value.teamIds[0],
    DEMO_USERS[1].userId,
  );
  const { locale: _dropped, ...rest } = megan!.value;
  await store.stores.teams.saveMember(rest, megan!.etag);
});
afterAll(() => store?.close());

async function contextOf(userId: string): Promise<MemberContext> {
  const ctx = await resolveMemberContext(store.stores, DEMO_TENANT_ID, userId, NOW);
  if (!ctx) throw new Error(`no context for ${userId}`);
  return ctx;
}

function jobFor(ctx: MemberContext, kind: DeliveryJob['kind']): DeliveryJob {
  return {
    tenantId: DEMO_TENANT_ID,
    teamId: ctx.team.id,
    id: `job-${kind}`,
    kind,
    userId: ctx.user.value.userId,
    cycleId: ctx.cycle.id,
    week: ctx.week,
    dueAt: NOW.toISOString(),
    notBefore: NOW.toISOString(),
    status: 'pending',
    attempts: 0,
  };
}

/** The card with its submission id (one per card by design) taken out. */
const comparable = (card: unknown) =>
  JSON.parse(JSON.stringify(card).replace(/"submissionId":"[^"]*"/g, '"submissionId":"-"'));

it.each([
  ['Alex', 0, 'CSAT is close to leaving its target range'],
  ['Megan', 1, 'Voluntary turnover is close to leaving its target range'],
])(
  "%s's scheduled check-in, reminder and snooze cards equal the on-demand card",
  async (_name, index, guardrail) => {
    const ctx = await contextOf(DEMO_USERS[index].userId);
    const onDemand = comparable(await checkInCardFor(deps(), ctx));
    expect(JSON.stringify(onDemand)).toContain(guardrail);
    const resolver = new DeliveryContentResolver(deps(), 0);
    for (const kind of ['checkIn', 'reminder', 'snooze'] as const) {
      const content = await resolver.contentFor(jobFor(ctx, kind));
      expect(content.kind).toBe('send');
      expect(comparable(content.kind === 'send' ? content.card : undefined)).toEqual(onDemand);
    }
  },
);

it("a team's weekly cards read its week (key results, objectives, KPIs) once, however many members", async () => {
  const resolver = new DeliveryContentResolver(deps(), 60_000);
  const contexts = await Promise.all(DEMO_USERS.map((u) => contextOf(u.userId)));
  store.counter.reset();
  const contents = await Promise.all(
    contexts.map((ctx) => resolver.contentFor(jobFor(ctx, 'checkIn'))),
  );
  expect(contents.filter((c) => c.kind === 'send').length).toBeGreaterThan(1);
  // Two team-partition queries in all (the week, and the open items every card lists its author's
  // from); per member a fresh "already checked in?" read and the profile.
  expect(store.counter.snapshot()).toEqual({
    pointRead: 2 * DEMO_USERS.length,
    pointWrite: 0,
    batch: 0,
    singlePartitionQuery: 2,
    crossPartitionQuery: 0,
  });
});
