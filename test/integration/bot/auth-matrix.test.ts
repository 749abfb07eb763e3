import { cardInvoke } from '../../../simulators/teams/activities';
import {
  channelClaims,
  nowSeconds,
  startTokenIssuer,
} from '../../../simulators/identity/token-issuer';
import { postJson } from '../../../simulators/http';
import { startInProcess } from '../../support/in-process-server';

// Bot Framework authentication over real HTTP with real token validation (botbuilder's own),
// against locally generated RSA keys published by a stubbed OpenID/JWKS endpoint.
const BOT_ID = 'bearing-test-bot';
const SERVICE_URL = 'https://smba.trafficmanager.net/amer/';

type Issuer = Awaited<ReturnType<typeof startTokenIssuer>>;
let issuer: Issuer;
let server: Awaited<ReturnType<typeof startInProcess>>;

beforeAll(async () => {
  issuer = await startTokenIssuer();
  server = await startInProcess({
    BOT_ID,
    BOT_TENANT_ID: '00000000-0000-0000-0000-000000000001',
    BOT_TYPE: 'SingleTenant',
    BOT_PASSWORD: 'not-a-real-secret',
    BOT_OPENID_METADATA_URL: issuer.openIdMetadataUrl,
  });
});
afterAll(async () => {
  await server?.stop();
  await issuer?.stop();
});

const now = nowSeconds;
const claims = (overrides: Record<string, unknown> = {}) =>
  channelClaims(BOT_ID, SERVICE_URL, overrides);
const call = (authorization?: string) =>
  postJson(
    `${server.url}/api/messages`,
    cardInvoke(SERVICE_URL, 'card.refresh.unknown', {}),
    authorization ? { authorization } : {},
  );

it('accepts a valid Bot Framework token', async () => {
  const res = await call(`Bearer ${issuer.sign(claims())}`);
  expect(res.status).toBe(200);
  expect(res.body).toMatchObject({
    statusCode: 200,
    type: 'application/vnd.microsoft.card.adaptive',
  });
});

it.each([
  ['no token', undefined],
  ['not a bearer token', 'Basic dXNlcjpwYXNz'],
  ['malformed token', 'Bearer abc.def'],
  ['alg none', () => `Bearer ${issuer.sign(claims(), { alg: 'none' })}`],
  ['bad signature with a known key id', () => `Bearer ${issuer.sign(claims(), { key: 'other' })}`],
  ['unknown key id', () => `Bearer ${issuer.sign(claims(), { kid: 'nope' })}`],
  ['wrong audience', () => `Bearer ${issuer.sign(claims({ aud: 'someone-else' }))}`],
  ['wrong issuer', () => `Bearer ${issuer.sign(claims({ iss: 'https://evil.example' }))}`],
  [
    'expired',
    () =>
      `Bearer ${issuer.sign(claims({ exp: now() - 3600, nbf: now() - 7200, iat: now() - 7200 }))}`,
  ],
  [
    'service URL mismatch',
    () => `Bearer ${issuer.sign(claims({ serviceurl: 'https://evil.example/' }))}`,
  ],
])('rejects %s with 401 and a JSON body, never the SDK error text', async (_name, auth) => {
  const res = await call(typeof auth === 'function' ? auth() : auth);
  expect(res.status).toBe(401);
  expect(res.body).toEqual({
    error: { code: 'AUTH.UNAUTHENTICATED', message: 'A valid Bot Framework token is required.' },
  });
});

it('a token accepted once is trusted only for the same service URL: elsewhere it is validated anew and refused', async () => {
  const token = `Bearer ${issuer.sign(claims())}`;
  expect((await call(token)).status).toBe(200);
  expect((await call(token)).status).toBe(200);
  const elsewhere = await postJson(
    `${server.url}/api/messages`,
    cardInvoke('https://evil.example/', 'card.refresh.unknown', {}),
    { authorization: token },
  );
  expect(elsewhere.status).toBe(401);
  expect(elsewhere.body).toEqual({
    error: { code: 'AUTH.UNAUTHENTICATED', message: 'A valid Bot Framework token is required.' },
  });
});

it('a refused token is refused every time (refusals are never kept)', async () => {
  const forged = `Bearer ${issuer.sign(claims(), { key: 'other' })}`;
  for (let i = 0; i < 2; i += 1) expect((await call(forged)).status).toBe(401);
});
