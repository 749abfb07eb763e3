import { startTokenIssuer } from '../../../simulators/identity/token-issuer';
import { startInProcess } from '../../support/in-process-server';
import { MEGAN, OTHER_TENANT, entraToken, ssoEnv } from '../../support/entra-tokens';

// Shared by the tab view API tests: a server with SSO on (tokens signed by a local key) against the
// seeded demo organisation in the embedded store, and a tiny HTTP client.
export { ALEX, MEGAN } from '../../support/entra-tokens';
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
    server = await startInProcess({ ...ssoEnv(issuer), BEARING_JOBS: 'off' });
  }, 60_000);
  afterAll(async () => {
    await server?.stop();
    await issuer?.stop();
  });

  /** A valid token of Alex (owner) unless overridden (`oid`, `tid`). */
  const token = (overrides: Record<string, unknown> = {}) => entraToken(issuer, overrides);
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
