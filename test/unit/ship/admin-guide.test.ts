import { ADMIN_ROLE, adminApiRouter } from '../../../bot/src/http/admin-api';
import { CONFIG_NAMES } from '../../../bot/src/config';
import { readText } from './ship-helpers';

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
      'Where data lives, and for how long',
      'Backup and restore',
      'Cost',
      'Upgrade',
      'Uninstall',
      'Data rights',
    ])
      expect(section(title).length).toBeGreaterThan(200);
    expect(section('Architecture')).toContain('```mermaid');
  });

  it('justifies every RSC permission of the manifest, and the admin role', () => {
    const manifest = JSON.parse(readText('appPackage/manifest.json')) as {
      authorization: { permissions: { resourceSpecific: { name: string }[] } };
    };
    const rsc = manifest.authorization.permissions.resourceSpecific.map((p) => p.name);
    expect(rsc.sort()).toEqual(['ChannelMeetingStage.Write.Group', 'MeetingStage.Write.Chat']);
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
