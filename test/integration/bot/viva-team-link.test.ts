import { schemas } from '@bearing/core';
import { DEMO_TEAM_ID, DEMO_TENANT_ID } from '../../../bot/src/features/demo/demo-organization';
import { postJson } from '../../../simulators/http';
import {
  startFakeConnector,
  type RosterAccount,
} from '../../../simulators/connector/fake-connector';
import { startHarness, type Harness } from '../../faults/harness';
import { fabrikamZip, fileOf } from '../../support/viva-fixtures';

// A team the Viva Goals import created (no Teams team of that name had Bearing yet) becomes the
// real team once the app is added to it in Teams: driven through /api/messages like Teams does,
// and by the admin's explicit link over HTTP. The Fabrikam export holds "Platform" (under My
// Team, with Adele's onboarding objective, its key results and check-ins) and "Ghost Team".
const NOW = new Date('2025-11-20T17:00:00Z');
const BOT = '28:bearing-link-bot';
const PLATFORM = '7e570000-0000-4000-8000-00000000a001';
const OPS = '7e570000-0000-4000-8000-00000000a002';
const INSTALLER: RosterAccount = {
  id: '29:link-installer',
  aadObjectId: '00000000-0000-0000-0000-000000000022', // Adele, a demo member
  name: 'Adele Vance',
};
const APPLY = '/api/v1/admin/import/viva-goals/apply';
const LINK = '/api/v1/admin/import/viva-goals/link-team';
const ITEM_TYPES = /"type":"(objective|keyResult|kpi|checkIn)"/;

let h: Harness;
let connector: Awaited<ReturnType<typeof startFakeConnector>>;
let zip: Buffer;
let importedId: (viva: string) => string;
beforeAll(async () => {
  connector = await startFakeConnector({
    '19:platform@thread.tacv2': [INSTALLER],
    '19:ops@thread.tacv2': [INSTALLER],
    '19:other@thread.tacv2': [INSTALLER],
  });
  h = await startHarness({ now: () => NOW });
  zip = await fabrikamZip();
  const res = await postJson(`${h.url}${APPLY}`, { files: [fileOf('fabrikam.zip', zip)] });
  const report = schemas.vivaImportReport.parse(res.body);
  const ids = Object.fromEntries(report.teams.map((t) => [t.viva, t.teamId]));
  importedId = (viva) => ids[viva]!;
}, 60_000);
afterAll(async () => {
  await h?.stop();
  await connector?.stop();
});

let sequence = 0;
/** The conversationUpdate Teams sends when the app is added to a team. */
function installEvent(thread: string, name: string, aadGroupId: string) {
  sequence += 1;
  return {
    id: `link-${sequence}`,
    type: 'conversationUpdate',
    channelId: 'msteams',
    serviceUrl: connector.url,
    from: { id: INSTALLER.id, aadObjectId: INSTALLER.aadObjectId, name: INSTALLER.name },
    recipient: { id: BOT, name: 'Bearing' },
    conversation: { id: thread, conversationType: 'channel', tenantId: DEMO_TENANT_ID },
    channelData: {
      tenant: { id: DEMO_TENANT_ID },
      team: { id: thread, name, aadGroupId },
      eventType: 'teamMemberAdded',
    },
    membersAdded: [{ id: BOT }],
  };
}

/** The stored objectives, key results, KPIs and check-ins of a team partition (sorted lines). */
async function itemsOf(teamId: string): Promise<string[]> {
  return (await h.contents())
    .split('\n')
    .filter((l) => l.includes(`"pk":"${DEMO_TENANT_ID}|${teamId}"`) && ITEM_TYPES.test(l));
}

/** What an item line becomes under another team: its partition and its team id change, nothing else. */
const rekeyed = (lines: readonly string[], from: string, to: string) =>
  lines
    .map((l) =>
      l
        .replaceAll(`${DEMO_TENANT_ID}|${from}`, `${DEMO_TENANT_ID}|${to}`)
        .replaceAll(`"teamId":"${from}"`, `"teamId":"${to}"`),
    )
    .sort();

async function until(condition: () => Promise<boolean>): Promise<void> {
  for (let i = 0; i < 200 && !(await condition()); i += 1)
    await new Promise((r) => setTimeout(r, 50));
}

const linkOf = async (imported: string) =>
  (await h.stores.imports.getTeamLink(DEMO_TENANT_ID, imported))?.value;

describe('adding Bearing to the Teams team an imported team stands for', () => {
  it('moves the imported team’s objectives, key results and check-ins to the real team', async () => {
    const platform = importedId('Platform');
    const before = await itemsOf(platform);
    expect(before.filter((l) => l.includes('"type":"objective"')).length).toBeGreaterThan(0);
    expect(before.filter((l) => l.includes('"type":"checkIn"')).length).toBeGreaterThan(0);

    // Teams spells the name its own way: case and spacing do not matter.
    const res = await postJson(
      `${h.url}/api/messages`,
      installEvent('19:platform@thread.tacv2', '  platform ', PLATFORM),
    );
    expect(res.status).toBe(200);
    await until(async () => (await linkOf(platform))?.state === 'done');

    const link = (await linkOf(platform))!;
    expect(link).toMatchObject({ teamId: PLATFORM, by: 'install', name: 'Platform' });
    expect(await itemsOf(platform)).toEqual([]);
    expect(await itemsOf(PLATFORM)).toEqual(rekeyed(before, platform, PLATFORM));
    const count = (type: string) => before.filter((l) => l.includes(`"type":"${type}"`)).length;
    expect(link.moved).toEqual({
      objective: count('objective'),
      keyResult: count('keyResult'),
      kpi: count('kpi'),
      checkIn: count('checkIn'),
    });
    // The imported team is gone; the real one takes its place under My Team.
    expect(await h.stores.teams.getTeam(DEMO_TENANT_ID, platform)).toBeUndefined();
    expect((await h.stores.teams.getTeam(DEMO_TENANT_ID, PLATFORM))?.value).toMatchObject({
      name: '  platform ',
      parentTeamId: DEMO_TEAM_ID,
    });
    const audit = h.logs.find((l) => l.includes('imported team linked on install'));
    expect(audit).toContain(`"importedTeamId":"${platform}"`);
  });

  it('a second install event links nothing again, and a repeated import writes nothing', async () => {
    const platform = importedId('Platform');
    const items = await itemsOf(PLATFORM);
    const link = await linkOf(platform);
    const res = await postJson(
      `${h.url}/api/messages`,
      installEvent('19:platform@thread.tacv2', 'Platform', PLATFORM),
    );
    expect(res.status).toBe(200);
    await new Promise((r) => setTimeout(r, 300));
    expect(await itemsOf(PLATFORM)).toEqual(items);
    expect(await linkOf(platform)).toEqual(link);

    // The export again: "Platform" now maps to the real team; nothing is created or duplicated.
    const again = await postJson(`${h.url}${APPLY}`, { files: [fileOf('fabrikam.zip', zip)] });
    const report = schemas.vivaImportReport.parse(again.body);
    expect(report.teams.find((t) => t.viva === 'Platform')).toMatchObject({
      teamId: PLATFORM,
      match: 'name',
    });
    expect(report.decisions.map((d) => d.subject)).toContain('Team linked earlier');
    expect(report.counts.written).toBe(0);
    expect(await h.stores.teams.getTeam(DEMO_TENANT_ID, platform)).toBeUndefined();
  });

  it('guesses nothing when no imported team, or several, have the name', async () => {
    const ghost = importedId('Ghost Team');
    const ghostItems = await itemsOf(ghost);
    // A second imported team that was named "Ghost Team" in Viva Goals (renamed since).
    const twin = (await h.stores.teams.getTeam(DEMO_TENANT_ID, ghost))!.value;
    await h.stores.teams.saveTeam({ ...twin, id: 'viva-team-twin', name: 'Spectre' });
    await postJson(`${h.url}/api/messages`, installEvent('19:ops@thread.tacv2', 'ghost team', OPS));
    await postJson(
      `${h.url}/api/messages`,
      installEvent(
        '19:other@thread.tacv2',
        'Nothing Like It',
        '7e570000-0000-4000-8000-00000000a0ff',
      ),
    );
    await until(async () => h.logs.some((l) => l.includes('several have this name')));
    await new Promise((r) => setTimeout(r, 300));
    expect(h.logs.some((l) => l.includes('several have this name'))).toBe(true);
    expect(await linkOf(ghost)).toBeUndefined();
    expect(await itemsOf(ghost)).toEqual(ghostItems);
    expect(await itemsOf(OPS)).toEqual([]);
    expect(await h.stores.imports.deleteTeam(DEMO_TENANT_ID, 'viva-team-twin')).toBe(true);
  });
});

describe('the admin links an imported team explicitly', () => {
  it('refuses bad input with a 4xx JSON error that says what to fix, changing nothing', async () => {
    const before = await h.contents();
    const ghost = importedId('Ghost Team');
    const cases: [unknown, number, string][] = [
      [{ importedTeamId: ghost }, 400, 'teamId'],
      [{ importedTeamId: ghost, teamId: 'a/b' }, 400, 'teamId'],
      [{ importedTeamId: ghost, teamId: OPS, extra: 1 }, 400, ''],
      [{ importedTeamId: 'viva-team-none', teamId: OPS }, 404, 'importedTeamId'],
      [{ importedTeamId: DEMO_TEAM_ID, teamId: OPS }, 404, 'importedTeamId'],
      [{ importedTeamId: ghost, teamId: 'not-installed' }, 404, 'teamId'],
      [{ importedTeamId: ghost, teamId: ghost }, 404, 'teamId'],
      [{ importedTeamId: importedId('Platform'), teamId: OPS }, 409, 'importedTeamId'],
    ];
    for (const [body, status, field] of cases) {
      const res = await postJson(`${h.url}${LINK}`, body);
      expect({ body, status: res.status }).toEqual({ body, status });
      const error = (res.body as { error: { message: string; field?: string } }).error;
      expect(error.message.length).toBeGreaterThan(10);
      if (field) expect(error.field).toBe(field);
    }
    expect(await h.contents()).toBe(before);
  });

  it('finishes a link that stopped half-way when asked again, then answers "already linked"', async () => {
    const ghost = importedId('Ghost Team');
    const before = await itemsOf(ghost);
    expect(before.length).toBeGreaterThan(0);
    // The store fails every delete: the items are copied to the real team, not yet removed from
    // the imported one (the moment a crash would leave both).
    h.proxy.setFault((req) =>
      req.method === 'DELETE' && String(req.url).includes('/docs/')
        ? { kind: 'status', status: 500 }
        : undefined,
    );
    const failed = await postJson(`${h.url}${LINK}`, { importedTeamId: ghost, teamId: OPS });
    h.proxy.setFault(undefined);
    expect(failed.status).toBeGreaterThanOrEqual(500);
    expect((await linkOf(ghost))?.state).toBe('moving');
    expect(await itemsOf(ghost)).toEqual(before);
    expect(await itemsOf(OPS)).toEqual(rekeyed(before, ghost, OPS));

    const res = await postJson(`${h.url}${LINK}`, { importedTeamId: ghost, teamId: OPS });
    expect(res.status).toBe(200);
    const result = schemas.vivaTeamLinkResult.parse(res.body);
    expect(result).toMatchObject({ importedTeamId: ghost, teamId: OPS, again: false });
    expect(await itemsOf(ghost)).toEqual([]);
    expect(await itemsOf(OPS)).toEqual(rekeyed(before, ghost, OPS));
    const total = Object.values(result.moved).reduce((n, v) => n + v, 0);
    expect(total).toBe(before.length);
    expect(await h.stores.teams.getTeam(DEMO_TENANT_ID, ghost)).toBeUndefined();
    expect(h.logs.some((l) => l.includes('"action":"vivaImportLinkTeam"'))).toBe(true);

    const contents = await h.contents();
    const again = await postJson(`${h.url}${LINK}`, { importedTeamId: ghost, teamId: OPS });
    expect(again.status).toBe(200);
    expect(schemas.vivaTeamLinkResult.parse(again.body)).toMatchObject({ again: true });
    expect(await h.contents()).toBe(contents);
  });
});
