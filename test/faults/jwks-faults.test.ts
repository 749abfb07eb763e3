import crypto from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { SSO_CLIENT_ID as CLIENT_ID, entraClaims } from '../support/entra-tokens';
import { startHarness, type Harness } from './harness';

// Tab SSO when Entra's key endpoint misbehaves: down, back, down again after keys were cached, and
// a key rotation (Entra publishes the next key before signing with it).

const newKey = (kid: string) => {
  const { privateKey, publicKey } = crypto.generateKeyPairSync('rsa', { modulusLength: 2048 });
  return {
    kid,
    privateKey,
    jwk: { ...(publicKey.export({ format: 'jwk' }) as object), kid, use: 'sig', alg: 'RS256' },
  };
};
const current = newKey('current');
const next = newKey('next');
// Entra publishes the next signing key weeks before it signs with it.
let published = [current.jwk, next.jwk];
let up = false;
let fetches = 0;
const jwks = http.createServer((_req, res) => {
  fetches += 1;
  if (!up) res.writeHead(503).end('down');
  else
    res
      .writeHead(200, { 'content-type': 'application/json' })
      .end(JSON.stringify({ keys: published }));
});

const b64 = (v: string | Buffer) => Buffer.from(v).toString('base64url');
function token(key: ReturnType<typeof newKey>) {
  const header = { alg: 'RS256', typ: 'JWT', kid: key.kid };
  const input = `${b64(JSON.stringify(header))}.${b64(JSON.stringify(entraClaims()))}`;
  return `${input}.${b64(crypto.sign('RSA-SHA256', Buffer.from(input), key.privateKey))}`;
}

let h: Harness;
beforeAll(async () => {
  await new Promise<void>((r) => jwks.listen(0, '127.0.0.1', () => r()));
  h = await startHarness({
    sso: {
      clientId: CLIENT_ID,
      jwksUrl: `http://127.0.0.1:${(jwks.address() as AddressInfo).port}/keys`,
    },
  });
});
afterAll(async () => {
  await h?.stop();
  await new Promise<void>((r) => jwks.close(() => r()));
});

const me = async (bearer: string) => {
  const res = await fetch(`${h.url}/api/v1/me`, { headers: { authorization: `Bearer ${bearer}` } });
  return { status: res.status, body: (await res.json()) as { error?: { code?: string } } };
};

it('keys endpoint down before the first fetch: 401 JSON (retry later), never a 500', async () => {
  const res = await me(token(current));
  expect(fetches).toBeGreaterThan(0);
  expect(res.status).toBe(401);
  expect(res.body.error?.code).toEqual(expect.any(String));
});

it('keys endpoint back: the next request fetches and succeeds', async () => {
  up = true;
  expect((await me(token(current))).status).toBe(200);
});

it('keys endpoint down again after the keys were cached: still signed in', async () => {
  up = false;
  expect((await me(token(current))).status).toBe(200);
});

it('rotation: tokens signed with the key published ahead work from the cache, no refetch', async () => {
  up = true;
  const before = fetches;
  expect((await me(token(next))).status).toBe(200);
  expect(fetches).toBe(before);
});

it('a key never published is refused with 401 JSON, never a 500', async () => {
  const res = await me(token(newKey('stranger')));
  expect(res.status).toBe(401);
  expect(res.body.error?.code).toEqual(expect.any(String));
});

describe('a key published after the last fetch', () => {
  const later = newKey('later');
  beforeAll(() => {
    published = [current.jwk, next.jwk, later.jwk];
  });
  afterEach(() => jest.restoreAllMocks());

  it('within 30 s of that fetch: 401 JSON and no refetch (unknown kids cannot hammer the endpoint)', async () => {
    const before = fetches;
    const res = await me(token(later));
    expect(res.status).toBe(401);
    expect(res.body.error?.code).toBe('AUTH.UNAUTHENTICATED');
    expect(fetches).toBe(before);
  });

  it('after the 30 s cooldown: refetched once on its unknown kid, and signed in', async () => {
    // jose's key-set cooldown runs on Date.now (token lifetimes do not): 31 s later.
    const realNow = Date.now.bind(Date);
    jest.spyOn(Date, 'now').mockImplementation(() => realNow() + 31_000);
    const before = fetches;
    expect((await me(token(later))).status).toBe(200);
    expect(fetches).toBe(before + 1);
    expect((await me(token(later))).status).toBe(200);
    expect(fetches).toBe(before + 1);
  });
});
