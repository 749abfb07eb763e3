import type { RequestHandler } from 'express';
import { ConfigError, type Config } from '../config';
import { DEMO_TENANT_ID, DEMO_USERS } from '../features/demo';
import { ADMIN_ROLE } from '../features/data-rights';
import { entraTokenResolver } from './entra-token';
import { authenticate, type CallerIdentity } from './identity';

/**
 * The `/api/v1` authentication the configuration calls for. With the SSO app configured: Entra
 * tokens only. Without it, outside production only: the local development identity for loopback
 * callers. In production that identity is never built, whatever the config object says; a missing
 * SSO app refuses start-up (loadConfig already refuses it; this holds for any other caller too).
 */
export function callerAuthentication(config: Pick<Config, 'nodeEnv' | 'sso'>): RequestHandler {
  const { clientId, tenantId, applicationIdUri, jwksUrl } = config.sso;
  if (clientId) {
    return authenticate({
      resolve: entraTokenResolver({ clientId, applicationIdUri, tenantId, jwksUrl }),
    });
  }
  if (config.nodeEnv === 'production') {
    throw new ConfigError(['AAD_APP_CLIENT_ID is required when NODE_ENV=production']);
  }
  return authenticate({ localIdentity: localDeveloper(), resolve: async () => undefined });
}

/** The developer on this machine, who administers the demo tenant (local mode only). */
function localDeveloper(): CallerIdentity {
  return {
    tenantId: DEMO_TENANT_ID,
    userId: DEMO_USERS[0].userId,
    name: DEMO_USERS[0].name,
    source: 'local',
    roles: [ADMIN_ROLE],
  };
}
