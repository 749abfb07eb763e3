import { schemas } from '@bearing/core';
import { startTokenIssuer } from '../../../simulators/identity/token-issuer';
import { startInProcess } from '../../support/in-process-server';
import {
  ALEX,
  MEGAN,
  OTHER_TENANT,
  SSO_CLIENT_ID as CLIENT_ID,
  SSO_TENANT as TENANT,
  entraToken,
  ssoEnv,
} from '../../support/entra-tokens';

// The tab API over HTTP with SSO on: Entra-style tokens signed by a local key, served from a stub
// JWKS endpoint, against the seeded demo organisation in the embedded store.
const TEAM = '00000000-0000-0000-0000-000000000031';
const BOT_DOMAIN = 'bearing.example';

type Issuer = Awaited<ReturnType<typeof startTokenIssuer>>;
type Server = Awaited<ReturnType<typeof startInProcess>>;
let issuer: Issuer;
let server: Server;

beforeAll(async () => {
  issuer = await startTokenIssuer();
  server = await startInProcess({ ...ssoEnv(issuer), BOT_DOMAIN, BEARING_JOBS: 'off' });
});
afterAll(async () => {
  await server?.stop();
  await issuer?.stop();
});

const nowS = () => Math.floor(Date.now() / 1000);
const token = (
  overrides: Record<string, unknown> = {},
  options: Parameters<Issuer['sign']>[1] = {},
) => entraToken(issuer, overrides, options);

async function call(
  method: string,
  path: string,
  bearer?: string,
  body?: unknown,
  raw?: string,
): Promise<{ status: number; body: Record<string, unknown> }> {
  const res = await fetch(`${server.url}/api/v1${path}`, {
    method,
    headers: {
      ...(bearer ? { authorization: `Bearer ${bearer}` } : {}),
      ...(body !== undefined || raw !== undefined ? { 'content-type': 'application/json' } : {}),
    },
    body: raw ?? (body === undefined ? undefined : JSON.stringify(body)),
  });
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : {} };
}

async function teamView(bearer = token()) {
  const res = await call('GET', `/teams/${TEAM}/alignment`, bearer);
  expect(res.status).toBe(200);
  return schemas.teamViewResponse.parse(res.body);
}
const engagement = async () =>
  (await teamView()).objectives.flatMap((o) => o.keyResults).find((k) => k.id === 'kr-engagement')!;

describe('token matrix', () => {
  it('accepts a valid token and takes the identity from (tid, oid)', async () => {
    const me = await call('GET', '/me', token());
    expect(me.status).toBe(200);
    expect(me.body).toMatchObject({
      tenantId: TENANT,
      userId: ALEX,
      identitySource: 'sso',
      teams: [{ id: TEAM, name: 'My Team', role: 'owner' }],
    });
    // The Application ID URI of aad.manifest.json (api://<BOT_DOMAIN>/<client id>) is one too.
    const uri = `api://${BOT_DOMAIN}/${CLIENT_ID}`;
    expect((await call('GET', '/me', token({ aud: uri }))).status).toBe(200);
    expect((await call('GET', '/me', token({ aud: [uri] }))).status).toBe(200);
  });

  it.each([
    ['no token (SSO is configured, so no local identity)', () => undefined],
    ['expired', () => token({ exp: nowS() - 600, iat: nowS() - 4000, nbf: nowS() - 4000 })],
    ['wrong audience', () => token({ aud: `api://${BOT_DOMAIN}/someone-else` })],
    ['the client id under another host', () => token({ aud: `api://evil.example/${CLIENT_ID}` })],
    [
      'the client id under a look-alike host',
      () => token({ aud: `api://${BOT_DOMAIN}.evil.example/${CLIENT_ID}` }),
    ],
    [
      'the client id under a longer path',
      () => token({ aud: `api://${BOT_DOMAIN}/x/${CLIENT_ID}` }),
    ],
    ['wrong issuer', () => token({ iss: 'https://login.microsoftonline.com/common/v2.0' })],
    [
      'issuer of another tenant',
      () => token({ iss: `https://login.microsoftonline.com/${OTHER_TENANT}/v2.0` }),
    ],
    ['no access_as_user scope', () => token({ scp: 'User.Read' })],
    // Entra object and tenant ids are GUIDs; anything longer is not one of them.
    [
      'an object id that is not a GUID',
      () => token({ oid: '12345678-1234-4234-8234-1234567890123' }),
    ],
    [
      'a tenant id that is not a GUID',
      () => token({ tid: '12345678-1234-4234-8234-1234567890123' }),
    ],
    ['signed by an unknown key', () => token({}, { key: 'other' })],
    ['alg none', () => token({}, { alg: 'none' })],
    ['not a JWT', () => 'garbage'],
  ])('rejects %s with 401 JSON', async (_name, bearer) => {
    const res = await call('GET', '/me', bearer());
    expect(res.status).toBe(401);
    expect(res.body).toEqual({
      error: { code: 'AUTH.UNAUTHENTICATED', message: expect.any(String) },
    });
  });
});

describe('team view', () => {
  it('shows the demo team: company → team objectives → key results, lint, guardrails, completion', async () => {
    const view = await teamView();
    expect(view.team.name).toBe('My Team');
    expect(view.objectives.length).toBeGreaterThan(0);
    expect(view.companyObjectives.length).toBeGreaterThan(0);
    expect(view.objectives.every((o) => o.keyResults.every((k) => k.progress >= 0))).toBe(true);
    expect(view.members.map((m) => m.displayName)).toContain('Megan Bowen');
    const kr = view.objectives.flatMap((o) => o.keyResults).find((k) => k.id === 'kr-engagement');
    expect(kr).toMatchObject({ title: expect.stringContaining('engagement'), unit: 'points' });
    const search = await call('GET', `/teams/${TEAM}/alignment?search=turnover`, token());
    expect(
      schemas.teamViewResponse
        .parse(search.body)
        .objectives.flatMap((o) => o.keyResults.map((k) => k.id)),
    ).toContain('kr-turnover');
  });

  it('a token of another tenant cannot see the team (404), nor can a stranger', async () => {
    const other = await call('GET', `/teams/${TEAM}/alignment`, token({ tid: OTHER_TENANT }));
    expect(other.status).toBe(404);
    const stranger = await call(
      'GET',
      `/teams/${TEAM}/alignment`,
      token({ oid: '12345678-1234-4234-8234-123456789012' }),
    );
    expect(stranger.status).toBe(404);
  });

  it('rejects bad queries with 400 JSON', async () => {
    const res = await call('GET', `/teams/${TEAM}/alignment?cycleId=Q9&x=1`, token());
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ error: { code: 'VALIDATION.FAILED' } });
  });
});

describe('editing a key result', () => {
  it('an owner edits the target; a stale etag then gets 409 and writes nothing', async () => {
    const before = await engagement();
    const first = await call('PATCH', `/teams/${TEAM}/key-results/kr-engagement`, token(), {
      etag: before.etag,
      target: 9,
    });
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({
      id: 'kr-engagement',
      target: 9,
      confidence: before.confidence,
    });
    expect(first.body.etag).not.toBe(before.etag);

    const stale = await call('PATCH', `/teams/${TEAM}/key-results/kr-engagement`, token(), {
      etag: before.etag,
      target: 10,
    });
    expect(stale.status).toBe(409);
    expect(stale.body).toMatchObject({ error: { code: 'STORE.CONFLICT' } });
    expect((await engagement()).target).toBe(9);
  });

  it('members may not edit (403), other tenants cannot even find it (404); nothing is written', async () => {
    const { etag } = await engagement();
    const member = await call(
      'PATCH',
      `/teams/${TEAM}/key-results/kr-engagement`,
      token({ oid: MEGAN }),
      { etag, target: 1 },
    );
    expect(member.status).toBe(403);
    expect(member.body).toMatchObject({ error: { code: 'AUTH.FORBIDDEN' } });
    const foreign = await call(
      'PATCH',
      `/teams/${TEAM}/key-results/kr-engagement`,
      token({ tid: OTHER_TENANT }),
      { etag, target: 1 },
    );
    expect(foreign.status).toBe(404);
    expect(await engagement()).toMatchObject({ etag, target: 9 });
  });

  it.each([
    ['a target that is not a number', { target: 'ten' }, 'target'],
    ['a missing target value', { target: null }, 'target'],
    ['an unknown field', { colour: 'red' }, undefined],
    ['no etag', { etag: undefined, target: 3 }, 'etag'],
    ['a bad confidence', { confidence: 'great' }, 'confidence'],
  ])('rejects %s with 400 JSON naming the field, and writes nothing', async (_n, change, field) => {
    const { etag } = await engagement();
    const res = await call('PATCH', `/teams/${TEAM}/key-results/kr-engagement`, token(), {
      etag,
      ...change,
    });
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ error: { code: 'VALIDATION.FAILED' } });
    if (field) expect((res.body.error as { field?: string }).field).toBe(field);
    expect(await engagement()).toMatchObject({ etag, target: 9 });
  });

  it('answers malformed JSON with 400 and oversized bodies with 413', async () => {
    const bad = await call(
      'PATCH',
      `/teams/${TEAM}/key-results/kr-engagement`,
      token(),
      undefined,
      '{"etag":',
    );
    expect(bad.status).toBe(400);
    expect(bad.body).toMatchObject({ error: { code: 'HTTP.MALFORMED_JSON' } });
    // 1e400 parses to Infinity: not a finite number.
    const { etag } = await engagement();
    const infinite = await call(
      'PATCH',
      `/teams/${TEAM}/key-results/kr-engagement`,
      token(),
      undefined,
      `{"etag":"${etag}","target":1e400}`,
    );
    expect(infinite.status).toBe(400);
    expect(infinite.body).toMatchObject({ error: { code: 'VALIDATION.FAILED', field: 'target' } });
    const big = await call(
      'PATCH',
      `/teams/${TEAM}/key-results/kr-engagement`,
      token(),
      undefined,
      JSON.stringify({ etag: 'x', title: 'a'.repeat(2_000_000) }),
    );
    expect(big.status).toBe(413);
  });

  it('404s a key result that does not exist', async () => {
    const res = await call('PATCH', `/teams/${TEAM}/key-results/kr-nope`, token(), {
      etag: 'x',
      target: 1,
    });
    expect(res.status).toBe(404);
  });
});
