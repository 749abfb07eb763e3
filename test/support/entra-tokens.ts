import type { startTokenIssuer } from '../../simulators/identity/token-issuer';

// Tab SSO tokens as Entra ID issues them, for the demo organisation, signed by a local key.
export const SSO_CLIENT_ID = '5a0c9a1b-0000-4000-8000-00000000abcd';
export const SSO_TENANT = '00000000-0000-0000-0000-000000000001';
export const OTHER_TENANT = '99999999-9999-4999-8999-999999999999';
export const ALEX = '00000000-0000-0000-0000-000000000020'; // owner of My Team
export const MEGAN = '00000000-0000-0000-0000-000000000021'; // member

type Issuer = Awaited<ReturnType<typeof startTokenIssuer>>;

/** The server settings that make it trust tokens of `issuer` for the tab (SSO on). */
export const ssoEnv = (issuer: Issuer) => ({
  AAD_APP_CLIENT_ID: SSO_CLIENT_ID,
  AAD_JWKS_URL: issuer.openIdMetadataUrl.replace('/openid', '/keys'),
});

/**
 * Claims of a valid token of Alex, valid for an hour; `tid` also sets the issuer. The audience is
 * the bare client id, as in the v2.0 tokens aad.manifest.json asks for (accessTokenAcceptedVersion 2).
 */
export function entraClaims(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  const tid = (overrides.tid as string | undefined) ?? SSO_TENANT;
  const now = Math.floor(Date.now() / 1000);
  return {
    aud: SSO_CLIENT_ID,
    iss: `https://login.microsoftonline.com/${tid}/v2.0`,
    tid,
    oid: ALEX,
    name: 'Alex Wilber',
    scp: 'access_as_user',
    iat: now - 60,
    nbf: now - 60,
    exp: now + 3600,
    ...overrides,
  };
}

/** {@link entraClaims}, signed by `issuer` (options forge bad signatures and headers). */
export const entraToken = (
  issuer: Issuer,
  overrides: Record<string, unknown> = {},
  options: Parameters<Issuer['sign']>[1] = {},
): string => issuer.sign(entraClaims(overrides), options);
