import { startTokenIssuer } from '../../support/bot-tokens';
import { startInProcess } from '../../support/in-process-server';

// Shared by the tab view API tests: a server with SSO on (tokens signed by a local key) against the
// seeded demo organisation in the embedded store, and a tiny HTTP client.
export const CLIENT_ID = '5a0c9a1b-0000-4000-8000-00000000abcd';
export const TENANT = '00000000-0000-0000-0000-0000000000001';
export const OTHER_TENANT = '99999999-9999-4999-8999-999999999999';
export const ALEX = '00000000-0000-0000-0000-0000000000020'; // owner of My Team
export const MEGAN = '00000000-0000-0000-0000-0000000000021'; // member
export const TEAM = '00000000-0000-0000-0000-000000000031';

type Issuer = Awaited<ReturnType<typeof startTokenIssuer>>;
type Server = Awaited<ReturnType<typeof startInProcess>>;

export interface Reply {
  readonly status: number;
  readonly headers: Headers;
  readonly text: string;
  readonly body: Record<string, unknown>;
}

/** Starts the issuer and server before the file's tests and stops them after. */
export function tabSession() {
  let issuer: Issuer;
  let server: Server;
  beforeAll(async () => {
    issuer = await startTokenIssuer();
    server = await startInProcess({
      AAD_APP_CLIENT_ID: CLIENT_ID,
      AAD_JWKS_URL: issuer.openIdMetadataUrl.replace('/openid', '/keys'),
      BEARING_JOBS: 'off',
    });
  }, 60_000);
  afterAll(async () => {
    await server?.stop();
    await issuer?.stop();
  });

  const nowS = () => Math.floor(Date.now() / 1000);
  /** A valid token of Alex (owner) unless overridden (`oid`, `tid`). */
  const token = (overrides: Record<string, unknown> = {}) => {
    const tid = (overrides.tid as string | undefined) ?? TENANT;
    return issuer.sign({
      aud: `api://localhost/${CLIENT_ID}`,
      iss: `https://login.microsoftonline.com/${tid}/v2.0`,
      tid,
      oid: ALEX,
      name: 'Alex Wilber',
      scp: 'access_as_user',
      iat: nowS() - 60,
      nbf: nowS() - 60,
      exp: nowS() + 3600,
      ...overrides,
    });
  };
  const member = () => token({ oid: MEGAN, name: 'Megan Bowen' });
  const foreign = () => token({ tid: OTHER_TENANT });

  async function call(
    method: string,
    path: string,
    bearer: string | undefined = token(),
    body?: unknown,
    headers: Record<string, string> = {},
  ): Promise<Reply> {
    const res = await fetch(`${server.url}/api/v1${path}`, {
      method,
      headers: {
        ...(bearer ? { authorization: `Bearer ${bearer}` } : {}),
        ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
        ...headers,
      },
      body: typeof body === 'string' ? body : body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    // CSV exports are not JSON: their body stays empty and the text is there to read.
    const isJson = (res.headers.get('content-type') ?? '').includes('json');
    const parsed = isJson && text ? (JSON.parse(text) as Record<string, unknown>) : {};
    return { status: res.status, headers: res.headers, text, body: parsed };
  }

  return { token, member, foreign, call };
}

/** The error body's code and field. */
export const errorOf = (r: Reply) => r.body.error as { code: string; field?: string };
