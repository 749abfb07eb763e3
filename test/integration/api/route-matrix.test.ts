import { isoWeek } from '@bearing/core';
import { DEMO_TIME_ZONE } from '../../../bot/src/features/demo/demo-organization';
import { startHarness, type Harness } from '../../faults/harness';
import { API_ROUTES } from '../../support/api-routes';
import { startTokenIssuer } from '../../../simulators/identity/token-issuer';
import {
  ALEX,
  OTHER_TENANT,
  SSO_CLIENT_ID,
  SSO_TENANT as TENANT,
  entraToken,
} from '../../support/entra-tokens';
import { mountedRoutes } from '../../support/mounted-routes';

// Every /api/v1 route against the token matrix, with SSO on: a token of another tenant (even one
// naming the same user id) gets 4xx and writes nothing; an expired token gets 401. The route list
// is checked against the routers the app mounts so a new route cannot skip this (and the fuzzer).
const TEAM = '00000000-0000-0000-0000-000000000031';

let issuer: Awaited<ReturnType<typeof startTokenIssuer>>;
let h: Harness;
let cycleId: string;
beforeAll(async () => {
  issuer = await startTokenIssuer();
  h = await startHarness({
    sso: { clientId: SSO_CLIENT_ID, jwksUrl: issuer.openIdMetadataUrl.replace('/openid', '/keys') },
  });
  const res = await fetch(`${h.url}/api/v1/teams/${TEAM}/alignment`, {
    headers: { authorization: `Bearer ${token(TENANT)}` },
  });
  cycleId = ((await res.json()) as { cycle: { id: string } }).cycle.id;
}, 60_000);
afterAll(async () => {
  await h?.stop();
  await issuer?.stop();
});

const nowS = () => Math.floor(Date.now() / 1000);
const token = (tid: string, extra: Record<string, unknown> = {}) =>
  entraToken(issuer, { tid, ...extra });

const ids: Record<string, string> = {
  teamId: TEAM,
  keyResultId: 'kr-engagement',
  kpiId: 'kpi-csat',
  keyId: 'no-such-key',
  objectiveId: 'obj-engagement',
  cycleId: 'FY2020-Q1',
  userId: ALEX,
  itemId: `blocker.${ALEX}.2026-W48`,
};

/** A one-row Explorer export naming the tenant's own team. */
const vivaUpload = {
  files: [
    {
      name: 'planted.csv',
      data: Buffer.from(
        'Title,Team,Owner,Period,Start Date,End Date,Object Type\nPlanted by B,My Team,Alex Wilber,Q1,2026-01-01,2026-03-31,Objective\n',
      ).toString('base64'),
    },
  ],
};

/** Bodies that the owner's own tenant would accept, so a 4xx can only come from the tenant check. */
function validBody(method: string, route: string): unknown {
  const week = isoWeek(new Date().toISOString(), DEMO_TIME_ZONE);
  const bodies: Record<string, unknown> = {
    'PATCH /teams/:teamId/key-results/:keyResultId': { etag: '"x"', target: 80 },
    'POST /teams/:teamId/objectives': { cycleId, title: 'Planted by tenant B', ownerId: ALEX },
    'POST /teams/:teamId/objectives/:objectiveId/key-results': {
      title: 'Planted by tenant B',
      type: 'number',
      baseline: 0,
      target: 10,
      ownerId: ALEX,
    },
    'POST /me/check-ins': {
      teamId: TEAM,
      submissionId: 'matrix-tenant-b-1',
      cycleId,
      week,
      updates: [{ keyResultId: 'kr-engagement', value: 99, confidence: 'onTrack' }],
    },
    'PATCH /teams/:teamId/settings': { etag: '"x"', reminderOffsetMinutes: 1440 },
    'POST /teams/:teamId/kpis': {
      name: 'Planted by tenant B',
      formula: 'count',
      dataSource: 'nowhere',
      updateFrequency: 'weekly',
      unit: '%',
      direction: 'higherIsBetter',
      target: { min: 1 },
      ownerId: ALEX,
    },
    'PATCH /teams/:teamId/kpis/:kpiId': { etag: '"x"', name: 'Renamed by tenant B' },
    'POST /teams/:teamId/kpis/:kpiId/readings/csv': {
      csv: 'at,value\n2026-11-01T00:00:00Z,1',
      confirm: true,
    },
    'POST /teams/:teamId/objectives/import': {
      cycleId,
      csv: 'objective,key result,baseline,target\nPlanted,By tenant B,0,1',
      confirm: true,
    },
    'PATCH /teams/:teamId/objectives/:objectiveId': { etag: '"x"', title: 'Renamed by B' },
    'POST /teams/:teamId/key-results/:keyResultId/archive': { etag: '"x"' },
    'POST /teams/:teamId/cycles/:cycleId/close': { scores: [] },
    'POST /teams/:teamId/ingestion-keys': { name: 'Planted by tenant B' },
    'PUT /teams/:teamId/members/:userId/role': { role: 'member' },
    'POST /admin/import/viva-goals/apply': vivaUpload,
    'POST /admin/import/viva-goals/preview': vivaUpload,
    'POST /admin/import/viva-goals/link-team': { importedTeamId: 'viva-team-x', teamId: TEAM },
    'POST /teams/:teamId/open-items/:itemId/decision': { decision: 'Decided by tenant B' },
    'PATCH /teams/:teamId/open-items/:itemId': { text: 'Reworded by tenant B' },
    'PUT /teams/:teamId/members/:userId/away': { until: '2099-01-01' },
  };
  return bodies[`${method} ${route}`] ?? {};
}

async function call(method: string, route: string, bearer: string) {
  const url = route.replace(/:(\w+)/g, (_m, name: string) => encodeURIComponent(ids[name]));
  const body = method === 'GET' || method === 'DELETE' ? undefined : validBody(method, route);
  const query = route === '/admin/tenant' ? `?confirm=${OTHER_TENANT}` : '';
  const res = await fetch(`${h.url}/api/v1${url}${query}`, {
    method,
    headers: {
      authorization: `Bearer ${bearer}`,
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  const cache = res.headers.get('cache-control');
  return { status: res.status, type: res.headers.get('content-type') ?? '', cache, text };
}

const CALLER_SCOPED = new Set(['GET /me', 'GET /me/okrs']);
const routes = API_ROUTES.map((r) => [`${r.method} ${r.path}`, r] as const);

describe('a token of another tenant (same user id)', () => {
  it.each(routes)('%s: no access to tenant A, nothing written', async (name, route) => {
    const before = await h.contents();
    const res = await call(route.method, route.path, token(OTHER_TENANT));
    if (CALLER_SCOPED.has(name)) {
      // The caller's own (empty) tenant: it answers, and shows nothing of tenant A.
      expect(res.status).toBe(200);
      expect(res.text).not.toContain(TEAM);
      expect(res.text).not.toContain('kr-engagement');
    } else {
      expect([401, 403, 404]).toContain(res.status);
      expect(res.type).toMatch(/application\/json/);
    }
    expect(res.cache).toBe('no-store');
    expect(await h.contents()).toBe(before);
  });

  it('an admin of tenant B exporting the same user id gets only tenant B’s (empty) data', async () => {
    const res = await call(
      'GET',
      '/admin/users/:userId/export',
      token(OTHER_TENANT, {
        roles: ['Bearing.Admin'],
      }),
    );
    expect(res.status).toBe(200);
    expect(JSON.parse(res.text)).toMatchObject({ tenantId: OTHER_TENANT, items: [] });
  });
});

describe('an expired token of the right tenant', () => {
  it.each(routes)('%s: 401 JSON, nothing written', async (_name, route) => {
    const before = await h.contents();
    const expired = token(TENANT, { exp: nowS() - 600, iat: nowS() - 4000, nbf: nowS() - 4000 });
    const res = await call(route.method, route.path, expired);
    expect(res.status).toBe(401);
    expect(res.type).toMatch(/application\/json/);
    expect(res.cache).toBe('no-store');
    expect(await h.contents()).toBe(before);
  });
});

it('lists every route the server mounts under /api/v1', () => {
  const mounted = mountedRoutes(h.app, '/api/v1');
  expect(mounted.length).toBeGreaterThan(20);
  expect(mounted).toEqual(API_ROUTES.map((r) => `${r.method} ${r.path}`).sort());
});
