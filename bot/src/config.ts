import { z } from 'zod';

/**
 * The server's configuration, parsed once from the environment at start.
 * This is the only file that reads `process.env`; names match env/.env.*, teamsapp.yml and the
 * Bicep outputs so the three never drift.
 */

const optionalText = z
  .string()
  .trim()
  .transform((v) => (v === '' ? undefined : v))
  .optional();

const envSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3978),
  COSMOS_ENDPOINT: optionalText.pipe(
    z.url({ message: 'COSMOS_ENDPOINT must be a URL' }).optional(),
  ),
  /** Only for emulators or key-based dev accounts; Azure uses managed identity (local auth disabled). */
  COSMOS_KEY: optionalText,
  COSMOS_DATABASE: optionalText.transform((v) => v ?? 'bearing'),
  BOT_ID: optionalText,
  /** The Teams app id (appPackage/manifest.json `id`): cards link into the app's tab with it. */
  TEAMS_APP_ID: optionalText.pipe(
    z.uuid({ message: 'TEAMS_APP_ID must be the Teams app id (a GUID)' }).optional(),
  ),
  BOT_TENANT_ID: optionalText,
  BOT_TYPE: optionalText.pipe(z.enum(['UserAssignedMsi', 'SingleTenant']).optional()),
  BOT_PASSWORD: optionalText,
  AAD_APP_CLIENT_ID: optionalText,
  AAD_APP_TENANT_ID: optionalText,
  /** Where Entra ID publishes the keys that sign tab SSO tokens (sovereign clouds, tests). */
  AAD_JWKS_URL: optionalText.pipe(z.url().optional()),
  /** The public host name (no scheme or path): tab links and the SSO Application ID URI. */
  BOT_DOMAIN: optionalText.pipe(
    z
      .string()
      .regex(/^[a-z0-9]([a-z0-9.-]*[a-z0-9])?(:\d{1,5})?$/i, {
        message: 'BOT_DOMAIN must be a host name such as bearing.azurewebsites.net',
      })
      .optional(),
  ),
  /** Where Bot Framework channel signing keys are published (sovereign clouds, tests). */
  BOT_OPENID_METADATA_URL: optionalText.pipe(z.url().optional()),
  BEARING_DATA_DIR: optionalText.transform((v) => v ?? '.data'),
  BEARING_SEED_DEMO: optionalText.pipe(z.enum(['true', 'false']).optional()),
  /** `entra`: the exporter signs in with the managed identity (Application Insights local auth off). */
  BEARING_TELEMETRY_AUTH: optionalText.pipe(z.enum(['connection-string', 'entra']).optional()),
  APPLICATIONINSIGHTS_CONNECTION_STRING: optionalText.pipe(
    z
      .string()
      .regex(/(^|;)\s*InstrumentationKey\s*=\s*[^;\s]+/i, {
        message: 'must be an Application Insights connection string (InstrumentationKey=…;…)',
      })
      .optional(),
  ),
  /** `off` stops this instance from planning and sending deliveries (tests, read-only replicas). */
  BEARING_JOBS: optionalText.pipe(z.enum(['on', 'off']).optional()),
  /** Proactive sends per second per tenant for this instance (Teams allows 50 per app per tenant). */
  BEARING_SEND_RATE_PER_TENANT: z.coerce.number().int().min(1).max(50).default(50),
  LOG_LEVEL: optionalText.pipe(z.enum(['debug', 'info', 'warn', 'error', 'silent']).optional()),
  /** Days a check-in is kept after its last change (Cosmos per-item TTL); 0 keeps them forever. */
  BEARING_CHECKIN_RETENTION_DAYS: z.coerce.number().int().min(0).max(3650).default(730),
  /** Days a KPI reading is kept after it is stored (Cosmos per-item TTL); 0 keeps them forever. */
  BEARING_READING_RETENTION_DAYS: z.coerce.number().int().min(0).max(3650).default(400),
});

export type LogLevel = 'debug' | 'info' | 'warn' | 'error' | 'silent';

export interface Config {
  readonly nodeEnv: 'development' | 'production' | 'test';
  readonly port: number;
  /** The Cosmos account to use; undefined means local mode with the embedded server. */
  readonly cosmos: {
    readonly endpoint?: string;
    readonly key?: string;
    readonly database: string;
  };
  readonly bot: {
    readonly id?: string;
    readonly tenantId?: string;
    readonly type: 'UserAssignedMsi' | 'SingleTenant';
    readonly password?: string;
    readonly domain?: string;
    readonly openIdMetadataUrl?: string;
  };
  /** The Teams app (for deep links into its tab); unset in local mode, where links use the URL. */
  readonly teams: { readonly appId?: string };
  readonly sso: {
    readonly clientId?: string;
    /** Set for a single-tenant app: only tokens of this tenant are accepted. */
    readonly tenantId?: string;
    /** `api://<BOT_DOMAIN>/<client id>` (aad.manifest.json identifierUris), when both are set. */
    readonly applicationIdUri?: string;
    readonly jwksUrl: string;
  };
  readonly dataDir: string;
  readonly seedDemo: boolean;
  readonly appInsightsConnectionString?: string;
  /** How the exporter authenticates: the connection string's key, or Entra ID (managed identity). */
  readonly telemetryAuth: 'connection-string' | 'entra';
  readonly logLevel: LogLevel;
  /** Whether this instance plans and sends deliveries. */
  readonly jobs: boolean;
  readonly sendRatePerTenant: number;
  /** Retention of personal history in days (0 = keep); see docs/admin-guide.md "Retention". */
  readonly retention: { readonly checkInDays: number; readonly readingDays: number };
  /** True when no Cosmos endpoint is configured: embedded store, demo data, local identities. */
  readonly localStore: boolean;
  /** True when no bot app id is configured: anonymous Bot Framework requests from loopback only. */
  readonly localBotAuth: boolean;
}

/** Raised when the environment cannot start the server; the message names what to fix. */
export class ConfigError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(`Bearing cannot start: ${problems.join('; ')}`);
    this.name = 'ConfigError';
  }
}

/** Parses and validates an environment (defaults to `process.env`) into a frozen Config. */
export function loadConfig(
  env: Readonly<Record<string, string | undefined>> = process.env,
): Config {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    throw new ConfigError(
      parsed.error.issues.map((i) => `${i.path.join('.') || 'environment'}: ${i.message}`),
    );
  }
  const e = parsed.data;
  const problems: string[] = [];
  if (e.NODE_ENV === 'production') {
    if (!e.BOT_ID) problems.push('BOT_ID is required when NODE_ENV=production');
    if (!e.COSMOS_ENDPOINT) problems.push('COSMOS_ENDPOINT is required when NODE_ENV=production');
    // Without the SSO app nobody could sign in to the tab (there is no local identity here).
    if (!e.AAD_APP_CLIENT_ID)
      problems.push('AAD_APP_CLIENT_ID is required when NODE_ENV=production');
    // The tab's links and its Application ID URI (an accepted token audience) name this host.
    if (!e.BOT_DOMAIN) problems.push('BOT_DOMAIN is required when NODE_ENV=production');
  }
  const botType = e.BOT_TYPE ?? 'UserAssignedMsi';
  if (e.BOT_ID && botType === 'SingleTenant' && !e.BOT_PASSWORD) {
    problems.push('BOT_PASSWORD is required when BOT_TYPE=SingleTenant');
  }
  if (e.BOT_ID && !e.BOT_TENANT_ID) {
    problems.push('BOT_TENANT_ID is required when BOT_ID is set');
  }
  if (problems.length > 0) throw new ConfigError(problems);

  const localStore = !e.COSMOS_ENDPOINT;
  return Object.freeze({
    nodeEnv: e.NODE_ENV,
    port: e.PORT,
    cosmos: Object.freeze({
      endpoint: e.COSMOS_ENDPOINT,
      key: e.COSMOS_KEY,
      database: e.COSMOS_DATABASE,
    }),
    bot: Object.freeze({
      id: e.BOT_ID,
      tenantId: e.BOT_TENANT_ID,
      type: botType,
      password: e.BOT_PASSWORD,
      domain: e.BOT_DOMAIN,
      openIdMetadataUrl: e.BOT_OPENID_METADATA_URL,
    }),
    teams: Object.freeze({ appId: e.TEAMS_APP_ID }),
    sso: Object.freeze({
      clientId: e.AAD_APP_CLIENT_ID,
      tenantId: e.AAD_APP_TENANT_ID,
      applicationIdUri:
        e.AAD_APP_CLIENT_ID && e.BOT_DOMAIN
          ? `api://${e.BOT_DOMAIN}/${e.AAD_APP_CLIENT_ID}`
          : undefined,
      jwksUrl: e.AAD_JWKS_URL ?? 'https://login.microsoftonline.com/common/discovery/v2.0/keys',
    }),
    dataDir: e.BEARING_DATA_DIR,
    seedDemo: e.BEARING_SEED_DEMO ? e.BEARING_SEED_DEMO === 'true' : localStore,
    appInsightsConnectionString: e.APPLICATIONINSIGHTS_CONNECTION_STRING,
    telemetryAuth: e.BEARING_TELEMETRY_AUTH ?? 'connection-string',
    logLevel: e.LOG_LEVEL ?? (e.NODE_ENV === 'test' ? 'warn' : 'info'),
    jobs: (e.BEARING_JOBS ?? 'on') === 'on',
    sendRatePerTenant: e.BEARING_SEND_RATE_PER_TENANT,
    retention: Object.freeze({
      checkInDays: e.BEARING_CHECKIN_RETENTION_DAYS,
      readingDays: e.BEARING_READING_RETENTION_DAYS,
    }),
    localStore,
    localBotAuth: !e.BOT_ID && e.NODE_ENV !== 'production',
  });
}

/** The configuration names this server reads (kept in sync with env/, teamsapp.yml and infra/). */
export const CONFIG_NAMES: readonly string[] = Object.freeze(Object.keys(envSchema.shape));
