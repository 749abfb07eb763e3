import { addWeeks, closeItem, cycleFor, isoWeek, type CheckIn } from '@bearing/core';
import { recordOpenItems } from '../../../bot/src/features/open-items';
import { ERASED_USER_ID } from '../../../bot/src/features/data-rights/data-rights';
import {
  buildDemoOrganization,
  DEMO_FISCAL_START_MONTH,
  DEMO_TENANT_ID,
  DEMO_TIME_ZONE,
  type DemoOrganization,
} from '../../../bot/src/features/demo/demo-organization';
import { ADMIN_ROLE } from '../../../bot/src/features/data-rights/routes';
import { composeServer, type ListeningServer } from '../../../bot/src/compose';
import { loadConfig } from '../../../bot/src/config';
import { storesOver, type ServerStores } from '../../../bot/src/store';
import { CONTAINERS } from '../../../bot/src/store/containers';
import { startTokenIssuer } from '../../../simulators/identity/token-issuer';
import { ALEX, MEGAN, OTHER_TENANT, entraToken, ssoEnv } from '../../support/entra-tokens';
import { memoryLogger, startTestStore, type TestStore } from '../../support/embedded-store';
import { startInProcess } from '../../support/in-process-server';

// The admin API over HTTP with real SSO token validation (local signing key, stub JWKS) against the
// embedded Cosmos store, holding the demo organisation twice: in the demo tenant, and the very same
// ids in a second tenant that no request may touch.
const TENANT = DEMO_TENANT_ID;
// Alex, the team owner, is the admin here; Megan is a member.
const ADELE = '00000000-0000-0000-0000-000000000022';
/** An Entra object id of nobody in the demo tenant. */
const OTHER_TENANT_USER = '12345678-1234-4234-8234-123456789012';
const RETENTION = { checkInDays: 30, readingDays: 10 };
const DAY = 24 * 3600;
const DATABASE = `data-rights-${process.pid}`;

type Issuer = Awaited<ReturnType<typeof startTokenIssuer>>;
let issuer: Issuer;
let store: TestStore;
let stores: ServerStores;
let http: ListeningServer;
let baseUrl: string;
const logger = memoryLogger();
let demo: DemoOrganization;

/** The demo organisation with every occurrence of the demo tenant id replaced. */
function inTenant(org: DemoOrganization, tenantId: string): DemoOrganization {
  return JSON.parse(JSON.stringify(org).split(DEMO_TENANT_ID).join(tenantId)) as DemoOrganization;
}

async function seed(org: DemoOrganization) {
  await stores.teams.saveTeam(org.team);
  for (const m of org.members) {
    await stores.teams.saveMember(m);
    await stores.users.saveUser({
      tenantId: m.tenantId,
      userId: m.userId,
      displayName: m.displayName,
      teamIds: [m.teamId],
      updatedAt: m.updatedAt,
    });
  }
  for (const o of org.objectives) await stores.okrs.saveObjective(o);
  for (const k of org.keyResults) await stores.okrs.saveKeyResult(k);
  for (const k of org.kpis) await stores.kpis.saveKpi(k);
  for (const r of org.readings) await stores.kpis.addReading(r);
  for (const c of org.checkIns) await stores.checkIns.saveCheckIn(c);
  // Blockers and decisions become open items; Alex (the owner) resolves everyone else's.
  for (const c of org.checkIns) await recordOpenItems(stores.openItems, c, 'Someone');
  const open = await stores.openItems.listOpenItems(org.team.tenantId, org.team.id);
  for (const { value, etag } of open)
    if (value.authorId !== ALEX)
      await stores.openItems.saveItem(
        closeItem(value, 'resolved', ALEX, 'Alex Wilber', value.updatedAt),
        etag,
      );
  await stores.organizations.saveOrganization(org.organization);
}

/** Every raw document of a tenant, per container (what is really stored). */
async function rawDocs(tenantId: string) {
  const out: Record<string, { id: string; type: string; ttl?: number; data: unknown }[]> = {};
  for (const def of Object.values(CONTAINERS)) {
    const { resources } = await store.client
      .database(DATABASE)
      .container(def.id)
      .items.query<{ id: string; type: string; ttl?: number; data: unknown }>({
        query: 'SELECT * FROM c WHERE c.tenantId = @t',
        parameters: [{ name: '@t', value: tenantId }],
      })
      .fetchAll();
    out[def.id] = resources;
  }
  return out;
}
const countOf = async (tenantId: string) =>
  Object.values(await rawDocs(tenantId)).reduce((n, docs) => n + docs.length, 0);

beforeAll(async () => {
  issuer = await startTokenIssuer();
  store = await startTestStore(DATABASE);
  // The server as composed, with SSO on and these retention settings.
  const config = loadConfig({
    NODE_ENV: 'test',
    BEARING_JOBS: 'off',
    BEARING_CHECKIN_RETENTION_DAYS: String(RETENTION.checkInDays),
    BEARING_READING_RETENTION_DAYS: String(RETENTION.readingDays),
    ...ssoEnv(issuer),
  });
  stores = storesOver(store.client.database(DATABASE), undefined, config.retention);
  const now = new Date();
  const cycle = cycleFor(now.toISOString(), DEMO_FISCAL_START_MONTH);
  demo = buildDemoOrganization(
    now,
    cycle,
    addWeeks(isoWeek(now.toISOString(), DEMO_TIME_ZONE), -1),
  );
  await seed(demo);
  await seed(inTenant(demo, OTHER_TENANT));
  http = await composeServer({ config, stores, logger, now: () => now }).listen(0, '127.0.0.1');
  baseUrl = `${http.url}/api/v1/admin`;
});
afterAll(async () => {
  await http?.stop();
  await store?.close();
  await issuer?.stop();
});

/** An admin's token (Alex, with the admin app role) unless the claims say otherwise. */
const token = (claims: Record<string, unknown> = {}) =>
  entraToken(issuer, { roles: [ADMIN_ROLE], ...claims });
const admin = (tid = TENANT) => token({ tid });

async function call(method: string, path: string, bearer?: string) {
  const res = await fetch(`${baseUrl}${path}`, {
    method,
    headers: bearer ? { authorization: `Bearer ${bearer}` } : {},
  });
  const text = await res.text();
  return {
    status: res.status,
    type: res.headers.get('content-type') ?? '',
    body: (text ? JSON.parse(text) : {}) as Record<string, unknown>,
  };
}
const auditLines = () => logger.lines.filter((l) => l.includes('admin audit'));

describe('admin API: who may call it', () => {
  it('answers 401 JSON without a valid token', async () => {
    const res = await call('GET', `/users/${MEGAN}/export`);
    expect(res.status).toBe(401);
    expect(res.body).toEqual({ error: expect.objectContaining({ code: 'AUTH.UNAUTHENTICATED' }) });
    const forged = await call('GET', '/retention', `${admin()}x`);
    expect(forged.status).toBe(401);
  });

  it('answers 403 to a signed-in user without the admin role, and audits the attempt', async () => {
    const before = await countOf(TENANT);
    for (const roles of [undefined, [], ['Bearing.Reader'], 'Bearing.Admin']) {
      const bearer = token({ oid: MEGAN, roles });
      const res = await call('DELETE', `/users/${ADELE}`, bearer);
      expect(res.status).toBe(403);
      expect(res.body).toEqual({ error: expect.objectContaining({ code: 'AUTH.FORBIDDEN' }) });
    }
    expect(await countOf(TENANT)).toBe(before);
    expect(auditLines().filter((l) => l.includes('"action":"denied"')).length).toBe(4);
    expect(auditLines().at(-1)).toContain(`"actorId":"${MEGAN}"`);
  });
});

describe('admin API: export one user', () => {
  it('returns every stored item about the user in the caller tenant only', async () => {
    const res = await call('GET', `/users/${MEGAN}/export`, admin());
    expect(res.status).toBe(200);
    expect(res.type).toMatch(/application\/json/);
    const items = res.body.items as {
      container: string;
      type: string;
      data: Record<string, unknown>;
    }[];
    const types = new Set(items.map((i) => i.type));
    expect([...types]).toEqual(expect.arrayContaining(['user', 'member', 'checkIn']));
    for (const item of items) expect(item.data.tenantId).toBe(TENANT);
    const checkIns = demo.checkIns.filter((c) => c.userId === MEGAN).length;
    expect(items.filter((i) => i.type === 'checkIn').length).toBe(checkIns);
    const owned = [...demo.objectives, ...demo.keyResults, ...demo.kpis].filter(
      (o) => o.ownerId === MEGAN,
    ).length;
    expect(items.filter((i) => i.data.ownerId === MEGAN).length).toBe(owned);
    expect(res.body).toMatchObject({ tenantId: TENANT, userId: MEGAN });
  });

  it('finds nothing for a user of another tenant (the tenant comes from the token)', async () => {
    const res = await call('GET', `/users/${OTHER_TENANT_USER}/export`, admin());
    expect(res.status).toBe(200);
    expect(res.body.items).toEqual([]);
  });

  it('answers 400 JSON for a malformed user id or an unknown parameter', async () => {
    const bad = await call('GET', `/users/${encodeURIComponent('a b/c')}/export`, admin());
    expect(bad.status).toBe(400);
    expect(bad.body).toEqual({ error: expect.objectContaining({ field: 'userId' }) });
    // Users are named by their Entra object id: a Teams account id (`29:…`) is not one.
    const teamsId = await call('GET', `/users/${encodeURIComponent('29:1abc')}/export`, admin());
    expect(teamsId.status).toBe(400);
    expect(teamsId.body).toEqual({ error: expect.objectContaining({ field: 'userId' }) });
    const extra = await call('DELETE', `/users/${MEGAN}?purge=all`, admin());
    expect(extra.status).toBe(400);
    expect((extra.body.error as { code: string }).code).toBe('VALIDATION.FAILED');
  });
});

describe('admin API: erase one user', () => {
  it('rejects a new owner who is not in the team, and changes nothing', async () => {
    const before = await rawDocs(TENANT);
    const res = await call('DELETE', `/users/${ALEX}?reassignTo=someone-else`, admin());
    expect(res.status).toBe(400);
    expect(res.body).toEqual({ error: expect.objectContaining({ field: 'reassignTo' }) });
    const self = await call('DELETE', `/users/${ALEX}?reassignTo=${ALEX}`, admin());
    expect(self.status).toBe(400);
    expect(await rawDocs(TENANT)).toEqual(before);
  });

  it('removes profile, membership and check-ins; flags what they owned; other tenant intact', async () => {
    const otherBefore = await rawDocs(OTHER_TENANT);
    const items = (await rawDocs(TENANT)).teams!.filter((d) => d.type === 'openItem');
    const theirs = items.filter((d) => (d.data as { authorId: string }).authorId === ALEX);
    expect(theirs.length).toBeGreaterThan(0);
    expect(items.length).toBeGreaterThan(theirs.length);
    const owned = [...demo.keyResults, ...demo.objectives, ...demo.kpis].filter(
      (o) => o.ownerId === ALEX && o.teamId !== null,
    );
    expect(owned.length).toBeGreaterThan(0);
    const res = await call('DELETE', `/users/${ALEX}`, admin());
    expect(res.status).toBe(200);
    expect(res.body.reassigned).toBe(0);
    expect((res.body.flagged as unknown[]).length).toBeGreaterThanOrEqual(owned.length);

    const after = await rawDocs(TENANT);
    const all = Object.values(after).flat();
    const mentions = all.filter((d) => JSON.stringify(d.data).includes(ALEX));
    expect(mentions).toEqual([]);
    const flagged = all.filter((d) => (d.data as { ownerId?: string }).ownerId === ERASED_USER_ID);
    expect(flagged.length).toBe((res.body.flagged as unknown[]).length);
    // Items Alex raised are gone; those Alex resolved stay, without Alex.
    const itemsLeft = all.filter((d) => d.type === 'openItem');
    expect(itemsLeft.length).toBe(items.length - theirs.length);
    for (const d of itemsLeft)
      expect((d.data as { resolution?: { byUserId: string } }).resolution?.byUserId).toBe(
        ERASED_USER_ID,
      );
    // Other people's check-ins stay.
    const left = all.filter((d) => d.type === 'checkIn').length;
    expect(left).toBe(demo.checkIns.filter((c) => c.userId !== ALEX).length);
    expect(await rawDocs(OTHER_TENANT)).toEqual(otherBefore);

    const again = await call('GET', `/users/${ALEX}/export`, admin());
    expect(again.body.items).toEqual([]);
  });

  it('reassigns what the user owned to an active team member', async () => {
    const owned = demo.keyResults.filter((k) => k.ownerId === MEGAN);
    expect(owned.length).toBeGreaterThan(0);
    const res = await call('DELETE', `/users/${MEGAN}?reassignTo=${ADELE}`, admin());
    expect(res.status).toBe(200);
    expect(res.body.flagged).toEqual([]);
    for (const kr of owned) {
      const now = await stores.okrs.getKeyResult(TENANT, kr.teamId, kr.id);
      expect(now?.value.ownerId).toBe(ADELE);
    }
    const other = await stores.okrs.getKeyResult(OTHER_TENANT, owned[0]!.teamId, owned[0]!.id);
    expect(other?.value.ownerId).toBe(MEGAN);
  });

  it('audits who erased whom in which tenant, with no names or check-in text', () => {
    const lines = auditLines().filter((l) => l.includes('"action":"eraseUser"'));
    expect(lines.some((l) => l.includes(`"targetUserId":"${ALEX}"`))).toBe(true);
    for (const line of lines) {
      expect(line).toContain(`"tenantId":"${TENANT}"`);
      expect(line).toContain(`"actorId":"${ALEX}"`);
    }
    const text = logger.lines.join('\n');
    for (const name of ['Alex Wilber', 'Megan Bowen']) expect(text).not.toContain(name);
    for (const c of demo.checkIns as readonly CheckIn[]) {
      const written = JSON.stringify(c).match(/"(whatChanged|blockers)":"([^"]{12,})"/);
      if (written) expect(text).not.toContain(written[2]);
    }
  });
});

describe('retention', () => {
  it('stamps the configured TTL on check-ins and readings, and reports it', async () => {
    const raw = await rawDocs(OTHER_TENANT);
    const checkIns = raw.teams!.filter((d) => d.type === 'checkIn');
    expect(checkIns.length).toBeGreaterThan(0);
    for (const d of checkIns) expect(d.ttl).toBe(30 * DAY);
    for (const d of raw.teams!.filter((x) => x.type !== 'checkIn')) expect(d.ttl).toBeUndefined();
    expect(raw.readings!.length).toBeGreaterThan(0);
    for (const d of raw.readings!) expect(d.ttl).toBe(10 * DAY);
    const res = await call('GET', '/retention', admin(OTHER_TENANT));
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject(RETENTION);
  });

  it('turns TTL on in the teams container with no default, so only check-ins expire', async () => {
    const { resource } = await store.client.database(DATABASE).container('teams').read();
    expect(resource?.defaultTtl).toBe(-1);
  });

  it('keeps forever with 0 days: no ttl on check-ins, -1 on readings (beats the default)', async () => {
    const keep = storesOver(store.client.database(DATABASE), undefined, {
      checkInDays: 0,
      readingDays: 0,
    });
    const tenantId = 'retention-zero-tenant';
    const c = { ...demo.checkIns[0]!, tenantId };
    await keep.checkIns.saveCheckIn(c);
    await keep.kpis.addReading({ ...demo.readings[0]!, tenantId });
    const raw = await rawDocs(tenantId);
    expect(raw.teams!.map((d) => d.ttl)).toEqual([undefined]);
    expect(raw.readings!.map((d) => d.ttl)).toEqual([-1]);
  });
});

describe('admin API: erase a whole tenant', () => {
  it('needs the caller tenant id repeated in ?confirm=', async () => {
    const before = await countOf(TENANT);
    expect((await call('DELETE', '/tenant', admin())).status).toBe(400);
    const other = await call('DELETE', `/tenant?confirm=${OTHER_TENANT}`, admin());
    expect(other.status).toBe(400);
    expect(other.body).toEqual({ error: expect.objectContaining({ field: 'confirm' }) });
    expect(await countOf(TENANT)).toBe(before);
  });

  it('removes every item of the caller tenant and nothing of another', async () => {
    const otherBefore = await countOf(OTHER_TENANT);
    const before = await countOf(TENANT);
    expect(before).toBeGreaterThan(10);
    const res = await call('DELETE', `/tenant?confirm=${TENANT}`, admin());
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ tenantId: TENANT, removed: before });
    expect(await countOf(TENANT)).toBe(0);
    expect(await countOf(OTHER_TENANT)).toBe(otherBefore);
    expect(auditLines().at(-1)).toContain('"action":"eraseTenant"');
  });
});

describe('admin API in the running server', () => {
  it('is mounted at /api/v1/admin; the local development identity is an admin', async () => {
    const server = await startInProcess({
      BEARING_JOBS: 'off',
      BEARING_CHECKIN_RETENTION_DAYS: '7',
    });
    try {
      const res = await fetch(`${server.url}/api/v1/admin/retention`);
      expect(res.status).toBe(200);
      expect(await res.json()).toMatchObject({ checkInDays: 7, readingDays: 400 });
      const exported = await fetch(`${server.url}/api/v1/admin/users/${MEGAN}/export`);
      const body = (await exported.json()) as { items: { type: string }[] };
      expect(body.items.map((i) => i.type)).toEqual(expect.arrayContaining(['user', 'checkIn']));
    } finally {
      await server.stop();
    }
  });
});
