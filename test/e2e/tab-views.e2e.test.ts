import type { FrameLocator, Locator, Page } from 'playwright-core';
import { startTokenIssuer } from '../../simulators/identity/token-issuer';
import { ALEX, SSO_TENANT as TENANT, entraToken, ssoEnv } from '../support/entra-tokens';
import { startInProcess } from '../support/in-process-server';
import { launchChromium } from '../../simulators/browser/chromium';
import {
  VALID_DOMAINS_URL,
  buildTab,
  eventually,
  hostLog,
  newPage,
  openInHost,
  serveHost,
  type WatchedPage,
  TAB_BUILD_TIMEOUT,
} from './support/tab-page';

// Every view of the built tab, in headless Chromium, alone (local mode) and inside the stand-in
// Teams host: none may log a console error, throw, or trip the Content Security Policy. teams-js
// fetches its list of valid hosts on every load; the page's route answers it as the CDN would.
const TEAM = '00000000-0000-0000-0000-000000000031';
const TREE = 'Alignment: company objectives, team objectives and key results';

type Surface = Page | FrameLocator;
interface View {
  readonly name: string;
  /** The tab URL's query (the content URL Teams would open). */
  readonly query: string;
  /** Teams' frame context for this view. */
  readonly frameContext: string;
  /** Something only the loaded view shows. */
  readonly loaded: (s: Surface) => Locator;
  readonly size?: { width: number; height: number };
}
const heading = (name: string | RegExp) => (s: Surface) => s.getByRole('heading', { name });
const VIEWS: View[] = [
  {
    name: 'alignment',
    query: `view=alignment&teamId=${TEAM}`,
    frameContext: 'content',
    loaded: (s) => s.getByRole('list', { name: TREE }),
  },
  {
    name: 'dashboard',
    query: `view=dashboard&teamId=${TEAM}`,
    frameContext: 'content',
    loaded: (s) => s.getByRole('region', { name: 'KPIs' }).getByText('Uptime', { exact: true }),
  },
  {
    name: 'manage (edit OKRs)',
    query: `view=manage&teamId=${TEAM}`,
    frameContext: 'content',
    loaded: heading('Edit OKRs'),
  },
  {
    name: 'cycle close',
    query: `view=close&teamId=${TEAM}`,
    frameContext: 'content',
    loaded: heading(/^Close /),
  },
  {
    name: 'data (import and export)',
    query: `view=data&teamId=${TEAM}`,
    frameContext: 'content',
    loaded: heading('Import and export'),
  },
  {
    name: 'My OKRs personal tab',
    query: 'view=personal',
    frameContext: 'content',
    loaded: heading('My OKRs'),
  },
  {
    name: 'configuration page',
    query: 'view=config',
    frameContext: 'settings',
    loaded: (s) => s.getByRole('combobox', { name: /Team/ }),
  },
  {
    name: 'meeting side panel',
    query: `view=meeting&teamId=${TEAM}`,
    frameContext: 'sidePanel',
    loaded: heading(/^This week’s agenda — My Team/),
    size: { width: 320, height: 900 },
  },
  {
    name: 'meeting stage',
    query: `view=stage&teamId=${TEAM}`,
    frameContext: 'meetingStage',
    loaded: (s) => s.getByRole('region', { name: /^Blockers \(\d+\)$/ }),
    size: { width: 1600, height: 900 },
  },
];

type Server = Awaited<ReturnType<typeof startInProcess>>;
let browser: Awaited<ReturnType<typeof launchChromium>>;
beforeAll(async () => {
  await buildTab();
  browser = await launchChromium();
}, TAB_BUILD_TIMEOUT);
afterAll(async () => {
  await browser?.close();
});

/**
 * Records the URLs the page requests from now on; the returned function stops and lists them.
 * The teams-js host list among them shows the CSP let the fetch through to the network.
 */
function recordRequests(page: Page): () => string[] {
  const urls: string[] = [];
  const onRequest = (request: { url(): string }) => urls.push(request.url());
  page.on('request', onRequest);
  return () => {
    page.off('request', onRequest);
    return urls;
  };
}

/** Forgets what an earlier view left, so each test reports its own view only. */
function forgetProblems(page: WatchedPage): void {
  [page.cspViolations, page.consoleErrors, page.errors].forEach((list) => list.splice(0));
}

/** Waits for the view and for the page to go quiet, then checks nothing went wrong on the way. */
async function expectCleanLoad(page: WatchedPage, surface: Surface, view: View): Promise<void> {
  await view.loaded(surface).first().waitFor({ timeout: 20_000 });
  await eventually(async () => (await surface.locator('[aria-busy="true"]').count()) === 0);
  await page.waitForLoadState('networkidle');
  expect({
    cspViolations: page.cspViolations.splice(0),
    consoleErrors: page.consoleErrors.splice(0),
    pageErrors: page.errors.splice(0),
  }).toEqual({ cspViolations: [], consoleErrors: [], pageErrors: [] });
}

describe('every tab view outside Teams (local mode)', () => {
  let server: Server;
  let page: WatchedPage;
  beforeAll(async () => {
    server = await startInProcess({ BEARING_JOBS: 'off' });
    page = await newPage(browser.context, server.url);
  }, 60_000);
  afterAll(async () => {
    await page?.close();
    await server?.stop();
  });

  it.each(VIEWS)('$name loads with no console error, page error or CSP violation', async (view) => {
    const requests = recordRequests(page);
    forgetProblems(page);
    await page.setViewportSize({
      width: view.size?.width ?? 1280,
      height: view.size?.height ?? 1300,
    });
    await page.goto(`${server.url}/tab/?${view.query}`);
    await expectCleanLoad(page, page, view);
    expect(requests()).toContain(VALID_DOMAINS_URL);
  });
});

describe('every tab view inside the Teams host (SSO)', () => {
  let server: Server;
  let issuer: Awaited<ReturnType<typeof startTokenIssuer>>;
  let page: WatchedPage;
  beforeAll(async () => {
    issuer = await startTokenIssuer();
    server = await startInProcess({ ...ssoEnv(issuer), BEARING_JOBS: 'off' });
    page = await newPage(browser.context, server.url);
    await serveHost(page, server.url, () => entraToken(issuer));
  }, 60_000);
  afterAll(async () => {
    await page?.close();
    await server?.stop();
    await issuer?.stop();
  });

  it.each(VIEWS)('$name loads with no console error, page error or CSP violation', async (view) => {
    const requests = recordRequests(page);
    forgetProblems(page);
    const frame = await openInHost(
      page,
      server.url,
      {
        frameContext: view.frameContext,
        src: `/tab/?${view.query}`,
        tenantId: TENANT,
        teamGroupId: TEAM,
        userId: ALEX,
      },
      view.size,
    );
    await expectCleanLoad(page, frame, view);
    expect(requests()).toContain(VALID_DOMAINS_URL);
    // The tab told Teams it loaded: it ran as a Teams tab, not as a page on its own.
    await eventually(async () =>
      (await hostLog(page)).some((m) => m.func === 'appInitialization.success'),
    );
  });
});
