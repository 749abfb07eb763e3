import { startTokenIssuer } from '../../../simulators/identity/token-issuer';
import { texts } from '../../support/card-texts';
import { entraToken, OTHER_TENANT, SSO_TENANT, ssoEnv } from '../../support/entra-tokens';
import {
  startFakeConnector,
  type RosterAccount,
} from '../../../simulators/connector/fake-connector';
import { postJson } from '../../../simulators/http';
import { startInProcess } from '../../support/in-process-server';

// A real organisation, not the demo: nobody is pre-seeded. Bearing is added to a team over HTTP as
// Teams does it (conversationUpdate, roster read through the Bot Connector), and the tab API is
// called with Entra SSO tokens. The installer must come out an owner who can edit OKRs and start
// check-ins, and can make others managers (and undo it) without ever leaving the team ownerless.
const TENANT = SSO_TENANT;
const TEAM = '7f3e2a10-0000-4000-8000-00000000e001'; // the team's Entra group id
const TEAM_THREAD = '19:roles-team@thread.tacv2';
const BOT = '28:bearing-roles-bot';
const person = (n: number, name: string): RosterAccount => ({
  id: `29:roles-user-${n}`,
  aadObjectId: `7f3e2a10-0000-4000-8000-0000000000${String(n).padStart(2, '0')}`,
  name,
  userRole: 'user',
});
const INSTALLER = person(1, 'Ines Installer');
const MEGAN = person(2, 'Megan Bowen');
const ADELE = person(3, 'Adele Vance');
const ADMIN_OID = '7f3e2a10-0000-4000-8000-0000000000aa'; // a Bearing admin outside the team

let issuer: Awaited<ReturnType<typeof startTokenIssuer>>;
let connector: Awaited<ReturnType<typeof startFakeConnector>>;
let server: Awaited<ReturnType<typeof startInProcess>>;

beforeAll(async () => {
  issuer = await startTokenIssuer();
  connector = await startFakeConnector({ [TEAM_THREAD]: [INSTALLER, MEGAN, ADELE] });
  server = await startInProcess({
    ...ssoEnv(issuer),
    BEARING_SEED_DEMO: 'false',
    BEARING_JOBS: 'off',
  });
  const res = await postJson(
    `${server.url}/api/messages`,
    teamActivity(INSTALLER, {
      type: 'conversationUpdate',
      membersAdded: [{ id: BOT, name: 'Bearing' }],
    }),
  );
  expect(res.status).toBe(200);
}, 60_000);
afterAll(async () => {
  await server?.stop();
  await connector?.stop();
  await issuer?.stop();
});

let sequence = 0;
/** An activity in the team's General channel, as Teams sends it. */
function teamActivity(from: RosterAccount, fields: Record<string, unknown>) {
  sequence += 1;
  return {
    id: `roles-${sequence}`,
    channelId: 'msteams',
    serviceUrl: connector.url,
    timestamp: new Date().toISOString(),
    from: { id: from.id, aadObjectId: from.aadObjectId, name: from.name },
    recipient: { id: BOT, name: 'Bearing' },
    conversation: {
      id: `${TEAM_THREAD};messageid=1`,
      conversationType: 'channel',
      tenantId: TENANT,
      isGroup: true,
    },
    channelData: {
      tenant: { id: TENANT },
      team: { id: TEAM_THREAD, name: 'Roles Team', aadGroupId: TEAM },
      channel: { id: TEAM_THREAD, name: 'General' },
      ...(fields.type === 'conversationUpdate' ? { eventType: 'teamMemberAdded' } : {}),
    },
    locale: 'en-US',
    ...fields,
  };
}

const bearer = (oid: string, extra: Record<string, unknown> = {}) =>
  `Bearer ${entraToken(issuer, { tid: TENANT, oid, ...extra })}`;

async function api(method: string, path: string, authorization: string, body?: unknown) {
  const res = await fetch(`${server.url}/api/v1${path}`, {
    method,
    headers: {
      authorization,
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  return { status: res.status, body: (text ? JSON.parse(text) : {}) as Answer };
}

/** The fields of the answers this test reads (each route answers a subset). */
interface Answer {
  readonly teams: unknown;
  readonly cycle: { readonly id: string };
  readonly id: string;
  readonly etag: string;
  readonly members: readonly { readonly userId: string; readonly role: string }[];
  readonly error: { readonly code: string; readonly message: string };
}

/** Says something to the bot in the team channel and returns the texts of its replies. */
async function say(from: RosterAccount, text: string): Promise<string[]> {
  const before = connector.sent.length;
  const res = await postJson(
    `${server.url}/api/messages`,
    teamActivity(from, { type: 'message', text }),
  );
  expect(res.status).toBe(200);
  return texts(connector.sent.slice(before).map((s) => s.activity));
}

let objective: { id: string; etag: string };
/** Renames the team's objective as `who`; returns the status (and keeps the new ETag). */
async function rename(who: RosterAccount, title: string): Promise<number> {
  const res = await api(
    'PATCH',
    `/teams/${TEAM}/objectives/${objective.id}`,
    bearer(who.aadObjectId),
    {
      etag: objective.etag,
      title,
    },
  );
  if (res.status === 200) objective = { id: objective.id, etag: res.body.etag };
  return res.status;
}

const setRole = (as: string, target: RosterAccount, role: string, extra = {}) =>
  api('PUT', `/teams/${TEAM}/members/${target.aadObjectId}/role`, as, { role, ...extra });

const roles = async () => {
  const res = await api('GET', `/teams/${TEAM}/members`, bearer(INSTALLER.aadObjectId));
  expect(res.status).toBe(200);
  return Object.fromEntries(res.body.members.map((m) => [m.userId, m.role]));
};

it('makes the person who added Bearing its owner: they edit OKRs and start check-ins', async () => {
  const me = await api('GET', '/me', bearer(INSTALLER.aadObjectId));
  expect(me.body.teams).toEqual([{ id: TEAM, name: 'Roles Team', role: 'owner' }]);
  const alignment = await api('GET', `/teams/${TEAM}/alignment`, bearer(INSTALLER.aadObjectId));
  const created = await api('POST', `/teams/${TEAM}/objectives`, bearer(INSTALLER.aadObjectId), {
    cycleId: alignment.body.cycle.id,
    title: 'Ship roles',
    ownerId: INSTALLER.aadObjectId,
  });
  expect(created.status).toBe(201);
  objective = { id: created.body.id, etag: created.body.etag };
  expect(await rename(INSTALLER, 'Ship roles for real')).toBe(200);
  expect((await say(INSTALLER, 'send check-ins')).join('\n')).toContain(
    "Starting this week's check-in for Roles Team: 3 cards are on their way.",
  );
  // Everyone else in the roster is a member.
  expect(await roles()).toEqual({
    [INSTALLER.aadObjectId]: 'owner',
    [MEGAN.aadObjectId]: 'member',
    [ADELE.aadObjectId]: 'member',
  });
});

it('a member can neither edit, start check-ins nor promote anyone', async () => {
  expect(await rename(MEGAN, 'Megan was here')).toBe(403);
  expect((await say(MEGAN, 'send check-ins')).join('\n')).toContain(
    'Only team owners and managers can start the check-in',
  );
  const res = await setRole(bearer(MEGAN.aadObjectId), MEGAN, 'owner');
  expect(res.status).toBe(403);
  expect(res.body.error.message).toMatch(/owners/);
  expect((await roles())[MEGAN.aadObjectId]).toBe('member');
});

it('an owner promotes a manager, who then can edit and start check-ins; demoted, they cannot', async () => {
  const promoted = await setRole(bearer(INSTALLER.aadObjectId), MEGAN, 'manager');
  expect(promoted.status).toBe(200);
  expect(promoted.body).toMatchObject({ userId: MEGAN.aadObjectId, role: 'manager' });
  expect(await rename(MEGAN, 'Managed by Megan')).toBe(200);
  expect((await say(MEGAN, 'send check-ins')).join('\n')).toContain(
    "Starting this week's check-in",
  );
  // The same request again is the same outcome (idempotent), and a stale ETag is refused.
  expect((await setRole(bearer(INSTALLER.aadObjectId), MEGAN, 'manager')).status).toBe(200);
  const stale = await setRole(bearer(INSTALLER.aadObjectId), MEGAN, 'member', { etag: '"old"' });
  expect(stale.status).toBe(409);
  // A manager cannot hand out roles.
  expect((await setRole(bearer(MEGAN.aadObjectId), ADELE, 'manager')).status).toBe(403);

  expect((await setRole(bearer(INSTALLER.aadObjectId), MEGAN, 'member')).status).toBe(200);
  expect(await rename(MEGAN, 'Megan again')).toBe(403);
  expect((await say(MEGAN, 'send check-ins')).join('\n')).toContain(
    'Only team owners and managers',
  );
});

it('team status names who owns and manages the team', async () => {
  await setRole(bearer(INSTALLER.aadObjectId), ADELE, 'manager');
  const status = (await say(INSTALLER, 'team status')).join('\n');
  expect(status).toContain('Owners: Ines Installer');
  expect(status).toContain('Managers: Adele Vance');
  // A member is told whom to ask.
  expect((await say(MEGAN, 'team status')).join('\n')).toContain('Ines Installer');
});

it('never leaves the team without an owner', async () => {
  const before = await roles();
  const last = await setRole(bearer(INSTALLER.aadObjectId), INSTALLER, 'manager');
  expect(last.status).toBe(409);
  expect(last.body.error).toMatchObject({ code: 'TEAM.LAST_OWNER' });
  expect(last.body.error.message).toMatch(/only owner/);
  expect(await roles()).toEqual(before);

  // With a second owner, the first may step down.
  expect((await setRole(bearer(INSTALLER.aadObjectId), MEGAN, 'owner')).status).toBe(200);
  expect((await setRole(bearer(INSTALLER.aadObjectId), INSTALLER, 'manager')).status).toBe(200);
  // Two owners demoting each other at once: whatever the order, one owner remains.
  expect((await setRole(bearer(MEGAN.aadObjectId), INSTALLER, 'owner')).status).toBe(200);
  await Promise.all([
    setRole(bearer(INSTALLER.aadObjectId), MEGAN, 'member'),
    setRole(bearer(MEGAN.aadObjectId), INSTALLER, 'member'),
  ]);
  const after = Object.values(await rolesAsAdmin());
  expect(after.filter((r) => r === 'owner').length).toBeGreaterThanOrEqual(1);
});

async function rolesAsAdmin() {
  const res = await api(
    'GET',
    `/teams/${TEAM}/members`,
    bearer(ADMIN_OID, { roles: ['Bearing.Admin'] }),
  );
  expect(res.status).toBe(200);
  return Object.fromEntries(res.body.members.map((m) => [m.userId, m.role]));
}

it('a Bearing admin of the tenant may change roles; another tenant cannot even see the team', async () => {
  const admin = bearer(ADMIN_OID, { roles: ['Bearing.Admin'] });
  expect((await setRole(admin, ADELE, 'owner')).status).toBe(200);
  expect((await rolesAsAdmin())[ADELE.aadObjectId]).toBe('owner');
  const other = `Bearer ${entraToken(issuer, { tid: OTHER_TENANT, oid: ADMIN_OID, roles: ['Bearing.Admin'] })}`;
  expect((await setRole(other, ADELE, 'member')).status).toBe(404);
  expect((await api('GET', `/teams/${TEAM}/members`, other)).status).toBe(404);
  expect((await rolesAsAdmin())[ADELE.aadObjectId]).toBe('owner');
  // Someone in the tenant without the role and outside the team: not found.
  expect((await setRole(bearer(ADMIN_OID), ADELE, 'member')).status).toBe(404);
});

it('audits every role change with ids only', () => {
  const audits = server.logs.filter((l) => l.includes('"audit":true') && l.includes('role'));
  expect(audits.some((l) => l.includes('"action":"installerOwner"'))).toBe(true);
  const done = audits.filter(
    (l) => l.includes('"action":"setRole"') && l.includes('"outcome":"done"'),
  );
  expect(done.length).toBeGreaterThanOrEqual(5);
  expect(audits.some((l) => l.includes('"outcome":"lastOwner"'))).toBe(true);
  expect(audits.some((l) => l.includes('"outcome":"forbidden"'))).toBe(true);
  for (const line of audits) {
    expect(line).not.toMatch(/Megan|Adele|Ines/);
    expect(line).toContain(`"teamId":"${TEAM}"`);
  }
});

it('when the last owner leaves the team in Teams, the longest-standing manager takes over', async () => {
  // Make Adele the only owner and Megan a manager, then Adele leaves the team.
  const admin = bearer(ADMIN_OID, { roles: ['Bearing.Admin'] });
  for (const [who, role] of [
    [MEGAN, 'manager'],
    [INSTALLER, 'member'],
  ] as const)
    await setRole(admin, who, role);
  expect(Object.values(await rolesAsAdmin()).filter((r) => r === 'owner')).toHaveLength(1);
  const res = await postJson(
    `${server.url}/api/messages`,
    teamActivity(ADELE, {
      type: 'conversationUpdate',
      membersRemoved: [{ id: ADELE.id, aadObjectId: ADELE.aadObjectId }],
      channelData: {
        tenant: { id: TENANT },
        team: { id: TEAM_THREAD, name: 'Roles Team', aadGroupId: TEAM },
        eventType: 'teamMemberRemoved',
      },
    }),
  );
  expect(res.status).toBe(200);
  expect(await rolesAsAdmin()).toEqual({
    [INSTALLER.aadObjectId]: 'member',
    [MEGAN.aadObjectId]: 'owner',
  });
  expect(server.logs.some((l) => l.includes('"action":"ownerSucceeded"'))).toBe(true);
});
