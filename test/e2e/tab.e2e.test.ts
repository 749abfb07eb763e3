import fs from 'node:fs';
import path from 'node:path';
import type { FrameLocator, Page } from 'playwright-core';
import { teamsDarkTheme } from '@fluentui/react-components';
import { isoWeek } from '@bearing/core';
import { DEMO_TIME_ZONE } from '../../bot/src/features/demo/demo-organization';
import { startTokenIssuer } from '../../simulators/identity/token-issuer';
import { ALEX, SSO_TENANT as TENANT, entraToken, ssoEnv } from '../support/entra-tokens';
import { startInProcess } from '../support/in-process-server';
import { REPO_ROOT } from '../support/server-process';
import { launchChromium } from '../../simulators/browser/chromium';
import {
  VALID_DOMAINS_URL,
  buildTab,
  eventually,
  hostLog as hostLogOf,
  newPage,
  openInHost as openHost,
  serveHost,
  type WatchedPage,
  TAB_BUILD_TIMEOUT,
} from './support/tab-page';

// The built tab (vite build of tab/) served by the real server on a random port, in headless
// Chromium: (a) alone in the browser, in local mode; (b) inside a stand-in Teams host page that
// answers the teams-js handshake, with SSO tokens signed by a local key.
const TEAM = '00000000-0000-0000-0000-000000000031';
const SCREENSHOTS = path.join(REPO_ROOT, 'test-output', 'screenshots');
const TREE = 'Alignment: company objectives, team objectives and key results';

type Server = Awaited<ReturnType<typeof startInProcess>>;
let browser: Awaited<ReturnType<typeof launchChromium>>;

beforeAll(async () => {
  // Always the current sources: the test opens what `npm run build -w tab` produces.
  await buildTab();
  fs.mkdirSync(SCREENSHOTS, { recursive: true });
  browser = await launchChromium();
}, TAB_BUILD_TIMEOUT);
afterAll(async () => {
  await browser?.close();
});

interface Box {
  scrollWidth: number;
  clientWidth: number;
}
/** The page's window, as functions passed to `evaluate` see it (no DOM library in this file). */
interface BrowserWindow {
  getComputedStyle(el: unknown): { backgroundColor: string; fontSize: string };
  document: { activeElement: unknown };
}

describe('the tab outside Teams (local mode)', () => {
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

  it('shows the demo team’s alignment and says it runs with the local identity', async () => {
    await page.goto(`${server.url}/tab/`);
    const tree = page.getByRole('list', { name: TREE });
    await tree.waitFor({ timeout: 15_000 });
    await page.getByText('Local development mode — signed in as Alex Wilber').waitFor();
    const people = page.getByRole('region', {
      name: 'Be the place great people choose to build their careers',
    });
    await people
      .getByRole('heading', { name: 'Make My Team a place people want to stay' })
      .waitFor();
    await people.getByRole('heading', { name: 'Hire great people faster' }).waitFor();
    const growth = page.getByRole('region', { name: 'Grow a business our customers love' });
    await growth
      .getByRole('heading', { name: 'Ship changes faster without breaking things' })
      .waitFor();
    await growth.getByText('Grow MRR from $120k to $150k').waitFor();
  });

  it('edits a key result’s target through the UI, and the change survives a reload', async () => {
    await page.goto(`${server.url}/tab/`);
    const item = page.getByRole('listitem').filter({
      has: page.getByText('Cut time to fill from 48 to 30 days', { exact: true }),
    });
    await item.first().waitFor({ timeout: 15_000 });
    await item
      .first()
      .getByText(/target 30 /)
      .waitFor();
    await page
      .getByRole('button', { name: 'Edit key result Cut time to fill from 48 to 30 days' })
      .click();
    const dialog = page.getByRole('dialog', { name: 'Edit key result' });
    await dialog.getByRole('textbox', { name: 'Target' }).fill('25');
    await dialog.getByRole('button', { name: 'Save' }).click();
    await page.getByText('Saved “Cut time to fill from 48 to 30 days”.').waitFor();
    await dialog.waitFor({ state: 'detached' });

    await page.reload();
    await item
      .first()
      .getByText(/target 25 /)
      .waitFor({ timeout: 15_000 });
    expect(
      await item
        .first()
        .getByText(/target 30 /)
        .count(),
    ).toBe(0);
    // And the server has it, not just the page.
    const res = await fetch(`${server.url}/api/v1/teams/${TEAM}/alignment`);
    const view = (await res.json()) as {
      objectives: { keyResults: { id: string; target: number }[] }[];
    };
    const kr = view.objectives.flatMap((o) => o.keyResults).find((k) => k.id === 'kr-time-to-fill');
    expect(kr?.target).toBe(25);
    expect((page as Page & { errors: string[] }).errors).toEqual([]);
  });
});

describe('hostile text in OKRs never runs as script in the tab', () => {
  let server: Server;
  let page: Page;
  // Each payload, if it ever ran, would set a flag on the window or open a dialog.
  const IMG = '<img src=x onerror="window.__pwned=1">';
  const SCRIPT = '<script>window.__pwned=2</script>';
  const LINK = '[Open](javascript:window.__pwned=3)';
  beforeAll(async () => {
    server = await startInProcess({ BEARING_JOBS: 'off' });
    page = await newPage(browser.context, server.url);
    const api = `${server.url}/api/v1/teams/${TEAM}`;
    const view = (await (await fetch(`${api}/alignment`)).json()) as { cycle: { id: string } };
    const created = await fetch(`${api}/objectives`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        cycleId: view.cycle.id,
        title: `Pwn ${IMG}`,
        description: `${SCRIPT} ${LINK} <a href="javascript:window.__pwned=4">x</a>`,
        ownerId: ALEX,
      }),
    });
    expect(created.status).toBe(201);
    const objective = (await created.json()) as { id: string };
    const kr = await fetch(`${api}/objectives/${objective.id}/key-results`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        title: `Reach ${SCRIPT} ${LINK}`,
        type: 'number',
        unit: '<b>u</b>',
        baseline: 0,
        target: 10,
        ownerId: ALEX,
      }),
    });
    expect(kr.status).toBe(201);
    const { id: keyResultId } = (await kr.json()) as { id: string };
    // A check-in puts the payloads on this week's meeting agenda too.
    const checkIn = await fetch(`${server.url}/api/v1/me/check-ins`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        teamId: TEAM,
        submissionId: 'e2e-hostile-check-in',
        cycleId: view.cycle.id,
        week: isoWeek(new Date().toISOString(), DEMO_TIME_ZONE),
        updates: [{ keyResultId, value: 3, confidence: 'atRisk' }],
        whatChanged: `Pwn ${IMG}`,
        blockers: `Reach ${SCRIPT} ${LINK}`,
      }),
    });
    expect(checkIn.status).toBeLessThan(300);
  }, 60_000);
  afterAll(async () => {
    await page?.close();
    await server?.stop();
  });

  it('serves the tab with a strict Content Security Policy and a no-cache page', async () => {
    const res = await fetch(`${server.url}/tab/`);
    expect(res.status).toBe(200);
    const csp = res.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toMatch(/script-src[^;]*unsafe/);
    expect(csp).toContain('frame-ancestors');
    // API calls to this server, and teams-js's list of valid hosts from its CDN: nothing else.
    const connect = csp.split(';').map((d) => d.trim());
    expect(connect.filter((d) => d.startsWith('connect-src'))).toEqual([
      `connect-src 'self' ${new URL(VALID_DOMAINS_URL).origin}`,
    ]);
    expect(res.headers.get('cache-control')).toBe('no-cache');
    const asset = /src="(\/tab\/assets\/[^"]+\.js)"/.exec(await res.text())?.[1];
    expect(asset).toBeDefined();
    const js = await fetch(`${server.url}${asset}`);
    expect(js.headers.get('cache-control')).toContain('immutable');
  });

  it.each([
    ['alignment', '/tab/'],
    ['dashboard', `/tab/?view=dashboard&teamId=${TEAM}`],
    ['manage', `/tab/?view=manage&teamId=${TEAM}`],
    ['meeting stage', `/tab/?view=stage&teamId=${TEAM}`],
    ['my OKRs', '/tab/?view=personal'],
  ])('%s shows the payloads as text and runs none of them', async (_name, url) => {
    const dialogs: string[] = [];
    const onDialog = (d: { message(): string; dismiss(): Promise<void> }) => {
      dialogs.push(d.message());
      void d.dismiss();
    };
    page.on('dialog', onDialog);
    await page.goto(`${server.url}${url}`);
    await page
      .getByText(/Reach <script>|Pwn <img/)
      .first()
      .waitFor({ timeout: 15_000 });
    // Give event handlers (img onerror) time to fire if they had been rendered as markup.
    await page.waitForTimeout(300);
    expect(await page.evaluate('window.__pwned')).toBeUndefined();
    expect(await page.locator('a[href^="javascript:"]').count()).toBe(0);
    expect(await page.locator('img[src="x"]').count()).toBe(0);
    expect(dialogs).toEqual([]);
    expect((page as Page & { errors: string[] }).errors).toEqual([]);
    page.off('dialog', onDialog);
  });
});

describe('the tab inside a Teams host (SSO, dark theme)', () => {
  let server: Server;
  let issuer: Awaited<ReturnType<typeof startTokenIssuer>>;
  let page: WatchedPage;
  beforeAll(async () => {
    issuer = await startTokenIssuer();
    server = await startInProcess({ ...ssoEnv(issuer), BEARING_JOBS: 'off' });
    page = await newPage(browser.context, server.url);
    // The host page lives on the server's origin, like Teams' own frame would for postMessage;
    // a fresh token per request, as Teams' getAuthToken hands out.
    await serveHost(page, server.url, () => entraToken(issuer));
  }, 60_000);
  // No test in Teams may leave an uncaught error behind in the tab or the host page.
  afterEach(() => {
    expect(page.errors.splice(0)).toEqual([]);
  });
  afterAll(async () => {
    await page?.close();
    await server?.stop();
    await issuer?.stop();
  });

  const openInHost = (
    frameContext: string,
    src: string,
    size?: { width: number; height: number },
    extra: Record<string, string> = {},
  ): Promise<FrameLocator> =>
    openHost(
      page,
      server.url,
      {
        frameContext,
        theme: 'dark',
        src,
        tenantId: TENANT,
        teamGroupId: TEAM,
        userId: ALEX,
        ...extra,
      },
      size,
    );
  const hostLog = () => hostLogOf(page);

  const providerBackground = (frame: FrameLocator) =>
    frame
      .locator('.fui-FluentProvider')
      .first()
      .evaluate(
        (el) => (globalThis as unknown as BrowserWindow).getComputedStyle(el).backgroundColor,
      );
  const darkBackground = async () => {
    const hex = teamsDarkTheme.colorNeutralBackground1.replace('#', '');
    const [r, g, b] = [0, 2, 4].map((i) => parseInt(hex.slice(i, i + 2), 16));
    return `rgb(${r}, ${g}, ${b})`;
  };
  async function expectDarkTheme(frame: FrameLocator): Promise<void> {
    expect(await providerBackground(frame)).toBe(await darkBackground());
  }

  it('channel tab: signs in with SSO, follows the dark theme, tells Teams it loaded', async () => {
    const frame = await openInHost('content', '/tab/');
    await frame.getByRole('list', { name: TREE }).waitFor({ timeout: 20_000 });
    await frame.getByRole('heading', { name: 'My Team', exact: true }).waitFor();
    expect(await frame.getByText(/Local development mode/).count()).toBe(0);
    await expectDarkTheme(frame);
    const funcs = (await hostLog()).map((m) => m.func);
    expect(funcs).toEqual(
      expect.arrayContaining(['initialize', 'getContext', 'authentication.getAuthToken']),
    );
    await eventually(async () =>
      (await hostLog()).some((m) => m.func === 'appInitialization.success'),
    );
    await page.screenshot({ path: path.join(SCREENSHOTS, 'alignment-dark.png') });

    // Teams switches to high contrast: the tab follows without a reload.
    await page.evaluate("window.hostSend('themeChange', ['contrast'])");
    await eventually(async () => (await providerBackground(frame)) !== (await darkBackground()));
    await page.evaluate("window.hostSend('themeChange', ['dark'])");
    await eventually(async () => (await providerBackground(frame)) === (await darkBackground()));

    await frame.getByRole('tab', { name: 'Dashboard' }).click();
    await frame.getByRole('heading', { name: 'Team dashboard' }).waitFor({ timeout: 15_000 });
    // The demo team's KPIs, with their status in words, and a chart per key result.
    const kpis = frame.getByRole('region', { name: 'KPIs' });
    await kpis.getByText('Uptime', { exact: true }).waitFor({ timeout: 15_000 });
    await frame
      .getByRole('img', { name: /^Progress history of Raise the engagement score/ })
      .waitFor();
    await page.screenshot({ path: path.join(SCREENSHOTS, 'dashboard-dark.png') });
  });

  it('meeting side panel (320 px) shares this week’s agenda to the stage', async () => {
    const frame = await openInHost('sidePanel', `/tab/?teamId=${TEAM}`, {
      width: 320,
      height: 900,
    });
    await frame.getByRole('heading', { name: /This week’s agenda — My Team/ }).waitFor({
      timeout: 20_000,
    });
    // Fits the 320 px panel: nothing wider than the frame.
    const overflow = await frame
      .locator('html')
      .evaluate((el) => (el as unknown as Box).scrollWidth - (el as unknown as Box).clientWidth);
    expect(overflow).toBe(0);
    await frame.getByRole('button', { name: 'Share to stage' }).click();
    await frame.getByText('Shared to the meeting stage.').waitFor();
    const share = (await hostLog()).find((m) => m.func === 'meeting.shareAppContentToStage');
    expect(String(share?.args[0])).toBe(`${server.url}/tab/?view=stage&teamId=${TEAM}`);
    await page.screenshot({ path: path.join(SCREENSHOTS, 'meeting-side-panel-dark.png') });
  });

  it('meeting stage: the agenda in large type, sections reachable with the keyboard', async () => {
    const frame = await openInHost('meetingStage', `/tab/?view=stage&teamId=${TEAM}`, {
      width: 1600,
      height: 900,
    });
    const blockers = frame.getByRole('region', { name: /^Blockers \(\d+\)$/ });
    await blockers.waitFor({ timeout: 20_000 });
    await expectDarkTheme(frame);
    // Open blockers and decisions come first; the arrow keys move on from there.
    const decisions = frame.getByRole('region', { name: /^Decisions needed \(\d+\)$/ });
    await blockers.focus();
    await blockers.press('ArrowDown');
    expect(
      await decisions.evaluate(
        (el) => el === (globalThis as unknown as BrowserWindow).document.activeElement,
      ),
    ).toBe(true);
    const size = await frame
      .getByRole('heading', { name: /^This week’s agenda/ })
      .evaluate((el) =>
        parseFloat((globalThis as unknown as BrowserWindow).getComputedStyle(el).fontSize),
      );
    expect(Number(size)).toBeGreaterThanOrEqual(40);
    await page.screenshot({ path: path.join(SCREENSHOTS, 'meeting-stage-dark.png') });
  });

  it('does not hang when the embedding page never answers the Teams handshake', async () => {
    const frame = await openInHost('content', '/tab/', undefined, { silent: '1' });
    // After the short initialize timeout the tab runs standalone; with SSO required and no
    // token, it says how to sign in instead of spinning or going blank.
    const alert = frame.getByRole('alert');
    await alert.waitFor({ timeout: 20_000 });
    expect(await alert.textContent()).toContain('Reload the tab to sign in again');
    expect((await hostLog()).map((m) => m.func)).toEqual(['initialize']);
  });

  it('configuration page: valid once a team is chosen, saves the tab’s content URL', async () => {
    const frame = await openInHost('settings', '/tab/?view=config');
    await frame.getByRole('combobox', { name: /Team/ }).waitFor({ timeout: 20_000 });
    await eventually(async () =>
      (await hostLog()).some((m) => m.func === 'settings.setValidityState' && m.args[0] === true),
    );
    await page.evaluate("window.hostSend('settings.save', [{}])");
    await eventually(async () => (await hostLog()).some((m) => m.func === 'settings.save.success'));
    const saved = (await hostLog()).find((m) => m.func === 'settings.setSettings');
    expect(saved?.args[0]).toEqual({
      contentUrl: `${server.url}/tab/?view=alignment&teamId=${TEAM}`,
      websiteUrl: `${server.url}/tab/?view=alignment&teamId=${TEAM}`,
      entityId: `bearing-${TEAM}`,
      suggestedDisplayName: 'Bearing',
    });
  });
});
