import fs from 'node:fs';
import { en } from '@bearing/core';
import { SEARCH_COMMAND } from '../../../bot/src/teams/replies';
import {
  devValuesWithDummies,
  draft04OnlyKeywords,
  fill,
  manifestSchema,
  manifestSchemaFile,
  manifestValidator,
  placeholders,
  readEnv,
  readText,
  repoRoot,
} from './ship-helpers';

interface Manifest {
  manifestVersion: string;
  version: string;
  id: string;
  localizationInfo?: { defaultLanguageTag: string };
  description: { short: string; full: string };
  bots: {
    botId: string;
    scopes: string[];
    commandLists: { scopes: string[]; commands: { title: string; description: string }[] }[];
  }[];
  configurableTabs: { configurationUrl: string; scopes: string[]; context: string[] }[];
  staticTabs: {
    entityId: string;
    name?: string;
    contentUrl?: string;
    scopes: string[];
    context?: string[];
  }[];
  composeExtensions: {
    botId: string;
    composeExtensionType: string;
    commands: { id: string; type: string; initialRun?: boolean; parameters: { name: string }[] }[];
    messageHandlers: { type: string; value: { domains: string[] } }[];
  }[];
  validDomains: string[];
  webApplicationInfo: { id: string; resource: string };
  authorization: { permissions: { resourceSpecific: { name: string; type: string }[] } };
}

const template = readText('appPackage/manifest.json');
const filled = (): Manifest => JSON.parse(fill(template, devValuesWithDummies())) as Manifest;

describe('appPackage/manifest.json', () => {
  const manifest = filled();

  it('uses manifest schema 1.22 or newer, whose official schema @microsoft/app-manifest ships', () => {
    const [major, minor] = manifest.manifestVersion.split('.').map(Number);
    expect(major).toBe(1);
    expect(minor).toBeGreaterThanOrEqual(22);
    const file = manifestSchemaFile(manifest.manifestVersion);
    expect(file.startsWith(`${repoRoot}/node_modules/@microsoft/app-manifest/`)).toBe(true);
    expect(fs.existsSync(file)).toBe(true);
    // The bundled file sits where the manifest's $schema URL points, below json-schemas/.
    const suffix = `/json-schemas/teams/v${manifest.manifestVersion}/MicrosoftTeams.schema.json`;
    expect(JSON.parse(template).$schema).toBe(`https://developer.microsoft.com/en-us${suffix}`);
    expect(file.endsWith(`/build${suffix}`)).toBe(true);
  });

  it('finds schemas only for manifest versions, inside @microsoft/app-manifest', () => {
    expect(fs.existsSync(manifestSchemaFile('1.22'))).toBe(true);
    expect(fs.existsSync(manifestSchemaFile('1.99'))).toBe(false);
    for (const bad of ['1.22/../../x', 'v1.22', '']) {
      expect(() => manifestSchemaFile(bad)).toThrow(/is not a Teams manifest version/);
    }
  });

  it('validates against the official schema once filled with env/.env.dev values', () => {
    const validate = manifestValidator(manifest.manifestVersion);
    const valid = validate(manifest);
    expect(validate.errors ?? []).toEqual([]);
    expect(valid).toBe(true);
  });

  it('is rejected by the same validator when it breaks the schema (the check can fail)', () => {
    const validate = manifestValidator(manifest.manifestVersion);
    expect(validate({ ...manifest, id: 'not-a-guid' })).toBe(false);
    expect(validate({ ...manifest, unknownProperty: true })).toBe(false);
    const longShort = {
      ...manifest,
      description: { ...manifest.description, short: 'x'.repeat(81) },
    };
    expect(validate(longShort)).toBe(false);
  });

  it('relies on no draft-04-only keyword when validated with Ajv draft-07', () => {
    expect(draft04OnlyKeywords(manifestSchema(manifest.manifestVersion))).toEqual([]);
    expect(
      draft04OnlyKeywords({ properties: { n: { minimum: 0, exclusiveMinimum: true } } }),
    ).toEqual(['#/properties/n/exclusiveMinimum']);
  });

  it('defines every placeholder in env/.env.dev and env/.env.local', () => {
    const used = placeholders(template);
    expect(used).toEqual(
      expect.arrayContaining(['TEAMS_APP_ID', 'BOT_ID', 'BOT_DOMAIN', 'AAD_APP_CLIENT_ID']),
    );
    for (const env of ['dev', 'local']) {
      const defined = readEnv(env);
      expect(used.filter((name) => !defined.has(name))).toEqual([]);
    }
  });

  it('has the package.json version and declares its default language', () => {
    const pkg = JSON.parse(readText('package.json')) as { version: string };
    expect(manifest.version).toBe(pkg.version);
    expect(manifest.localizationInfo?.defaultLanguageTag).toBe('en-us');
  });

  it('offers the bot in personal, team and group chat with exactly the commands the bot knows', () => {
    const [bot] = manifest.bots;
    expect(bot?.botId).toBe(devValuesWithDummies().get('BOT_ID'));
    expect([...(bot?.scopes ?? [])].sort()).toEqual(['groupChat', 'personal', 'team']);
    const commands = bot?.commandLists.flatMap((list) => list.commands) ?? [];
    // The help card's list (core/src/i18n/en.ts) is what the bot answers to.
    expect(commands.map((c) => [c.title, c.description])).toEqual(
      en.help.commands.map(([title, description]) => [title, description]),
    );
    for (const title of ['check in', 'my okrs', 'team status', 'send check-ins', 'help']) {
      expect(commands.map((c) => c.title)).toContain(title);
    }
    expect(bot?.commandLists.flatMap((l) => l.scopes).sort()).toEqual([
      'groupChat',
      'personal',
      'team',
    ]);
  });

  it('has a configurable tab for channels and meetings and a personal "My OKRs" tab', () => {
    const domain = devValuesWithDummies().get('BOT_DOMAIN');
    const [tab] = manifest.configurableTabs;
    expect(tab?.configurationUrl).toBe(`https://${domain}/tab/?view=config`);
    expect([...(tab?.context ?? [])].sort()).toEqual(
      [
        'channelTab',
        'meetingChatTab',
        'meetingDetailsTab',
        'meetingSidePanel',
        'meetingStage',
      ].sort(),
    );
    expect(tab?.scopes).toContain('team');
    const myOkrs = manifest.staticTabs.find((t) => t.name === 'My OKRs');
    expect(myOkrs).toMatchObject({
      contentUrl: `https://${domain}/tab/?view=personal`,
      scopes: ['personal'],
    });
  });

  it('declares My OKRs as a personal tab, the one kind Outlook and the Microsoft 365 app host', () => {
    const myOkrs = manifest.staticTabs.find((t) => t.entityId === 'myOkrs');
    expect(myOkrs?.context).toEqual(['personalTab']);
    // Channel and meeting tabs stay Teams-only: they are configurable tabs, not static ones.
    expect(manifest.staticTabs.filter((t) => t.contentUrl).map((t) => t.scopes)).toEqual([
      ['personal'],
    ]);
  });

  it('has a search message extension on the bot and unfurls links on the app domain only', () => {
    const values = devValuesWithDummies();
    expect(manifest.composeExtensions).toHaveLength(1);
    const [extension] = manifest.composeExtensions;
    expect(extension?.botId).toBe(values.get('BOT_ID'));
    expect(extension?.composeExtensionType).toBe('botBased');
    // The command the bot answers (bot/src/teams/replies.ts), with one text parameter.
    expect(extension?.commands.map((c) => [c.id, c.type])).toEqual([[SEARCH_COMMAND, 'query']]);
    expect(extension?.commands[0]?.initialRun).toBe(true);
    expect(extension?.commands[0]?.parameters.map((p) => p.name)).toEqual(['query']);
    expect(extension?.messageHandlers).toEqual([
      { type: 'link', value: { domains: [values.get('BOT_DOMAIN')] } },
    ]);
  });

  it('is rejected when the message extension breaks the schema (the check can fail)', () => {
    const validate = manifestValidator(manifest.manifestVersion);
    const [extension] = manifest.composeExtensions;
    const broken = (change: Record<string, unknown>) => ({
      ...manifest,
      composeExtensions: [{ ...extension, ...change }],
    });
    expect(validate(broken({ messageHandlers: [{ type: 'file', value: {} }] }))).toBe(false);
    expect(validate(broken({ commands: [{ id: 'x', type: 'search', title: 'X' }] }))).toBe(false);
    expect(validate(broken({ botId: 'not-a-guid' }))).toBe(false);
    expect(validate(broken({}))).toBe(true);
  });

  it('names the SSO app and its api:// resource on the server domain, and no wildcard domain', () => {
    const values = devValuesWithDummies();
    expect(manifest.webApplicationInfo).toEqual({
      id: values.get('AAD_APP_CLIENT_ID'),
      resource: `api://${values.get('BOT_DOMAIN')}/${values.get('AAD_APP_CLIENT_ID')}`,
    });
    expect(manifest.validDomains).toEqual([values.get('BOT_DOMAIN')]);
    expect(manifest.validDomains.filter((d) => d.includes('*'))).toEqual([]);
  });

  it('asks only for the RSC permissions that share to a meeting stage and read team owners', () => {
    expect(manifest.authorization.permissions.resourceSpecific).toEqual([
      { name: 'ChannelMeetingStage.Write.Group', type: 'Delegated' },
      { name: 'MeetingStage.Write.Chat', type: 'Delegated' },
      { name: 'TeamMember.Read.Group', type: 'Application' },
    ]);
    expect(JSON.parse(template)).not.toHaveProperty('permissions');
  });

  it('describes the app well enough for review', () => {
    expect(manifest.description.short.length).toBeGreaterThan(30);
    expect(manifest.description.full.length).toBeGreaterThan(400);
    expect(manifest.description.full).not.toContain(manifest.description.short);
  });
});
