import { adoptTeamsOwners } from '../../../bot/src/features/team/team-owners';
import { GraphTeamOwners } from '../../../bot/src/teams/graph-team-owners';
import { postJson } from '../../../simulators/http';
import { startHarness, type Harness } from '../../faults/harness';
import { memoryLogger } from '../../support/embedded-store';
import {
  startFakeConnector,
  type RosterAccount,
} from '../../../simulators/connector/fake-connector';
import { startGraphSimulator } from '../../../simulators/graph/graph-simulator';

// Teams team owners become Bearing owners when Microsoft Graph says who they are (RSC
// TeamMember.Read.Group). The Bot Connector roster cannot: its userRole is user/guest/anonymous.
const TENANT = '5d1c0000-0000-4000-8000-000000000001';
const OTHER_TENANT = '5d1c0000-0000-4000-8000-0000000000ff';
const TEAM = '5d1c0000-0000-4000-8000-00000000beef';
const THREAD = '19:owners-team@thread.tacv2';
const BOT = '28:bearing-owners-bot';
const oid = (n: number) => `5d1c0000-0000-4000-8000-0000000001${String(n).padStart(2, '0')}`;
const account = (n: number, name: string): RosterAccount => ({
  id: `29:owners-${n}`,
  aadObjectId: oid(n),
  name,
  userRole: 'user',
});
const INSTALLER = account(1, 'Ines');
const OWNER = account(2, 'Olga'); // owns the team in Teams
const MEMBER = account(3, 'Mo');

type Graph = Awaited<ReturnType<typeof startGraphSimulator>>;
let graph: Graph;
let connector: Awaited<ReturnType<typeof startFakeConnector>>;
let h: Harness;
const logger = memoryLogger();
const token = async () => 'graph-app-token';

beforeAll(async () => {
  graph = await startGraphSimulator(
    {
      [TEAM]: [
        { userId: OWNER.aadObjectId, tenantId: TENANT, roles: ['owner'] },
        { userId: MEMBER.aadObjectId, tenantId: TENANT },
        // Graph also marks people of other tenants 'owner' (shared channels): never adopted.
        { userId: oid(9), tenantId: OTHER_TENANT, roles: ['owner'] },
        { userId: oid(8), tenantId: TENANT, roles: ['owner', 'guest'] },
        {
          userId: oid(7),
          tenantId: TENANT,
          roles: ['owner'],
          type: '#microsoft.graph.skypeUserConversationMember',
        },
      ],
    },
    { pageSize: 2 },
  );
  connector = await startFakeConnector({ [THREAD]: [INSTALLER, OWNER, MEMBER] });
  h = await startHarness({
    teamOwners: new GraphTeamOwners(token, logger, { baseUrl: graph.url, deadlineMs: 1_000 }),
  });
}, 60_000);
afterAll(async () => {
  await h?.stop();
  await connector?.stop();
  await graph?.stop();
});

const directory = (deadlineMs = 1_000) =>
  new GraphTeamOwners(token, logger, { baseUrl: graph.url, deadlineMs });

describe('the Graph team-owner directory', () => {
  it('reads every page and keeps only Entra users of the tenant with the owner role', async () => {
    graph.setMode('ok');
    const before = graph.requests.length;
    expect(await directory().ownersOf(TENANT, TEAM)).toEqual([OWNER.aadObjectId]);
    const calls = graph.requests.slice(before);
    expect(calls.length).toBe(3); // 5 members, 2 a page
    expect(calls.every((c) => c.authorization === 'Bearer graph-app-token')).toBe(true);
  });

  it('answers "unknown" when the permission was not granted (403)', async () => {
    graph.setMode('forbidden');
    expect(await directory().ownersOf(TENANT, TEAM)).toBeUndefined();
    expect(
      logger.lines.some((l) => l.includes('team owners unavailable') && l.includes('403')),
    ).toBe(true);
  });

  it('answers "unknown" when Graph does not answer before the deadline', async () => {
    graph.setMode('hang');
    expect(await directory(200).ownersOf(TENANT, TEAM)).toBeUndefined();
    expect(logger.lines.some((l) => l.includes('"error":"timeout"'))).toBe(true);
  });

  it('never calls Graph without a token (local mode)', async () => {
    graph.setMode('ok');
    const before = graph.requests.length;
    const local = new GraphTeamOwners(async () => undefined, logger, { baseUrl: graph.url });
    expect(await local.ownersOf(TENANT, TEAM)).toBeUndefined();
    expect(graph.requests.length).toBe(before);
  });
});

let sequence = 0;
function teamEvent(from: RosterAccount, fields: Record<string, unknown>) {
  sequence += 1;
  return {
    id: `owners-${sequence}`,
    type: 'conversationUpdate',
    channelId: 'msteams',
    serviceUrl: connector.url,
    from: { id: from.id, aadObjectId: from.aadObjectId, name: from.name },
    recipient: { id: BOT, name: 'Bearing' },
    conversation: { id: THREAD, conversationType: 'channel', tenantId: TENANT, isGroup: true },
    channelData: {
      tenant: { id: TENANT },
      team: { id: THREAD, name: 'Owners Team', aadGroupId: TEAM },
      eventType: 'teamMemberAdded',
    },
    ...fields,
  };
}

const roleOf = async (who: RosterAccount) =>
  (await h.stores.teams.getMember(TENANT, TEAM, who.aadObjectId))?.value.role;

async function until(condition: () => Promise<boolean>): Promise<void> {
  for (let i = 0; i < 100 && !(await condition()); i += 1)
    await new Promise((r) => setTimeout(r, 50));
}

describe('adding Bearing to a team', () => {
  it('installs at once while Graph hangs; the installer owns the team, nobody else changes', async () => {
    graph.setMode('hang');
    const res = await postJson(
      `${h.url}/api/messages`,
      teamEvent(INSTALLER, { membersAdded: [{ id: BOT }] }),
    );
    expect(res.status).toBe(200);
    expect(await roleOf(INSTALLER)).toBe('owner');
    expect(await roleOf(OWNER)).toBe('member');
  });

  it('makes the Teams owner an owner once Graph answers (the next roster event looks again)', async () => {
    graph.setMode('ok');
    const res = await postJson(
      `${h.url}/api/messages`,
      teamEvent(INSTALLER, { membersAdded: [{ id: MEMBER.id, aadObjectId: MEMBER.aadObjectId }] }),
    );
    expect(res.status).toBe(200);
    await until(async () => (await roleOf(OWNER)) === 'owner');
    expect(await roleOf(OWNER)).toBe('owner');
    // Nobody is demoted: the installer stays an owner although Teams does not list them as one.
    expect(await roleOf(INSTALLER)).toBe('owner');
    expect(await roleOf(MEMBER)).toBe('member');
    const audit = h.logs.find((l) => l.includes('"action":"teamsOwner"'));
    expect(audit).toContain(`"targetUserId":"${OWNER.aadObjectId}"`);
    expect(audit).not.toContain('Olga');
  });

  it('adopts only active members; an owner already is left as is', async () => {
    graph.setMode('ok');
    const deps = { teams: h.stores.teams, directory: directory() };
    // Olga is already an owner; the outside-tenant and guest "owners" are not members at all.
    expect(await adoptTeamsOwners(deps, TENANT, TEAM, new Date())).toEqual([]);
    const olga = await h.stores.teams.getMember(TENANT, TEAM, OWNER.aadObjectId);
    await h.stores.teams.saveMember({ ...olga!.value, role: 'manager', active: false }, olga!.etag);
    expect(await adoptTeamsOwners(deps, TENANT, TEAM, new Date())).toEqual([]);
    expect(await roleOf(OWNER)).toBe('manager');
  });
});
