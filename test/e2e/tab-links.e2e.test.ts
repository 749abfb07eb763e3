import type { FrameLocator, Locator, Page } from 'playwright-core';
import { readTabDeepLink, tabDeepLink, type TabContext } from '@bearing/core';
import { startTokenIssuer } from '../../simulators/identity/token-issuer';
import { ALEX, SSO_TENANT as TENANT, entraToken, ssoEnv } from '../support/entra-tokens';
import { startInProcess } from '../support/in-process-server';
import { launchChromium } from '../../simulators/browser/chromium';
import { buildKpiAlertCard } from '../../bot/src/features/kpis';
import { tabLinker } from '../../bot/src/features/common';
import {
  buildTab,
  newPage,
  openInHost,
  serveHost,
  type WatchedPage,
  TAB_BUILD_TIMEOUT,
} from './support/tab-page';

// Links into the tab and narrow screens, in headless Chromium against the built tab: a Teams deep
// link built with core's `tabDeepLink` opened the way Teams opens it (the app's static tab with the
// link's subEntityId in its context, in the stand-in host), and the view tabs at 320 px.
const TEAM = '00000000-0000-0000-0000-000000000031';
const APP_ID = '2f1a7c9e-5b8d-4e3f-9a61-0c7d2b4e8f10';

type Server = Awaited<ReturnType<typeof startInProcess>>;
let browser: Awaited<ReturnType<typeof launchChromium>>;
beforeAll(async () => {
  await buildTab();
  browser = await launchChromium();
}, TAB_BUILD_TIMEOUT);
afterAll(async () => {
  await browser?.close();
});

/** The page's window, as functions passed to `evaluate` see it (no DOM library in this file). */
interface Box {
  top: number;
  left: number;
  bottom: number;
  right: number;
}
interface BrowserWindow {
  innerWidth: number;
  innerHeight: number;
  document: {
    activeElement: unknown;
    documentElement: { scrollWidth: number; clientWidth: number };
  };
}

/** True when the element's box lies inside the frame's viewport (scrolled into view). */
const inView = (el: Locator) =>
  el.evaluate((node) => {
    const box = (node as unknown as { getBoundingClientRect(): Box }).getBoundingClientRect();
    const win = globalThis as unknown as { innerWidth: number; innerHeight: number };
    return (
      box.top >= 0 && box.left >= 0 && box.bottom <= win.innerHeight && box.right <= win.innerWidth
    );
  });
const isFocused = (el: Locator) =>
  el.evaluate((node) => node === (globalThis as unknown as BrowserWindow).document.activeElement);

describe('a Teams deep link opens the tab on the team, view and item it names', () => {
  let server: Server;
  let issuer: Awaited<ReturnType<typeof startTokenIssuer>>;
  let page: WatchedPage;
  beforeAll(async () => {
    issuer = await startTokenIssuer();
    server = await startInProcess({ ...ssoEnv(issuer), BEARING_JOBS: 'off' });
    page = await newPage(browser.context, server.url);
    await serveHost(page, server.url, () => entraToken(issuer));
  }, 60_000);
  afterEach(() => {
    expect(page.errors.splice(0)).toEqual([]);
  });
  afterAll(async () => {
    await page?.close();
    await server?.stop();
    await issuer?.stop();
  });

  /** Opens `link` as Teams would: the static tab its entity id names, given its subEntityId. */
  async function follow(link: string): Promise<FrameLocator> {
    const target = readTabDeepLink(link);
    expect(target).toMatchObject({ appId: APP_ID, entityId: 'myOkrs' });
    return openInHost(
      page,
      server.url,
      {
        frameContext: 'content',
        // The manifest's static tab: its content URL is the personal view.
        src: '/tab/?view=personal',
        entityId: target!.entityId,
        subEntityId: target!.subEntityId ?? '',
        tenantId: TENANT,
        userId: ALEX,
      },
      { width: 1280, height: 700 },
    );
  }
  const link = (context: TabContext) => tabDeepLink({ appId: APP_ID, entityId: 'myOkrs' }, context);

  it('a KPI alert’s link: the team’s dashboard with that KPI highlighted, in view and focused', async () => {
    const frame = await follow(
      link({ view: 'dashboard', teamId: TEAM, kpiId: 'kpi-time-to-fill' }),
    );
    await frame.getByRole('heading', { name: 'Team dashboard' }).waitFor({ timeout: 20_000 });
    expect(await frame.getByRole('tab', { name: 'Dashboard' }).getAttribute('aria-selected')).toBe(
      'true',
    );
    const kpis = frame.getByRole('region', { name: 'KPIs' });
    const item = kpis.locator('li[aria-current="true"]');
    await item.waitFor({ timeout: 20_000 });
    expect(await item.count()).toBe(1);
    expect(await item.getByText('Time to fill', { exact: true }).count()).toBe(1);
    await item.getByText('From your link').waitFor();
    expect(await isFocused(item)).toBe(true);
    expect(await inView(item)).toBe(true);
  });

  it('the “Open in Bearing” link of a KPI alert card opens that KPI', async () => {
    // The card the bot sends, with the link the composition root's tab linker builds for a Teams app.
    const card = buildKpiAlertCard({
      kind: 'kpiAlert',
      kpi: {
        id: 'kpi-time-to-fill',
        teamId: TEAM,
        name: 'Time to fill',
        unit: 'days',
        target: { max: 35 },
      },
      status: 'breach',
      values: [31, 36, 41],
      guardedObjectives: [],
      tabLink: tabLinker({ teamsAppId: APP_ID, tabUrl: `${server.url}/tab/` }),
      formatInstant: () => 'Mon 30 Nov, 10:00',
      refreshUserIds: [],
    });
    const urls = [...JSON.stringify(card).matchAll(/"url":"([^"]+)"/g)].map((m) =>
      JSON.parse(`"${m[1]}"`),
    ) as string[];
    const open = urls.find((u) => readTabDeepLink(u)?.subEntityId?.includes('kpi-time-to-fill'));
    expect(open).toBeDefined();
    const frame = await follow(open!);
    const item = frame.getByRole('region', { name: 'KPIs' }).locator('li[aria-current="true"]');
    await item.waitFor({ timeout: 20_000 });
    expect(await item.getByText('Time to fill', { exact: true }).count()).toBe(1);
    expect(await frame.getByRole('tab', { name: 'Dashboard' }).getAttribute('aria-selected')).toBe(
      'true',
    );
  });

  it('a link sent before (`view=alignment` with a KPI) still lands on the KPI', async () => {
    const frame = await follow(link({ view: 'alignment', teamId: TEAM, kpiId: 'kpi-uptime' }));
    const item = frame.getByRole('region', { name: 'KPIs' }).locator('li[aria-current="true"]');
    await item.waitFor({ timeout: 20_000 });
    expect(await item.getByText('Uptime', { exact: true }).count()).toBe(1);
  });

  it('a key result’s link: the alignment tree with that key result highlighted', async () => {
    const frame = await follow(
      link({ view: 'alignment', teamId: TEAM, keyResultId: 'kr-time-to-fill' }),
    );
    const item = frame.locator('[aria-current="true"]');
    await item.waitFor({ timeout: 20_000 });
    expect(await item.getByText('Cut time to fill from 48 to 30 days').count()).toBe(1);
    expect(await isFocused(item)).toBe(true);
    expect(await inView(item)).toBe(true);
  });
});

describe('the view tabs on narrow screens (local mode)', () => {
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

  const VIEWS = [
    [
      'alignment',
      'Alignment',
      (p: Page) => p.getByRole('heading', { name: 'My Team', exact: true }),
    ],
    ['dashboard', 'Dashboard', (p: Page) => p.getByRole('heading', { name: 'Team dashboard' })],
    ['manage', 'Edit OKRs', (p: Page) => p.getByRole('heading', { name: 'Edit OKRs' })],
    ['close', 'Close cycle', (p: Page) => p.getByRole('heading', { name: /^Close / })],
    [
      'data',
      'Import and export',
      (p: Page) => p.getByRole('heading', { name: 'Import and export' }),
    ],
  ] as const;

  /** Goes to the view through its tab, or through the "More" menu when the tab did not fit. */
  async function open(name: string): Promise<void> {
    const tab = page.getByRole('tab', { name });
    if (await tab.isVisible()) return tab.click();
    await page.getByRole('button', { name: /^More \(\d\)$/ }).click();
    await page.getByRole('menuitem', { name }).click();
  }

  it.each([320, 400, 1280])(
    'at %i px every view is reachable and the open one visible',
    async (width) => {
      await page.setViewportSize({ width, height: 900 });
      await page.goto(`${server.url}/tab/?view=close&teamId=${TEAM}`);
      const selected = page.locator('[role="tab"][aria-selected="true"]');
      await selected.waitFor({ timeout: 20_000 });
      // Where the tabs do not all fit, the "More" menu is there (its code comes just after the tabs).
      const more = page.getByRole('button', { name: /^More \(\d\)$/ });
      if (width < 1000) await more.waitFor({ timeout: 15_000 });
      expect(await selected.textContent()).toBe('Close cycle');
      expect(await inView(selected)).toBe(true);
      // Nothing wider than the screen: the tabs that do not fit are in the menu, not off-screen.
      const overflow = await page.evaluate(() => {
        const root = (globalThis as unknown as BrowserWindow).document.documentElement;
        return root.scrollWidth - root.clientWidth;
      });
      expect(overflow).toBe(0);
      if (width === 1280) expect(await more.count()).toBe(0);
      for (const [, name, loaded] of VIEWS) {
        await open(name);
        await loaded(page).first().waitFor({ timeout: 15_000 });
        const now = page.locator('[role="tab"][aria-selected="true"]');
        expect(await now.textContent()).toBe(name);
        expect(await inView(now)).toBe(true);
      }
    },
  );
});
