import { CONFIG_NAMES, ConfigError, loadConfig } from '../../bot/src/config';

describe('loadConfig', () => {
  it('defaults to local mode on port 3978 with .data and demo seeding', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({
      port: 3978,
      localStore: true,
      localBotAuth: true,
      dataDir: '.data',
      seedDemo: true,
      cosmos: { database: 'bearing', endpoint: undefined },
      bot: { type: 'UserAssignedMsi' },
    });
    expect(Object.isFrozen(config)).toBe(true);
  });

  it('treats empty strings as unset', () => {
    expect(loadConfig({ COSMOS_ENDPOINT: '', BOT_ID: '  ' })).toMatchObject({
      localStore: true,
      localBotAuth: true,
    });
  });

  it('refuses production without BOT_ID and COSMOS_ENDPOINT and names both', () => {
    let error: unknown;
    try {
      loadConfig({ NODE_ENV: 'production' });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).message).toContain('BOT_ID');
    expect((error as ConfigError).message).toContain('COSMOS_ENDPOINT');
  });

  // What infra/modules/appservice.bicep sets on the web app.
  const production = {
    NODE_ENV: 'production',
    BOT_ID: 'bot-app-id',
    BOT_TENANT_ID: 'tenant',
    COSMOS_ENDPOINT: 'https://acct.documents.azure.com:443/',
    AAD_APP_CLIENT_ID: '5a0c9a1b-0000-4000-8000-00000000abcd',
    BOT_DOMAIN: 'bearing-abc.azurewebsites.net',
    PORT: '8080',
  };

  it('accepts a complete production environment and leaves local mode', () => {
    const config = loadConfig(production);
    expect(config).toMatchObject({
      nodeEnv: 'production',
      port: 8080,
      localStore: false,
      localBotAuth: false,
      seedDemo: false,
      sso: {
        clientId: production.AAD_APP_CLIENT_ID,
        // aad.manifest.json identifierUris: api://${{BOT_DOMAIN}}/${{AAD_APP_CLIENT_ID}}
        applicationIdUri: `api://bearing-abc.azurewebsites.net/${production.AAD_APP_CLIENT_ID}`,
      },
    });
  });

  it.each(['AAD_APP_CLIENT_ID', 'BOT_DOMAIN'])(
    'refuses production without %s (tab sign-in), naming it',
    (name) => {
      const env: Record<string, string> = { ...production };
      delete env[name];
      expect(() => loadConfig(env)).toThrow(ConfigError);
      expect(() => loadConfig(env)).toThrow(`${name} is required when NODE_ENV=production`);
    },
  );

  it('does not require AAD_APP_TENANT_ID (a multi-tenant SSO app has none) but uses it when set', () => {
    expect(loadConfig(production).sso.tenantId).toBeUndefined();
    expect(loadConfig({ ...production, AAD_APP_TENANT_ID: 'tid' }).sso.tenantId).toBe('tid');
  });

  it('knows no Application ID URI without BOT_DOMAIN (then only the bare client id is an audience)', () => {
    expect(loadConfig({ AAD_APP_CLIENT_ID: 'client' }).sso.applicationIdUri).toBeUndefined();
    expect(
      loadConfig({ AAD_APP_CLIENT_ID: 'client', BOT_DOMAIN: 'x.devtunnels.ms' }).sso
        .applicationIdUri,
    ).toBe('api://x.devtunnels.ms/client');
  });

  it.each([
    [{ PORT: 'eighty' }, 'PORT'],
    [{ PORT: '70000' }, 'PORT'],
    [{ COSMOS_ENDPOINT: 'not a url' }, 'COSMOS_ENDPOINT'],
    [{ BOT_TYPE: 'MultiTenant' }, 'BOT_TYPE'],
    [{ BOT_ID: 'id', BOT_TENANT_ID: 't', BOT_TYPE: 'SingleTenant' }, 'BOT_PASSWORD'],
    [{ BOT_ID: 'id' }, 'BOT_TENANT_ID'],
    [{ BOT_DOMAIN: 'https://bearing.example/' }, 'BOT_DOMAIN'],
    [{ BOT_DOMAIN: 'bearing.example/tab' }, 'BOT_DOMAIN'],
  ])('rejects %j naming %s', (env, name) => {
    expect(() => loadConfig(env)).toThrow(name);
  });

  it('reads exactly the configuration names SPEC.md lists (plus documented extras)', () => {
    const spec = [
      'PORT',
      'COSMOS_ENDPOINT',
      'COSMOS_DATABASE',
      'BOT_ID',
      'BOT_TENANT_ID',
      'BOT_TYPE',
      'BOT_PASSWORD',
      'AAD_APP_CLIENT_ID',
      'AAD_APP_TENANT_ID',
      'BOT_DOMAIN',
      'BEARING_DATA_DIR',
      'APPLICATIONINSIGHTS_CONNECTION_STRING',
    ];
    for (const name of spec) expect(CONFIG_NAMES).toContain(name);
    expect([...CONFIG_NAMES].sort()).toEqual(
      [
        ...spec,
        'NODE_ENV',
        'COSMOS_KEY',
        'BEARING_SEED_DEMO',
        'LOG_LEVEL',
        'BOT_OPENID_METADATA_URL',
        'AAD_JWKS_URL',
        'BEARING_JOBS',
        'BEARING_SEND_RATE_PER_TENANT',
        'BEARING_CHECKIN_RETENTION_DAYS',
        'BEARING_READING_RETENTION_DAYS',
        'BEARING_TELEMETRY_AUTH',
        'TEAMS_APP_ID',
      ].sort(),
    );
  });

  it('reads the Teams app id for deep links into the tab, and rejects one that is not a GUID', () => {
    expect(loadConfig({}).teams.appId).toBeUndefined();
    const id = '00000000-0000-4000-8000-00000000b001';
    expect(loadConfig({ TEAMS_APP_ID: id }).teams.appId).toBe(id);
    expect(() => loadConfig({ TEAMS_APP_ID: 'bearing' })).toThrow(/TEAMS_APP_ID/);
  });

  it('sends telemetry with the connection string by default, with Entra ID when asked, and refuses other values', () => {
    expect(loadConfig({}).telemetryAuth).toBe('connection-string');
    expect(loadConfig({ BEARING_TELEMETRY_AUTH: 'entra' }).telemetryAuth).toBe('entra');
    expect(() => loadConfig({ BEARING_TELEMETRY_AUTH: 'key' })).toThrow(/BEARING_TELEMETRY_AUTH/);
  });

  it('reads retention in days with defaults, and rejects a negative or non-numeric value', () => {
    expect(loadConfig({}).retention).toEqual({ checkInDays: 730, readingDays: 400 });
    const set = loadConfig({
      BEARING_CHECKIN_RETENTION_DAYS: '90',
      BEARING_READING_RETENTION_DAYS: '0',
    });
    expect(set.retention).toEqual({ checkInDays: 90, readingDays: 0 });
    expect(() => loadConfig({ BEARING_CHECKIN_RETENTION_DAYS: '-1' })).toThrow(
      'BEARING_CHECKIN_RETENTION_DAYS',
    );
    expect(() => loadConfig({ BEARING_READING_RETENTION_DAYS: 'forever' })).toThrow(
      'BEARING_READING_RETENTION_DAYS',
    );
  });
});
