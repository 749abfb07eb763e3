import { CONFIG_NAMES } from '../../../bot/src/config';
import { CONTAINERS } from '../../../bot/src/store/containers';
import {
  appSettingNames,
  bicepFiles,
  placeholders,
  readEnv,
  readText,
  stripBicepComments,
} from './ship-helpers';

/**
 * Config names the server reads that Azure does not set, and why. A new name in bot/src/config.ts
 * fails the first test until it is either set in infra/modules/appservice.bicep or listed here.
 */
const NOT_SET_IN_AZURE: Record<string, string> = {
  PORT: 'App Service sets PORT for the process itself',
  COSMOS_KEY: 'emulators only; Azure uses the managed identity (local auth is disabled)',
  BOT_PASSWORD: 'only for BOT_TYPE=SingleTenant; Azure uses BOT_TYPE=UserAssignedMsi',
  AAD_JWKS_URL: 'sovereign clouds and tests; defaults to the public Entra ID keys',
  BOT_OPENID_METADATA_URL: 'sovereign clouds and tests; defaults to Bot Framework metadata',
  BEARING_DATA_DIR: 'local embedded store only',
  BEARING_SEED_DEMO: 'local demo data only; off when COSMOS_ENDPOINT is set',
  BEARING_JOBS: 'defaults to on; turn off per instance when needed',
  BEARING_SEND_RATE_PER_TENANT: 'defaults to the Teams limit (50/s per tenant)',
  LOG_LEVEL: 'defaults to info',
};

/** App settings that are not Bearing config names but documented Azure ones. */
const AZURE_SETTINGS = /^(AZURE_CLIENT_ID|WEBSITE_[A-Z0-9_]+|SCM_[A-Z0-9_]+)$/;

const files = bicepFiles();
const main = files.find((f) => f.file === 'infra/azure.bicep')!;
const appService = files.find((f) => f.file === 'infra/modules/appservice.bicep')!;
const cosmos = files.find((f) => f.file === 'infra/modules/cosmos.bicep')!;
const settings = appSettingNames(appService.text);

describe('infra: Bicep and the server configuration agree', () => {
  it('has the main template and the five modules', () => {
    expect(files.map((f) => f.file).sort()).toEqual([
      'infra/azure.bicep',
      'infra/modules/appservice.bicep',
      'infra/modules/bot.bicep',
      'infra/modules/cosmos.bicep',
      'infra/modules/identity.bicep',
      'infra/modules/monitoring.bicep',
    ]);
  });

  it('sets every config name the production server needs as an app setting', () => {
    const needed = CONFIG_NAMES.filter((name) => !(name in NOT_SET_IN_AZURE));
    expect(needed).toEqual(
      expect.arrayContaining(['COSMOS_ENDPOINT', 'BOT_ID', 'BOT_TYPE', 'NODE_ENV', 'BOT_DOMAIN']),
    );
    expect(needed.filter((name) => !settings.includes(name))).toEqual([]);
    // The exemption list names only real config names (no stale entries).
    expect(Object.keys(NOT_SET_IN_AZURE).filter((n) => !CONFIG_NAMES.includes(n))).toEqual([]);
  });

  it('sets no app setting that is neither a config name nor a documented Azure setting', () => {
    expect(settings.length).toBeGreaterThan(8);
    expect(settings.filter((n) => !CONFIG_NAMES.includes(n) && !AZURE_SETTINGS.test(n))).toEqual(
      [],
    );
    expect(new Set(settings).size).toBe(settings.length);
  });

  it('runs production with a user-assigned identity for the bot and for Cosmos DB', () => {
    const text = appService.text;
    expect(text).toMatch(/name: 'NODE_ENV'\s*\n\s*value: 'production'/);
    expect(text).toMatch(/name: 'BOT_TYPE'\s*\n\s*value: 'UserAssignedMsi'/);
    // DefaultAzureCredential (bot/src/store/cosmos-client.ts) picks the identity by AZURE_CLIENT_ID.
    expect(text).toMatch(/name: 'BOT_ID'\s*\n\s*value: identityClientId/);
    expect(text).toMatch(/name: 'AZURE_CLIENT_ID'\s*\n\s*value: identityClientId/);
    expect(text).toMatch(/type: 'UserAssigned'/);
  });

  it('outputs are named as env variables and each one is consumed by teamsapp.yml', () => {
    const outputs = [...stripBicepComments(main.text).matchAll(/^output (\w+) /gm)].map(
      (m) => m[1] as string,
    );
    expect(outputs).toEqual(expect.arrayContaining(['BOT_DOMAIN', 'BOT_ID']));
    const yml = readText('teamsapp.yml');
    // arm/deploy writes outputs to env/.env.<env>; teamsapp.yml uses them directly or through the
    // manifests its actions fill (teamsApp/* reads the app manifest, aadApp/update the aad one).
    const consumers = [yml, readText('appPackage/manifest.json'), readText('aad.manifest.json')];
    expect(yml).toContain('./appPackage/manifest.json');
    expect(yml).toContain('./aad.manifest.json');
    for (const name of outputs) {
      expect(name).toMatch(/^[A-Z][A-Z0-9_]*$/);
      expect(consumers.some((text) => placeholders(text).includes(name))).toBe(true);
      expect(readEnv('dev').has(name)).toBe(true);
    }
  });

  it('parameters file sets only declared params, from env names defined in env/.env.dev', () => {
    const parameters = JSON.parse(readText('infra/azure.parameters.json')) as {
      parameters: Record<string, { value: unknown }>;
    };
    const declared = [...main.text.matchAll(/^param (\w+) /gm)].map((m) => m[1]);
    expect(Object.keys(parameters.parameters).filter((p) => !declared.includes(p))).toEqual([]);
    // Params without a default must come from the parameters file.
    const required = [...main.text.matchAll(/^param (\w+) \w+\s*$/gm)].map((m) => m[1] as string);
    expect(required.filter((p) => !(p in parameters.parameters))).toEqual([]);
    const dev = readEnv('dev');
    const used = placeholders(readText('infra/azure.parameters.json'));
    expect(used.filter((name) => !dev.has(name))).toEqual([]);
  });
});

describe('infra: Bicep hygiene', () => {
  it.each(files.map((f) => [f.file, f.text] as const))('%s holds no secret or key', (_, text) => {
    const code = stripBicepComments(text);
    expect(code).not.toMatch(/listKeys|listConnectionStrings|primaryMasterKey|secondaryMasterKey/i);
    expect(code).not.toMatch(/password|secret|@secure\(\)|instrumentationKey/i);
    expect(code).not.toMatch(/AccountKey=/);
  });

  it.each(files.map((f) => [f.file, f.text] as const))('%s describes every param', (_, text) => {
    const lines = text.split('\n');
    const params = lines.flatMap((line, i) => (/^param \w+/.test(line) ? [i] : []));
    expect(params.length).toBeGreaterThan(0);
    for (const index of params) {
      // Decorators sit directly above the param; one of them is @description.
      let j = index - 1;
      const decorators: string[] = [];
      while (j >= 0 && /^\s*(@|'|\])/.test(lines[j] as string))
        decorators.push(lines[j--] as string);
      expect([lines[index], decorators.some((d) => d.startsWith('@description('))]).toEqual([
        lines[index],
        true,
      ]);
    }
  });

  it('locks down the web app: HTTPS only, TLS 1.2, no FTP, Always On, health check, Node 20', () => {
    const text = appService.text;
    expect(text).toMatch(/httpsOnly: true/);
    expect(text).toMatch(/minTlsVersion: '1\.2'/);
    expect(text).toMatch(/ftpsState: 'Disabled'/);
    expect(text).toMatch(/alwaysOn: true/);
    expect(text).toMatch(/healthCheckPath: '\/healthz'/);
    expect(text).toMatch(/linuxFxVersion: 'NODE\|20-lts'/);
    expect(text).toMatch(/reserved: true/);
  });

  it('disables Cosmos DB keys and grants the identity the built-in data contributor role', () => {
    const text = cosmos.text;
    expect(text).toMatch(/disableLocalAuth: true/);
    expect(text).toMatch(/disableKeyBasedMetadataWriteAccess: true/);
    expect(text).toContain("'00000000-0000-0000-0000-000000000002'");
    expect(text).toMatch(/sqlRoleAssignments@/);
    expect(text).toMatch(/principalId: dataContributorPrincipalId/);
    expect(text).toMatch(/type: 'Continuous'/);
    expect(text).toMatch(/'EnableServerless'/);
    expect(main.text).toMatch(/param cosmosCapacityMode string = 'Serverless'/);
  });

  it('registers the bot for the managed identity with the Teams channel', () => {
    const bot = files.find((f) => f.file === 'infra/modules/bot.bicep')!.text;
    expect(bot).toMatch(/Microsoft\.BotService\/botServices@/);
    expect(bot).toMatch(/msaAppType: 'UserAssignedMSI'/);
    expect(bot).toMatch(/msaAppMSIResourceId: identityId/);
    expect(bot).toMatch(/msaAppTenantId: tenantId/);
    expect(bot).toMatch(/endpoint: 'https:\/\/\$\{botDomain\}\/api\/messages'/);
    expect(bot).toMatch(/channelName: 'MsTeamsChannel'/);
    const identity = files.find((f) => f.file === 'infra/modules/identity.bicep')!.text;
    expect(identity).toMatch(/Microsoft\.ManagedIdentity\/userAssignedIdentities@/);
  });

  it('sends telemetry to Application Insights backed by Log Analytics', () => {
    const monitoring = files.find((f) => f.file === 'infra/modules/monitoring.bicep')!.text;
    expect(monitoring).toMatch(/Microsoft\.OperationalInsights\/workspaces@/);
    expect(monitoring).toMatch(/WorkspaceResourceId: workspace\.id/);
    expect(main.text).toMatch(/appInsightsConnectionString: monitoring\.outputs\.connectionString/);
  });
});

describe('infra: Cosmos DB containers match docs/data-model.md and the store', () => {
  const DAY = 24 * 3600;
  /** name → TTL seconds (undefined: none), from the `var containers = [ … ]` block. */
  const fromBicep = new Map(
    [
      ...cosmos.text.matchAll(/\{ name: '(\w+)', settings: \{ ?(?:defaultTtl: (-?\d+))? ?\} \}/g),
    ].map((m) => [m[1] as string, m[2] === undefined ? undefined : Number(m[2])]),
  );
  /** name → TTL seconds from the Containers table of docs/data-model.md. */
  const fromDocs = new Map(
    [
      ...readText('docs/data-model.md').matchAll(
        /^\| `(\w+)`\s*\|.*\|\s*(none|per item|\d+ days)\s*\|$/gm,
      ),
    ].map((m) => [
      m[1] as string,
      // "per item": TTL on with no default (-1), so only items carrying `ttl` expire.
      m[2] === 'none'
        ? undefined
        : m[2] === 'per item'
          ? -1
          : Number.parseInt(m[2] as string, 10) * DAY,
    ]),
  );

  it('declares the four containers with the documented TTLs', () => {
    expect(fromDocs.size).toBe(4);
    expect([...fromBicep.keys()].sort()).toEqual([...fromDocs.keys()].sort());
    for (const [name, ttl] of fromDocs) expect([name, fromBicep.get(name)]).toEqual([name, ttl]);
    expect(fromBicep.get('readings')).toBe(400 * DAY);
    expect(fromBicep.get('deliveries')).toBe(90 * DAY);
  });

  it('matches what the server creates locally (bot/src/store/containers.ts)', () => {
    for (const def of Object.values(CONTAINERS)) {
      expect(fromBicep.has(def.id)).toBe(true);
      expect(def.partitionKey).toBe('/pk');
      const ttl = 'defaultTtl' in def ? def.defaultTtl : undefined;
      expect([def.id, fromBicep.get(def.id)]).toEqual([def.id, ttl]);
    }
  });

  it('partitions every container on /pk', () => {
    expect(cosmos.text).toMatch(/partitionKey: \{\s*paths: \[\s*'\/pk'\s*\]/);
    expect(cosmos.text.match(/paths:/g)).toHaveLength(1); // one definition, used by the loop
    expect(cosmos.text).toMatch(/\[for c in containers: \{/);
  });
});
