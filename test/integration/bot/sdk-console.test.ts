import fs from 'node:fs';
import { cardInvoke } from '../../../simulators/teams/activities';
import {
  channelClaims,
  nowSeconds,
  startTokenIssuer,
} from '../../../simulators/identity/token-issuer';
import { tempDir } from '../../support/embedded-store';
import { postJson } from '../../../simulators/http';
import { startServer, waitForStatus, type ServerProcess } from '../../support/server-process';

// The built server process (run `tsc -b` first) with Bot Framework authentication on, fed forged
// tokens. The SDK reports some of them with console.error (the error with its stack, or "Available
// keys: <PEM>"); what the process writes must still be JSON log lines only, with no key material
// and no token text.
const BOT_ID = 'bearing-console-bot';
const SERVICE_URL = 'https://smba.trafficmanager.net/amer/';

let issuer: Awaited<ReturnType<typeof startTokenIssuer>>;
let server: ServerProcess;
let dataDir: string;

beforeAll(async () => {
  issuer = await startTokenIssuer();
  dataDir = tempDir('bearing-console-');
  server = await startServer({
    BEARING_DATA_DIR: dataDir,
    BEARING_JOBS: 'off',
    LOG_LEVEL: 'debug',
    BOT_ID,
    BOT_TENANT_ID: '00000000-0000-0000-0000-000000000001',
    BOT_TYPE: 'SingleTenant',
    BOT_PASSWORD: 'not-a-real-secret',
    BOT_OPENID_METADATA_URL: issuer.openIdMetadataUrl,
  });
  expect(await waitForStatus(`${server.baseUrl}/healthz`, 200, 30_000)).toBe(200);
}, 60_000);
afterAll(async () => {
  await server?.stop('SIGKILL');
  await issuer?.stop();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

const now = nowSeconds;
const claims = (overrides: Record<string, unknown> = {}) =>
  channelClaims(BOT_ID, SERVICE_URL, overrides);

it('forged tokens are refused, and the process writes only JSON log lines without keys or tokens', async () => {
  const forged = [
    issuer.sign(claims(), { key: 'other' }), // bad signature, known key id: the SDK prints the PEM
    issuer.sign(claims({ exp: now() - 3600, nbf: now() - 7200, iat: now() - 7200 })), // expired
    issuer.sign(claims(), { kid: 'nope' }), // unknown key id
    issuer.sign(claims({ aud: 'someone-else' })),
    issuer.sign(claims({ serviceurl: 'https://evil.example/' })),
  ];
  for (const token of forged) {
    const res = await postJson(
      `${server.baseUrl}/api/messages`,
      cardInvoke(SERVICE_URL, 'card.refresh.unknown', {}),
      { authorization: `Bearer ${token}` },
    );
    expect(res.status).toBe(401);
  }
  // A request that is logged, so the output is known to be collected.
  await fetch(`${server.baseUrl}/api/v1/nope`);
  await new Promise((r) => setTimeout(r, 500));

  const output = server.output();
  const lines = output.split('\n').filter((l) => l.trim() !== '');
  expect(lines.length).toBeGreaterThan(0);
  const notJson = lines.filter((l) => {
    try {
      return typeof JSON.parse(l) !== 'object';
    } catch {
      return true;
    }
  });
  expect(notJson).toEqual([]);
  expect(output).not.toMatch(/BEGIN|PUBLIC KEY|MII[A-Za-z0-9+/]{20}/);
  for (const token of forged) {
    for (const part of token.split('.').filter((p) => p.length > 10)) {
      expect(output).not.toContain(part);
    }
  }
  // The SDK's complaints are kept, as log lines of the JSON logger.
  expect(lines.some((l) => JSON.parse(l).source === 'console')).toBe(true);
}, 60_000);
