import { createRemoteJWKSet, jwtVerify, type JWTPayload } from 'jose';
import { schemas } from '@bearing/core';
import type { CallerIdentity, IdentityResolver } from './identity';

/** What a tab SSO token must be issued for. */
export interface EntraTokenOptions {
  /** The Entra app (client) id the tab's `getAuthToken()` asks a token for. */
  readonly clientId: string;
  /** Its Application ID URI (`api://<BOT_DOMAIN>/<client id>`), the other accepted audience. */
  readonly applicationIdUri?: string;
  /** Single-tenant apps accept only this tenant. */
  readonly tenantId?: string;
  /** Signing keys (Entra's common v2.0 keys in Azure). */
  readonly jwksUrl: string;
}

/** Entra tenant and object ids are GUIDs. */
const isGuid = (value: string) => schemas.guid.safeParse(value).success;

interface EntraClaims extends JWTPayload {
  readonly tid?: string;
  readonly oid?: string;
  readonly scp?: string;
  readonly name?: string;
  readonly roles?: unknown;
}

/**
 * Validates Entra ID access tokens of the tab (`authentication.getAuthToken()`): RS256 signature
 * against the published keys (fetched once, cached, refetched on an unknown key id), not expired,
 * `aud` is the app id or its configured Application ID URI, `iss` is the v2.0 issuer of the token's own
 * tenant, and `scp` grants `access_as_user`. The identity is (tid, oid), never a name or an email.
 * Any failure is "not authenticated", never an exception.
 */
export function entraTokenResolver(options: EntraTokenOptions): IdentityResolver {
  const keys = createRemoteJWKSet(new URL(options.jwksUrl), {
    cacheMaxAge: 6 * 60 * 60_000,
    cooldownDuration: 30_000,
    timeoutDuration: 5_000,
  });
  // Exactly these, compared whole: never "any api://…/<client id>", which any host could claim.
  const audiences = new Set([options.clientId, options.applicationIdUri].filter(Boolean));
  const audienceOk = (aud: JWTPayload['aud']) =>
    (Array.isArray(aud) ? aud : [aud]).some((a) => typeof a === 'string' && audiences.has(a));
  return async (authorization): Promise<CallerIdentity | undefined> => {
    const match = /^Bearer ([A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+)$/.exec(
      authorization ?? '',
    );
    if (!match) return undefined;
    try {
      const { payload } = await jwtVerify<EntraClaims>(match[1] as string, keys, {
        algorithms: ['RS256'],
        clockTolerance: 60,
        requiredClaims: ['exp', 'iss', 'aud', 'tid', 'oid'],
      });
      const { tid, oid } = payload;
      if (!tid || !oid || !isGuid(tid) || !isGuid(oid)) return undefined;
      if (payload.iss !== `https://login.microsoftonline.com/${tid}/v2.0`) return undefined;
      if (options.tenantId && tid !== options.tenantId) return undefined;
      if (!audienceOk(payload.aud)) return undefined;
      if (!(payload.scp ?? '').split(' ').includes('access_as_user')) return undefined;
      return {
        tenantId: tid,
        userId: oid,
        name: typeof payload.name === 'string' ? payload.name.slice(0, 200) : '',
        source: 'sso',
        roles: Array.isArray(payload.roles)
          ? payload.roles.filter((r): r is string => typeof r === 'string')
          : [],
      };
    } catch {
      return undefined;
    }
  };
}
