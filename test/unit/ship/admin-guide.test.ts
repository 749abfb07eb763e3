import { ADMIN_ROLE, adminApiRouter } from '../../../bot/src/features/data-rights/routes';
import { CONFIG_NAMES } from '../../../bot/src/config';
import fs from 'node:fs';
import path from 'node:path';
import { appSettingsOf, build } from './bicep';
import { SSO_HOST_CLIENT_IDS, readEnv, readText, repoRoot } from './ship-helpers';

// docs/admin-guide.md is what an IT admin follows: it must name what the app asks for and what the
// admin API offers, or it drifts from the code.
const guide = readText('docs/admin-guide.md');
const section = (title: string) => {
  const start = guide.indexOf(`\n## ${title}\n`);
  expect(start).toBeGreaterThan(-1);
  const end = guide.indexOf('\n## ', start + 4);
  return guide.slice(start, end === -1 ? undefined : end);
};

describe('docs/admin-guide.md', () => {
  it('names the Bicep CLI version teamsapp.yml pins and the tests compile with', () => {
    const { pinnedVersion } = require('../../../scripts/ensure-bicep.js') as {
      pinnedVersion(): string;
    };
    expect(pinnedVersion()).toMatch(/^\d+\.\d+\.\d+$/);
    expect(section('What gets deployed')).toContain(`Bicep CLI ${pinnedVersion()}`);
  });

  it('has the sections an admin needs', () => {
    for (const title of [
      'Architecture',
      'What gets deployed',
      'Prerequisites',
      'Provision and deploy with the Toolkit CLI',
      'Provision and deploy with the Azure CLI only',
      'Make the app available in Teams',
      'Permissions and why',
      'What works where',
      'Where data lives, and for how long',
      'Backup and restore',
      'Monitoring and alerts',
      'Local debugging in Teams',
      'Cost',
      'Upgrade',
      'Uninstall',
      'Data rights',
    ])
      expect(section(title).length).toBeGreaterThan(200);
    expect(section('Architecture')).toContain('```mermaid');
  });

  it('says what works in Outlook and the Microsoft 365 app, and pre-authorizes their clients', () => {
    const where = section('What works where');
    for (const feature of ['My OKRs', 'Meeting side panel', 'message extension', 'unfurl'])
      expect(where).toContain(feature);
    for (const id of SSO_HOST_CLIENT_IDS) expect(where).toContain(`\`${id}\``);
    // The Azure CLI path's sso-app.json pre-authorizes the same clients as aad.manifest.json.
    const cli = section('Provision and deploy with the Azure CLI only');
    const listed = [...cli.matchAll(/"appId": "([0-9a-f-]{36})"/g)].map((m) => m[1]);
    expect(listed).toEqual(expect.arrayContaining([...SSO_HOST_CLIENT_IDS]));
  });

  it('justifies every RSC permission of the manifest, and the admin role', () => {
    const manifest = JSON.parse(readText('appPackage/manifest.json')) as {
      authorization: { permissions: { resourceSpecific: { name: string }[] } };
    };
    const rsc = manifest.authorization.permissions.resourceSpecific.map((p) => p.name);
    expect(rsc.sort()).toEqual([
      'ChannelMeetingStage.Write.Group',
      'MeetingStage.Write.Chat',
      'TeamMember.Read.Group',
    ]);
    const permissions = section('Permissions and why');
    for (const name of [...rsc, ADMIN_ROLE]) expect(permissions).toContain(`\`${name}\``);
  });

  it('documents every admin API route with a curl example, and the retention settings', () => {
    const router = adminApiRouter(
      {} as never,
      { checkInDays: 1, readingDays: 1 },
      { debug() {}, info() {}, warn() {}, error() {} },
    );
    const routes = (router.stack as { route?: { path: string; methods: object } }[])
      .filter((l) => l.route)
      .flatMap((l) =>
        Object.keys(l.route!.methods).map(
          (m) =>
            `${m.toUpperCase()} /api/v1/admin${l.route!.path.replace(':userId', '<objectId>')}`,
        ),
      );
    expect(routes.length).toBe(4);
    const rights = section('Data rights');
    for (const route of routes) expect(rights).toContain(route);
    expect(rights.match(/curl -fsS/g)?.length).toBeGreaterThanOrEqual(routes.length);
    for (const name of CONFIG_NAMES.filter((n) => n.includes('RETENTION')))
      expect(rights).toContain(name);
  });
});

describe('docs/admin-guide.md names only things that exist', () => {
  const compiled = build(path.join(repoRoot, 'infra', 'azure.bicep'));
  const arm = compiled.arm!;
  const parametersFile = JSON.parse(readText('infra/azure.parameters.json')) as {
    parameters: Record<string, { value: unknown }>;
  };
  const scripts = (JSON.parse(readText('package.json')) as { scripts: Record<string, string> })
    .scripts;
  const settings = appSettingsOf(arm).map((s) => s.name);
  /** Every environment-style name the project defines or reads. */
  const envNames = new Set([
    ...readEnv('dev').keys(),
    ...readEnv('local').keys(),
    ...CONFIG_NAMES,
    ...settings,
    ...Object.keys(arm.outputs ?? {}),
    ...[...readText('.github/workflows/ci.yml').matchAll(/vars\.([A-Z0-9_]+)/g)].map((m) => m[1]!),
    // Read by the Azure Monitor distro and the Azure SDK themselves, not by Bearing's config.
    'OTEL_TRACES_SAMPLER',
    'OTEL_TRACES_SAMPLER_ARG',
    'AZURE_LOG_LEVEL',
  ]);
  /** Files the repository has or builds: generated and placeholder paths are not checked. */
  const GENERATED = /<|…|\*|\.user$|\/build\/|^\.deployment|\.env\.prod$/;

  /** What in a guide's text does not exist in the repository. */
  function guideProblems(text: string): string[] {
    const problems: string[] = [];
    const inline = text.replace(/```[\s\S]*?```/g, '');
    const tokens = [...inline.matchAll(/`([^`\n]+)`/g)].map((m) => m[1]!);
    for (const token of tokens) {
      const name = token.split('=')[0]!;
      if (/^[A-Z][A-Z0-9]*_[A-Z0-9_]+$/.test(name) && !envNames.has(name))
        problems.push(`env name ${name}`);
      const file = token.split(' ')[0]!;
      if (
        /^(infra|env|scripts|docs|bot|core|tab|test|appPackage|\.github|\.ci)\/[\w./-]+$/.test(
          file,
        ) &&
        !GENERATED.test(file) &&
        !fs.existsSync(path.join(repoRoot, file))
      )
        problems.push(`file ${file}`);
    }
    for (const m of text.matchAll(/\bnpm run ([\w:-]+)/g))
      if (!(m[1]! in scripts)) problems.push(`npm script ${m[1]}`);
    for (const m of text.matchAll(/\bnode (scripts\/[\w.-]+)/g))
      if (!fs.existsSync(path.join(repoRoot, m[1]!))) problems.push(`script ${m[1]}`);
    // The parameter table: each row a template parameter, set where the guide says.
    for (const m of text.matchAll(/^\| `(\w+)`\s*\| (`[A-Z0-9_]+`|parameters file) \|/gm)) {
      const [, param, where] = m as unknown as [string, string, string];
      if (!arm.parameters?.[param]) problems.push(`parameter ${param}`);
      const value = parametersFile.parameters[param]?.value;
      const expected = where === 'parameters file' ? undefined : `\${{${where.slice(1, -1)}}}`;
      if (expected ? value !== expected : value === undefined || /\$\{\{/.test(String(value)))
        problems.push(`parameter ${param} is not set from ${where}`);
    }
    const outputs = /template's outputs ((?:`\w+`(?:,\s+|\s+and\s+)?)+)/.exec(text)?.[1] ?? '';
    const named = [...outputs.matchAll(/`(\w+)`/g)].map((m) => m[1]!).sort();
    if (
      named.join() !==
      Object.keys(arm.outputs ?? {})
        .sort()
        .join()
    )
      problems.push(`outputs ${named.join(', ')}`);
    return problems;
  }

  it('every env name, file, npm script, parameter and output it names exists', () => {
    expect(compiled.errors).toEqual([]);
    expect(guideProblems(guide)).toEqual([]);
  });

  it('documents every parameter the parameters file sets for the admin', () => {
    const table = [...guide.matchAll(/^\| `(\w+)`\s*\| /gm)].map((m) => m[1]!);
    // Set by the toolkit from what provision wrote, not a knob for the admin.
    const always = [
      'resourceBaseName',
      'aadAppClientId',
      'aadAppTenantId',
      'teamsAppId',
      'cosmosDatabaseName',
    ];
    const knobs = Object.keys(parametersFile.parameters).filter(
      (p) => ![...always, 'botDisplayName'].includes(p),
    );
    expect(knobs.filter((p) => !table.includes(p))).toEqual([]);
  });

  it('the check catches a name, a script, a file and a parameter that do not exist', () => {
    const broken = [
      guide,
      'Set `BEARING_NO_SUCH_SETTING` and run `npm run no-such-script`, see `infra/no-such.bicep`.',
      '| `noSuchParameter` | parameters file | 1 | nothing |',
      '| `logLevel` | `NO_SUCH_ENV` | `info` | wrong source |',
    ].join('\n');
    expect(guideProblems(broken).sort()).toEqual([
      'env name BEARING_NO_SUCH_SETTING',
      'env name NO_SUCH_ENV',
      'file infra/no-such.bicep',
      'npm script no-such-script',
      'parameter logLevel is not set from `NO_SUCH_ENV`',
      'parameter noSuchParameter',
      'parameter noSuchParameter is not set from parameters file',
    ]);
  });

  it('says how owners and managers are assigned, and which alerts to watch', () => {
    expect(section('Permissions and why')).toContain('### Owners and managers');
    const alerts = section('Monitoring and alerts');
    for (const rule of [
      'http-5xx',
      'health-check',
      'readyz',
      'cosmos-429',
      'cosmos-ru',
      'delivery-give-ups',
    ])
      expect(alerts).toContain(`\`<name>-${rule}\``);
  });
});
