import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { CONFIG_NAMES } from '../../../bot/src/config';
import { CONTAINERS } from '../../../bot/src/store/containers';
import {
  type ArmTemplate,
  bicepCli,
  checkInfra,
  infraProblems,
  moduleOf,
  appSettingsOf,
  resourcesOf,
  resourcesOfType,
  siteConfigOf,
  webAppOf,
} from './bicep';
import { placeholders, readEnv, readText, repoRoot } from './ship-helpers';

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
};

/** App settings that are not Bearing config names but documented Azure ones. */
const AZURE_SETTINGS = /^(AZURE_CLIENT_ID|WEBSITE_[A-Z0-9_]+|SCM_[A-Z0-9_]+)$/;

const MAIN = path.join(repoRoot, 'infra', 'azure.bicep');
let arm: ArmTemplate;
let problems: string[];

beforeAll(() => {
  const started = Date.now();
  const compiled = checkInfra(MAIN);
  problems = compiled.problems;
  const cli = bicepCli();
  // Shown in the test output: which CLI compiled and linted infra/ and how long it took.
  console.log(`Bicep ${cli.version} (${cli.via}): build + lint ${Date.now() - started} ms`);
  if (!compiled.arm) throw new Error(`infra/azure.bicep does not compile:\n${problems.join('\n')}`);
  arm = compiled.arm;
}, 120_000);

const webApp = () => webAppOf(arm);
const siteConfig = () => siteConfigOf(arm);
const appSettings = () => appSettingsOf(arm);
const setting = (name: string) => appSettings().find((s) => s.name === name)?.value;
const cosmosTemplate = () => moduleOf(arm, 'cosmos').properties!.template!;

describe('infra: the real Bicep CLI compiles and lints infra/', () => {
  it('builds infra/azure.bicep and lints it with no warning or error', () => {
    expect(problems).toEqual([]);
    expect(bicepCli().version).toBe(bicepCli().pinned);
  });

  it('keeps every default linter rule at warning or stricter (bicepconfig.json)', () => {
    const config = JSON.parse(readText('bicepconfig.json')) as {
      analyzers: { core: { enabled: boolean; rules: Record<string, { level: string }> } };
    };
    expect(config.analyzers.core.enabled).toBe(true);
    const relaxed = Object.entries(config.analyzers.core.rules).filter(
      ([, rule]) => !['warning', 'error'].includes(rule.level),
    );
    expect(relaxed).toEqual([]);
  });
});

describe('infra: the checks fail on a broken or insecure template', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bearing-bicep-'));
  fs.copyFileSync(path.join(repoRoot, 'bicepconfig.json'), path.join(dir, 'bicepconfig.json'));
  const fixture = (name: string, text: string) => {
    const file = path.join(dir, name);
    fs.writeFileSync(file, text);
    return file;
  };
  const secret = (decorator: string) =>
    [
      `@description('The password of the site admin.')`,
      decorator,
      'param adminPassword string',
      '',
      "resource site 'Microsoft.Web/sites@2025-03-01' existing = {",
      "  name: 'bearing-fixture'",
      '}',
      '',
      "resource settings 'Microsoft.Web/sites/config@2025-03-01' = {",
      '  parent: site',
      "  name: 'appsettings'",
      '  properties: {',
      '    ADMIN_PASSWORD: adminPassword',
      '  }',
      '}',
      '',
    ].join('\n');
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('passes a sound template (the checker is not always red)', () => {
    expect(infraProblems(fixture('sound.bicep', secret('@secure()')))).toEqual([]);
  });

  it('fails a file that does not compile', () => {
    const found = infraProblems(
      fixture('broken.bicep', "param name string = 'x'\noutput o string = nme\n"),
    );
    expect(found.join('\n')).toMatch(/Error BCP\d+: .*nme/);
  });

  it('fails a secret parameter without @secure()', () => {
    const found = infraProblems(fixture('insecure.bicep', secret('')));
    expect(found).toContain(
      'main: parameter adminPassword looks like a secret but is not @secure()',
    );
    expect(found.join('\n')).toMatch(/secure-secrets-in-params/);
  });
});

describe('infra: Bicep and the server configuration agree', () => {
  it('sets every config name the production server needs as an app setting', () => {
    const names = appSettings().map((s) => s.name);
    const needed = CONFIG_NAMES.filter((name) => !(name in NOT_SET_IN_AZURE));
    expect(needed).toEqual(
      expect.arrayContaining(['COSMOS_ENDPOINT', 'BOT_ID', 'BOT_TYPE', 'NODE_ENV', 'BOT_DOMAIN']),
    );
    expect(needed.filter((name) => !names.includes(name))).toEqual([]);
    // The exemption list names only real config names that Azure really does not set.
    expect(Object.keys(NOT_SET_IN_AZURE).filter((n) => !CONFIG_NAMES.includes(n))).toEqual([]);
    expect(Object.keys(NOT_SET_IN_AZURE).filter((n) => names.includes(n))).toEqual([]);
  });

  it('sets no app setting that is neither a config name nor a documented Azure setting', () => {
    const names = appSettings().map((s) => s.name);
    expect(names.filter((n) => !CONFIG_NAMES.includes(n) && !AZURE_SETTINGS.test(n))).toEqual([]);
    expect(new Set(names).size).toBe(names.length);
  });

  it('runs production as the user-assigned identity, for the bot and for Cosmos DB', () => {
    expect(setting('NODE_ENV')).toBe('production');
    expect(setting('BOT_TYPE')).toBe('UserAssignedMsi');
    // DefaultAzureCredential (bot/src/store/cosmos-client.ts) picks the identity by AZURE_CLIENT_ID.
    expect(setting('BOT_ID')).toBe("[parameters('identityClientId')]");
    expect(setting('AZURE_CLIENT_ID')).toBe("[parameters('identityClientId')]");
    const identity = webApp().identity as { type: string; userAssignedIdentities: object };
    expect(identity.type).toBe('UserAssigned');
    expect(Object.keys(identity.userAssignedIdentities)).toEqual([
      "[format('{0}', parameters('identityId'))]",
    ]);
    const params = moduleOf(arm, 'appservice').properties!.parameters!;
    expect(params.identityId!.value).toMatch(/'identity'\), '[\d-]+'\)\.outputs\.id\.value\]$/);
    expect(params.identityClientId!.value).toMatch(/'identity'\), '[\d-]+'\)\.outputs\.clientId/);
  });

  it('outputs are env names and each one is consumed by teamsapp.yml or the manifests it fills', () => {
    const outputs = Object.keys(arm.outputs ?? {});
    expect(outputs).toEqual(expect.arrayContaining(['BOT_DOMAIN', 'BOT_ID']));
    const yml = readText('teamsapp.yml');
    // arm/deploy writes outputs to env/.env.<env>; teamsapp.yml uses them directly or through the
    // manifests its actions fill (teamsApp/* reads the app manifest, aadApp/update the aad one).
    const consumers = [yml, readText('appPackage/manifest.json'), readText('aad.manifest.json')];
    expect(yml).toContain('./appPackage/manifest.json');
    expect(yml).toContain('./aad.manifest.json');
    for (const name of outputs) {
      expect(name).toMatch(/^[A-Z][A-Z0-9_]*$/);
      expect([name, consumers.some((text) => placeholders(text).includes(name))]).toEqual([
        name,
        true,
      ]);
      expect([name, readEnv('dev').has(name)]).toEqual([name, true]);
    }
  });

  it('parameters file sets only declared params, from env names defined in env/.env.dev', () => {
    const file = JSON.parse(readText('infra/azure.parameters.json')) as {
      parameters: Record<string, { value: unknown }>;
    };
    const declared = arm.parameters ?? {};
    expect(Object.keys(file.parameters).filter((p) => !(p in declared))).toEqual([]);
    // Params without a default must come from the parameters file.
    const required = Object.keys(declared).filter((p) => !('defaultValue' in declared[p]!));
    expect(required.filter((p) => !(p in file.parameters))).toEqual([]);
    const dev = readEnv('dev');
    const used = placeholders(readText('infra/azure.parameters.json'));
    expect(used.filter((name) => !dev.has(name))).toEqual([]);
  });

  it('describes every parameter of every template', () => {
    const undescribed = [arm, ...resourcesOf(arm).map((r) => r.properties?.template)]
      .filter((t): t is ArmTemplate => t !== undefined)
      .flatMap((t) => Object.entries(t.parameters ?? {}))
      .filter(([, p]) => !p.metadata?.description)
      .map(([name]) => name);
    expect(undescribed).toEqual([]);
  });
});

describe('infra: the web app', () => {
  it('is HTTPS only, TLS 1.2 or newer, no FTP, Always On, Linux', () => {
    const props = webApp().properties as { httpsOnly: boolean };
    expect(props.httpsOnly).toBe(true);
    const config = siteConfig();
    expect(Number(config.minTlsVersion)).toBeGreaterThanOrEqual(1.2);
    expect(Number(config.scmMinTlsVersion)).toBeGreaterThanOrEqual(1.2);
    expect(config.ftpsState).toBe('Disabled');
    expect(config.alwaysOn).toBe(true);
    const plan = resourcesOfType(arm, 'Microsoft.Web/serverfarms')[0]!;
    expect((plan.properties as { reserved: boolean }).reserved).toBe(true);
  });

  it('scales out by a parameter (default 1) on a plan SKU from an allowed list', () => {
    const count = arm.parameters!.webAppInstanceCount!;
    expect(count.defaultValue).toBe(1);
    expect(count.minValue).toBe(1);
    const sku = arm.parameters!.webAppSku!;
    expect(sku.allowedValues).toEqual(expect.arrayContaining(['B1', 'P0v3', 'P1v3']));
    expect(sku.allowedValues).not.toContain('F1'); // Free and Shared have no Always On
    const plan = resourcesOfType(arm, 'Microsoft.Web/serverfarms')[0]!;
    expect(plan.sku).toEqual({
      name: "[parameters('sku')]",
      capacity: "[parameters('instanceCount')]",
    });
    expect(moduleOf(arm, 'appservice').properties!.parameters!.instanceCount).toEqual({
      value: "[parameters('webAppInstanceCount')]",
    });
  });
});

describe('infra: Cosmos DB', () => {
  const DAY = 24 * 3600;
  type Container = { id: string; partitionKey: { paths: string[] }; defaultTtl?: number };
  const containers = () => cosmosTemplate().variables!.containers as Container[];

  it('has keys disabled and continuous backup', () => {
    const account = resourcesOfType(arm, 'Microsoft.DocumentDB/databaseAccounts')[0]!;
    const props = account.properties as Record<string, unknown>;
    expect(props.disableLocalAuth).toBe(true);
    expect(props.disableKeyBasedMetadataWriteAccess).toBe(true);
    expect(props.minimalTlsVersion).toBe('Tls12');
    expect(props.backupPolicy).toMatchObject({ type: 'Continuous' });
    expect(cosmosTemplate().parameters!.capacityMode!.defaultValue).toBe('Serverless');
  });

  it('grants the identity the data-plane Built-in Data Contributor role', () => {
    const [assignment, ...more] = resourcesOfType(
      arm,
      'Microsoft.DocumentDB/databaseAccounts/sqlRoleAssignments',
    );
    expect(more).toEqual([]);
    const props = assignment!.properties as { roleDefinitionId: string; principalId: string };
    expect(props.roleDefinitionId).toMatch(
      /sqlRoleDefinitions\/\{1\}', .*variables\('dataContributorRoleId'\)\)\]$/,
    );
    expect(cosmosTemplate().variables!.dataContributorRoleId).toBe(
      '00000000-0000-0000-0000-000000000002',
    );
    expect(props.principalId).toBe("[parameters('dataContributorPrincipalId')]");
    expect(
      moduleOf(arm, 'cosmos').properties!.parameters!.dataContributorPrincipalId!.value,
    ).toMatch(/'identity'\), '[\d-]+'\)\.outputs\.principalId\.value\]$/);
  });

  it('creates one container per entry of the list, with that entry as its definition', () => {
    const [resource, ...more] = resourcesOfType(
      arm,
      'Microsoft.DocumentDB/databaseAccounts/sqlDatabases/containers',
    );
    expect(more).toEqual([]);
    expect(resource!.copy).toMatchObject({ count: "[length(variables('containers'))]" });
    expect(resource!.properties!.resource).toBe("[variables('containers')[copyIndex()]]");
  });

  it('declares the four containers of docs/data-model.md with their partition keys and TTLs', () => {
    /** name → TTL seconds from the Containers table of docs/data-model.md. */
    const fromDocs = new Map(
      [
        ...readText('docs/data-model.md').matchAll(
          /^\| `(\w+)`\s*\|.*\|\s*(none|per item|\d+ days)\s*\|$/gm,
        ),
      ].map((m) => [
        m[1] as string,
        // "per item": TTL on with no default (-1), so only items carrying `ttl` expire.
        m[2] === 'none' ? undefined : m[2] === 'per item' ? -1 : Number.parseInt(m[2]!, 10) * DAY,
      ]),
    );
    expect(fromDocs.size).toBe(4);
    expect(
      containers()
        .map((c) => c.id)
        .sort(),
    ).toEqual([...fromDocs.keys()].sort());
    for (const c of containers()) {
      expect([c.id, c.partitionKey.paths]).toEqual([c.id, ['/pk']]);
      expect([c.id, c.defaultTtl]).toEqual([c.id, fromDocs.get(c.id)]);
    }
    expect(containers().find((c) => c.id === 'readings')?.defaultTtl).toBe(400 * DAY);
  });

  it('matches what the server creates locally (bot/src/store/containers.ts)', () => {
    for (const def of Object.values(CONTAINERS)) {
      const c = containers().find((x) => x.id === def.id);
      expect(c?.partitionKey.paths).toEqual([def.partitionKey]);
      expect([def.id, c?.defaultTtl]).toEqual([
        def.id,
        'defaultTtl' in def ? def.defaultTtl : undefined,
      ]);
    }
  });
});

describe('infra: bot and monitoring', () => {
  it('registers the bot for the managed identity with the Teams channel', () => {
    const bot = resourcesOfType(arm, 'Microsoft.BotService/botServices')[0]!;
    expect(bot.properties).toMatchObject({
      msaAppType: 'UserAssignedMSI',
      msaAppMSIResourceId: "[parameters('identityId')]",
      msaAppTenantId: "[parameters('tenantId')]",
      endpoint: "[format('https://{0}/api/messages', parameters('botDomain'))]",
    });
    const channel = resourcesOfType(arm, 'Microsoft.BotService/botServices/channels')[0]!;
    expect(channel.properties).toEqual({ channelName: 'MsTeamsChannel' });
  });

  it('sends telemetry to Application Insights backed by Log Analytics', () => {
    const ai = resourcesOfType(arm, 'Microsoft.Insights/components')[0]!;
    expect(ai.properties).toMatchObject({ IngestionMode: 'LogAnalytics' });
    expect(String(ai.properties!.WorkspaceResourceId)).toContain(
      'Microsoft.OperationalInsights/workspaces',
    );
    expect(setting('APPLICATIONINSIGHTS_CONNECTION_STRING')).toBe(
      "[parameters('appInsightsConnectionString')]",
    );
  });
});
