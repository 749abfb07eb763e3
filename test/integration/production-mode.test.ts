import { ConfigError, loadConfig } from '../../bot/src/config';
import { startServer, type RunningServer } from '../../bot/src/server';
import {
  EMBEDDED_KEY,
  startEmbeddedCosmos,
  type EmbeddedCosmos,
} from '../../bot/src/store/embedded/embedded-cosmos';
import { INGEST_FAILURE_BUDGET } from '../../bot/src/features/kpis/ingestion-throttle';
import { startTokenIssuer } from '../../simulators/identity/token-issuer';
import { memoryLogger } from '../support/embedded-store';
import { SSO_TENANT, entraToken, ssoEnv } from '../support/entra-tokens';
import { startInProcess } from '../support/in-process-server';

// The real server composition with NODE_ENV=production, as the Bicep app settings configure it
// (a Cosmos account, the bot's identity, the SSO app, the public host name), against the embedded
// Cosmos server standing in for the account. Requests come from loopback, like a reverse proxy's
// or a sidecar's: no token is no caller, whatever the address.
type Issuer = Awaited<ReturnType<typeof startTokenIssuer>>;
let cosmos: EmbeddedCosmos;
let issuer: Issuer;
let server: Awaited<ReturnType<typeof startInProcess>>;

const productionEnv = () => ({
  NODE_ENV: 'production',
  COSMOS_ENDPOINT: cosmos.endpoint,
  COSMOS_KEY: EMBEDDED_KEY,
  COSMOS_DATABASE: `production-mode-${process.pid}`,
  BOT_ID: 'bearing-production-bot',
  BOT_TENANT_ID: SSO_TENANT,
  BOT_TYPE: 'UserAssignedMsi',
  BOT_DOMAIN: 'bearing-prod.example',
  ...ssoEnv(issuer),
  AAD_APP_TENANT_ID: SSO_TENANT,
  BEARING_JOBS: 'off',
});

beforeAll(async () => {
  cosmos = await startEmbeddedCosmos();
  issuer = await startTokenIssuer();
  server = await startInProcess(productionEnv());
});
afterAll(async () => {
  await server?.stop();
  await issuer?.stop();
  await cosmos?.stop();
});

async function get(path: string, bearer?: string) {
  const res = await fetch(`${server.url}${path}`, {
    headers: bearer ? { authorization: `Bearer ${bearer}` } : {},
  });
  const text = await res.text();
  return { status: res.status, headers: res.headers, body: text ? JSON.parse(text) : undefined };
}

it.each(['/api/v1/me', '/api/v1/admin/retention', '/api/v1/me/okrs'])(
  'a loopback request without a token gets 401 JSON on %s (no local identity)',
  async (path) => {
    const res = await get(path);
    expect(res.status).toBe(401);
    expect(res.headers.get('content-type')).toMatch(/application\/json/);
    expect(res.body).toEqual({
      error: { code: 'AUTH.UNAUTHENTICATED', message: 'Sign in to Teams to use Bearing.' },
    });
  },
);

it('a signed-in admin is served, so the 401 above is about the missing token', async () => {
  const res = await get(
    '/api/v1/admin/retention',
    entraToken(issuer, { roles: ['Bearing.Admin'] }),
  );
  expect(res.status).toBe(200);
  const me = await get('/api/v1/me', entraToken(issuer));
  expect(me.status).toBe(200);
  expect(me.body).toMatchObject({ identitySource: 'sso' });
});

it('refuses to compose production without the SSO app, even from a config not read from the environment', async () => {
  const config = loadConfig(productionEnv());
  const unsafe = { ...config, sso: { ...config.sso, clientId: undefined } };
  let started: RunningServer | undefined;
  let error: unknown;
  try {
    started = await startServer(unsafe, memoryLogger());
  } catch (e) {
    error = e;
  }
  if (started) {
    const status = (await fetch(`${started.url}/api/v1/admin/retention`)).status;
    await started.stop();
    expect(`started, and GET /api/v1/admin/retention without a token answered ${status}`).toBe(
      'refused to start',
    );
  }
  expect(error).toBeInstanceOf(ConfigError);
  expect((error as Error).message).toContain('AAD_APP_CLIENT_ID');
});

describe('headers in production', () => {
  it.each([
    ['/healthz', undefined],
    ['/api/v1/me', undefined],
    ['/api/v1/me', 'token'],
    ['/api/v1/nope', 'token'],
  ])('%s (%s) carries Strict-Transport-Security', async (path, bearer) => {
    const res = await get(path, bearer && entraToken(issuer));
    expect(res.headers.get('strict-transport-security')).toBe(
      'max-age=31536000; includeSubDomains',
    );
  });
});

it('behind the App Service front end, failed ingestion keys count per client address from X-Forwarded-For, whatever the port', async () => {
  // App Service's front end is the socket peer of every request and appends the client's address
  // (with its source port) to X-Forwarded-For. The throttle must see the client, not the front end.
  const scope = Buffer.from(`${SSO_TENANT}|team-x`).toString('base64url');
  const wrongKey = `bk_probe0001.${scope}.${'x'.repeat(43)}`;
  const post = (forwardedFor: string) =>
    fetch(`${server.url}/api/v1/kpis/kpi-x/readings`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${wrongKey}`,
        'content-type': 'application/json',
        'x-forwarded-for': forwardedFor,
      },
      body: JSON.stringify({ value: 1, at: new Date().toISOString() }),
    }).then((r) => r.status);
  const { perKeyAndAddress } = INGEST_FAILURE_BUDGET;
  const attacker: number[] = [];
  for (let i = 0; i < perKeyAndAddress; i += 1)
    attacker.push(await post(`203.0.113.7:${40000 + i}`));
  expect(attacker).toEqual(Array.from({ length: perKeyAndAddress }, () => 401));
  // A new source port is the same client: throttled.
  expect(await post('203.0.113.7:49999')).toBe(429);
  // Another client behind the same front end is not (a spoofed left-hand entry changes nothing).
  expect(await post('203.0.113.7, 198.51.100.4:40000')).toBe(401);
});
