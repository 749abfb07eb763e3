import YAML from 'yaml';
import { SSO_HOST_CLIENT_IDS, placeholders, readEnv, readText } from './ship-helpers';
import { ADMIN_ROLE } from '../../../bot/src/features/data-rights/routes';
import { CONFIG_NAMES } from '../../../bot/src/config';

interface Step {
  uses: string;
  with?: Record<string, unknown>;
  writeToEnvironmentFile?: Record<string, string>;
}
interface Lifecycle {
  version: string;
  provision: Step[];
  deploy?: Step[];
  publish?: Step[];
}

const load = (file: string) => YAML.parse(readText(file)) as Lifecycle;
const actions = (steps: Step[] | undefined) => (steps ?? []).map((s) => s.uses);
/** Names an action writes into the env file. */
const written = (doc: Lifecycle) =>
  [...doc.provision, ...(doc.deploy ?? []), ...(doc.publish ?? [])].flatMap((s) =>
    Object.values(s.writeToEnvironmentFile ?? {}),
  );

describe('teamsapp.yml (Azure)', () => {
  const doc = load('teamsapp.yml');

  it('uses the v1.x project schema', () => {
    expect(doc.version).toMatch(/^v1\.\d+$/);
    expect(readText('teamsapp.yml')).toContain(
      `aka.ms/teams-toolkit/${doc.version}/yaml.schema.json`,
    );
  });

  it('provisions in order: Teams app, SSO app, Azure, SSO update, then the validated package', () => {
    expect(actions(doc.provision)).toEqual([
      'teamsApp/create',
      'aadApp/create',
      'arm/deploy',
      'aadApp/update',
      'teamsApp/validateManifest',
      'teamsApp/zipAppPackage',
      'teamsApp/validateAppPackage',
      'teamsApp/update',
    ]);
    const arm = doc.provision.find((s) => s.uses === 'arm/deploy')!;
    expect(arm.with?.templates).toEqual([
      expect.objectContaining({
        path: './infra/azure.bicep',
        parameters: './infra/azure.parameters.json',
      }),
    ]);
    const aad = doc.provision.find((s) => s.uses === 'aadApp/update')!;
    expect(aad.with?.manifestPath).toBe('./aad.manifest.json');
    const create = doc.provision.find((s) => s.uses === 'aadApp/create')!;
    expect(create.with?.generateClientSecret).toBe(false);
  });

  it('deploys the deploy package (built code, production dependencies) and publishes', () => {
    expect(actions(doc.deploy)).toEqual([
      'cli/runNpmCommand',
      'cli/runNpmCommand',
      'cli/runNpmCommand',
      'azureAppService/zipDeploy',
    ]);
    expect(doc.deploy?.[1]?.with?.args).toBe('run build');
    expect(doc.deploy?.[2]?.with?.args).toBe('run package:deploy');
    const scripts = (JSON.parse(readText('package.json')) as { scripts: Record<string, string> })
      .scripts;
    expect(scripts['package:deploy']).toBe('node scripts/package-deploy.js');
    expect(doc.deploy?.[3]?.with).toEqual({
      artifactFolder: './.deployment/app',
      resourceId: '${{AZURE_APP_SERVICE_RESOURCE_ID}}',
    });
    expect(readText('.gitignore')).toMatch(/^\.deployment\/$/m);
    expect(actions(doc.publish)).toContain('teamsApp/publishAppPackage');
  });

  it('builds the package at the path npm run package uses', () => {
    const zip = doc.provision.find((s) => s.uses === 'teamsApp/zipAppPackage')!;
    expect(zip.with?.outputZipPath).toBe('./appPackage/build/appPackage.${{TEAMSFX_ENV}}.zip');
  });

  it('states the Bicep CLI version once: both lifecycles and the tests use the same', () => {
    const versions = (file: string) =>
      load(file)
        .provision.filter((s) => s.uses === 'arm/deploy')
        .map((s) => s.with?.bicepCliVersion);
    const { pinnedVersion } = require('../../../scripts/ensure-bicep.js') as {
      pinnedVersion(): string;
    };
    expect(versions('teamsapp.yml')).toEqual([`v${pinnedVersion()}`]);
    expect(versions('teamsapp.local.yml')).toEqual([`v${pinnedVersion()}`]);
  });

  it('uses and writes only names that env/.env.dev defines', () => {
    const dev = readEnv('dev');
    const names = [...placeholders(readText('teamsapp.yml')), ...written(doc)];
    expect(names.length).toBeGreaterThan(5);
    expect(names.filter((name) => !dev.has(name))).toEqual([]);
  });
});

describe('teamsapp.local.yml (local debugging through a tunnel)', () => {
  const doc = load('teamsapp.local.yml');
  const text = readText('teamsapp.local.yml');

  it('registers a single-tenant local bot (Azure Bot at the tunnel), no multi-tenant actions', () => {
    expect(actions(doc.provision)).toEqual([
      'teamsApp/create',
      'aadApp/create',
      'aadApp/create',
      'arm/deploy',
      'aadApp/update',
      'teamsApp/validateManifest',
      'teamsApp/zipAppPackage',
      'teamsApp/validateAppPackage',
      'teamsApp/update',
    ]);
    // botAadApp/create + botFramework/create register multi-tenant bots, no longer accepted.
    expect(text).not.toMatch(/^\s*- uses: (botAadApp|botFramework)\//m);
    const bot = doc.provision.filter((s) => s.uses === 'aadApp/create')[1]!;
    expect(bot.with).toMatchObject({ generateClientSecret: true, signInAudience: 'AzureADMyOrg' });
    expect(bot.writeToEnvironmentFile).toMatchObject({
      clientId: 'BOT_ID',
      tenantId: 'BOT_TENANT_ID',
    });
    const arm = doc.provision.find((s) => s.uses === 'arm/deploy')!;
    expect(arm.with?.templates).toEqual([
      expect.objectContaining({
        path: './infra/local-bot.bicep',
        parameters: './infra/local-bot.parameters.json',
      }),
    ]);
    expect(readText('infra/local-bot.parameters.json')).toContain('"${{BOT_ENDPOINT}}"');
    expect(text).toMatch(/devtunnel host -p 3978/);
  });

  it('keeps the bot secret in git-ignored files only', () => {
    const bot = doc.provision.filter((s) => s.uses === 'aadApp/create')[1]!;
    expect(bot.writeToEnvironmentFile?.clientSecret).toMatch(/^SECRET_/);
    const server = doc.deploy?.find((s) => s.uses === 'file/createOrUpdateEnvironmentFile');
    expect(server?.with?.target).toMatch(/^\.\/env\/\.env\.[\w-]+\.user$/);
    expect((server?.with?.envs as Record<string, string>).BOT_TYPE).toBe('SingleTenant');
    expect(readText('env/.env.local')).not.toMatch(/SECRET_|PASSWORD/);
  });

  it('writes the local server settings under the names bot/src/config.ts reads', () => {
    const server = doc.deploy?.find((s) => s.uses === 'file/createOrUpdateEnvironmentFile');
    const names = Object.keys((server?.with?.envs ?? {}) as Record<string, unknown>);
    expect(names).toEqual(expect.arrayContaining(['BOT_ID', 'AAD_APP_CLIENT_ID', 'BOT_DOMAIN']));
    expect(names.filter((n) => !CONFIG_NAMES.includes(n))).toEqual([]);
  });

  it('uses only names env/.env.local defines (secrets come from its .user file)', () => {
    const local = readEnv('local');
    const secrets = new Set(written(doc).filter((n) => n.startsWith('SECRET_')));
    const names = [...placeholders(text), ...written(doc)];
    expect(names.filter((n) => !local.has(n) && !secrets.has(n))).toEqual([]);
  });
});

describe('aad.manifest.json (tab single sign-on)', () => {
  const aad = JSON.parse(readText('aad.manifest.json')) as {
    accessTokenAcceptedVersion: number;
    signInAudience: string;
    identifierUris: string[];
    oauth2Permissions: { value: string; id: string }[];
    preAuthorizedApplications: { appId: string; permissionIds: string[] }[];
    appRoles: { value: string; id: string; isEnabled: boolean; allowedMemberTypes: string[] }[];
  };

  it('exposes access_as_user at api://<domain>/<client id> with v2 tokens', () => {
    expect(aad.accessTokenAcceptedVersion).toBe(2);
    expect(aad.signInAudience).toBe('AzureADMyOrg');
    expect(aad.identifierUris).toEqual(['api://${{BOT_DOMAIN}}/${{AAD_APP_CLIENT_ID}}']);
    expect(aad.oauth2Permissions.map((p) => p.value)).toEqual(['access_as_user']);
  });

  it('pre-authorizes the Teams desktop, mobile and web clients', () => {
    const scope = aad.oauth2Permissions[0]!.id;
    expect(aad.preAuthorizedApplications).toEqual(
      expect.arrayContaining([
        { appId: '1fec8e78-bce4-4aaf-ab1b-5451cc387264', permissionIds: [scope] },
        { appId: '5e3ce6c0-2b1f-4285-8d4b-75ee78787346', permissionIds: [scope] },
      ]),
    );
  });

  it('pre-authorizes the Microsoft 365 app and Outlook clients too, each once', () => {
    const scope = aad.oauth2Permissions[0]!.id;
    const hosts = aad.preAuthorizedApplications.filter((a) => !a.appId.startsWith('${{'));
    expect(hosts.map((a) => a.appId).sort()).toEqual([...SSO_HOST_CLIENT_IDS].sort());
    for (const host of hosts) expect(host.permissionIds).toEqual([scope]);
  });

  it('declares the admin app role the admin API checks (bot/src/features/data-rights/routes.ts)', () => {
    expect(aad.appRoles).toEqual([
      expect.objectContaining({ value: ADMIN_ROLE, isEnabled: true, allowedMemberTypes: ['User'] }),
    ]);
    expect(aad.appRoles[0]!.id).toMatch(
      /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/,
    );
  });

  it('uses only names env/.env.dev defines', () => {
    const dev = readEnv('dev');
    expect(placeholders(readText('aad.manifest.json')).filter((n) => !dev.has(n))).toEqual([]);
  });
});

describe('env files', () => {
  it.each(['dev', 'local'])('env/.env.%s holds no secret values', (name) => {
    const env = readEnv(name);
    expect(env.get('TEAMSFX_ENV')).toBe(name);
    for (const [key, value] of env) {
      expect([key, /SECRET|PASSWORD|KEY$|CONNECTION_STRING/.test(key) && value !== '']).toEqual([
        key,
        false,
      ]);
      expect(value).not.toMatch(/AccountKey=|InstrumentationKey=|-----BEGIN/);
    }
  });
});
