import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { startTokenIssuer } from '../../simulators/identity/token-issuer';
import { launchChromium } from '../../simulators/browser/chromium';
import { ALEX, SSO_TENANT as TENANT, entraToken, ssoEnv } from '../support/entra-tokens';
import { startInProcess } from '../support/in-process-server';
import { REPO_ROOT } from '../support/server-process';
import { fabrikamZip } from '../support/viva-fixtures';
import { buildTab, newPage, openInHost, serveHost, TAB_BUILD_TIMEOUT } from './support/tab-page';

// The "Import from Viva Goals" page of the built tab in headless Chromium, against the real server
// and its embedded store: an admin (the local identity) imports the small Fabrikam organisation
// export; a member signed in through Teams does not get the page, and the API refuses them.
const TEAM = '00000000-0000-0000-0000-000000000031';
const PREVIEW = '/api/v1/admin/import/viva-goals/preview';
const SHOT = path.join(REPO_ROOT, 'test-output', 'screenshots', 'viva-import-320.png');

type Server = Awaited<ReturnType<typeof startInProcess>>;
let browser: Awaited<ReturnType<typeof launchChromium>>;
let zip: Buffer;
beforeAll(async () => {
  await buildTab();
  fs.mkdirSync(path.dirname(SHOT), { recursive: true });
  browser = await launchChromium();
  zip = await fabrikamZip();
}, TAB_BUILD_TIMEOUT);
afterAll(async () => {
  await browser?.close();
});

const upload = (page: Page) =>
  page.getByLabel(/^Viva Goals export files/).setInputFiles({
    name: 'VivaGoalsExport.zip',
    mimeType: 'application/zip',
    buffer: zip,
  });

describe('an admin moves in from Viva Goals', () => {
  let server: Server;
  let page: Page;
  beforeAll(async () => {
    server = await startInProcess({ BEARING_JOBS: 'off' });
    page = await newPage(browser.context, server.url);
  }, 60_000);
  afterAll(async () => {
    await page?.close();
    await server?.stop();
  });

  it('previews, changes a match, imports with a progress bar, downloads the report', async () => {
    await page.setViewportSize({ width: 1280, height: 1000 });
    await page.goto(`${server.url}/tab/?view=data&teamId=${TEAM}`);
    await page.getByRole('link', { name: 'Import from Viva Goals' }).click();
    await page.getByRole('heading', { level: 1, name: 'Import from Viva Goals' }).waitFor();
    expect(new URL(page.url()).searchParams.get('view')).toBe('import');

    await upload(page);
    const counts = page.getByRole('table', { name: 'What the files hold' });
    await counts.waitFor({ timeout: 20_000 });
    await counts.getByRole('row', { name: 'Objectives 6' }).waitFor();
    // Jordan Doe, and Adele V. (the demo roster knows no e-mail of hers here).
    await counts.getByRole('row', { name: 'People matched to nobody 2' }).waitFor();
    const cycles = page.getByRole('table', { name: 'Time periods → cycles' });
    await cycles.getByText('FY2026 · Maps to the cycle that contains it').waitFor();
    const teams = page.getByRole('table', { name: 'Teams' });
    await teams.getByRole('row', { name: /Ghost Team/ }).waitFor();
    expect(
      await page.getByRole('combobox', { name: 'Bearing team for My Team' }).inputValue(),
    ).toBe(TEAM);
    // The Stay Above outcome is offered as a KPI guardrail.
    await page.getByRole('radio', { name: /^KPIs with that range/ }).waitFor();
    const people = page.getByRole('table', { name: 'People' });
    await people.getByRole('row', { name: /Jordan Doe.*Be the reference in our market/ }).waitFor();
    await page.getByRole('table', { name: 'Rows not imported' }).waitFor();

    // Jordan Doe matched nobody: assign their items to Adele, and see the effect.
    await page
      .getByRole('combobox', { name: 'Bearing member for Jordan Doe' })
      .selectOption({ label: 'Adele Vance' });
    await page.getByRole('button', { name: 'Preview again with my changes' }).click();
    await counts.getByRole('row', { name: 'People matched to nobody 1' }).waitFor();
    await people.getByRole('row', { name: /Jordan Doe.*Your choice · Adele Vance/ }).waitFor();

    // Every state of the progress bar while the import runs (the stream is read by the page).
    await page.evaluate(`window.progressSeen = [];
      new MutationObserver(() => {
        for (const bar of document.querySelectorAll('[role=progressbar]'))
          window.progressSeen.push(bar.getAttribute('aria-valuenow') + '/' + bar.getAttribute('aria-valuemax'));
      }).observe(document.body, { subtree: true, childList: true, attributes: true })`);
    const streamed = page.waitForResponse((r) => r.url().endsWith('/viva-goals/apply'));
    await page.getByRole('button', { name: 'Import', exact: true }).click();
    expect((await streamed).headers()['content-type']).toMatch(/^application\/x-ndjson/);
    const finished = page.getByRole('progressbar', { name: 'Import finished' });
    await finished.waitFor({ timeout: 30_000 });
    expect(await finished.getAttribute('aria-valuenow')).toBe('1');
    const seen = await page.evaluate<string[]>('window.progressSeen');
    // Batches of the 20 documents written, counting up to all of them, then the finished bar.
    const during = seen.filter((s) => /^\d+\/20$/.test(s));
    expect(during.length).toBeGreaterThan(0);
    expect(seen.at(-1)).toBe('1/1');
    await page.getByText('20 items created or changed.').waitFor();
    await counts.getByRole('row', { name: 'Objectives 6 6' }).waitFor();
    await counts.getByRole('row', { name: 'Check-ins 7 4' }).waitFor();

    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Download the report (CSV)' }).click();
    const file = await download;
    expect(file.suggestedFilename()).toBe('viva-goals-import-report.csv');
    const csv = fs.readFileSync((await file.path())!, 'utf8');
    expect(csv).toMatch(/^section,name,value,detail\r\n/);
    expect(csv).toContain('written,objectives,6,');
    expect(csv).toMatch(/person,Jordan Doe,00000000-0000-0000-0000-000000000022,override/);
  }, 120_000);

  it('a second import of the same files writes nothing (at 320 px, nothing wider)', async () => {
    await page.setViewportSize({ width: 320, height: 900 });
    await upload(page);
    await page.getByRole('table', { name: 'What the files hold' }).waitFor({ timeout: 20_000 });
    // Wide tables scroll inside their cards; the page itself never scrolls sideways.
    const overflow = await page.evaluate(
      'document.documentElement.scrollWidth - document.documentElement.clientWidth',
    );
    expect(overflow).toBeLessThanOrEqual(0);
    await page.screenshot({ path: SHOT, fullPage: true });
    await page.getByRole('button', { name: 'Import', exact: true }).click();
    await page
      .getByText('Nothing was written: everything in these files was already imported.')
      .waitFor({ timeout: 30_000 });
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Download the report (JSON)' }).click();
    const report = JSON.parse(fs.readFileSync((await (await download).path())!, 'utf8')) as {
      dryRun: boolean;
      counts: { written: number };
    };
    expect(report).toMatchObject({ dryRun: false, counts: { written: 0 } });
  }, 120_000);
});

describe('a member signed in through Teams', () => {
  let server: Server;
  let issuer: Awaited<ReturnType<typeof startTokenIssuer>>;
  let page: Page;
  beforeAll(async () => {
    issuer = await startTokenIssuer();
    server = await startInProcess({ ...ssoEnv(issuer), BEARING_JOBS: 'off' });
    page = await newPage(browser.context, server.url);
    // Alex's token without the Bearing.Admin app role.
    await serveHost(page, server.url, () => entraToken(issuer));
  }, 60_000);
  afterAll(async () => {
    await page?.close();
    await server?.stop();
    await issuer?.stop();
  });

  const open = (query: string) =>
    openInHost(page, server.url, {
      frameContext: 'content',
      src: `/tab/?${query}`,
      tenantId: TENANT,
      teamGroupId: TEAM,
      userId: ALEX,
    });

  it('does not get the import page, and the API refuses them', async () => {
    const data = await open(`view=data&teamId=${TEAM}`);
    await data.getByRole('button', { name: 'Download OKRs as CSV' }).waitFor({ timeout: 20_000 });
    expect(await data.getByRole('link', { name: 'Import from Viva Goals' }).count()).toBe(0);

    const direct = await open('view=import');
    await direct.getByText('Only Bearing admins can import').waitFor({ timeout: 20_000 });
    expect(await direct.getByLabel(/^Viva Goals export files/).count()).toBe(0);

    const res = await fetch(`${server.url}${PREVIEW}`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${entraToken(issuer)}`,
        'content-type': 'application/json',
      },
      body: JSON.stringify({ files: [{ name: 'export.zip', data: zip.toString('base64') }] }),
    });
    expect(res.status).toBe(403);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe('AUTH.FORBIDDEN');
  }, 60_000);
});
