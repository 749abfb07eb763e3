import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { BrowserContext, FrameLocator, Page } from 'playwright-core';
import { REPO_ROOT } from '../../support/server-process';

/** What went wrong in a page (and its frames) since it opened. */
export interface PageProblems {
  /** Uncaught exceptions (`pageerror`). */
  readonly errors: string[];
  /** `console.error` calls and the errors Chromium itself logs (CSP refusals, failed loads). */
  readonly consoleErrors: string[];
  /** `securitypolicyviolation` events, as `directive blocked-uri`. */
  readonly cspViolations: string[];
}
export type WatchedPage = Page & PageProblems;

/**
 * The list teams-js fetches on every load to validate its host (`validOriginsCdnEndpoint` in
 * @microsoft/teams-js). The test machine has no internet: the page gets the same list teams-js
 * ships as its fallback, answered here the way the CDN answers (JSON, any origin may read it).
 */
export const VALID_DOMAINS_URL =
  'https://res.cdn.office.net/teams-js/validDomains/json/validDomains.json';
const TEAMS_JS_ESM = path.join(
  REPO_ROOT,
  'node_modules/@microsoft/teams-js/dist/esm/packages/teams-js/src',
);
function validDomainsBody(): string {
  const constants = fs.readFileSync(path.join(TEAMS_JS_ESM, 'internal', 'constants.js'), 'utf8');
  if (!constants.includes(`new URL("${VALID_DOMAINS_URL}")`)) {
    throw new Error(`teams-js no longer fetches ${VALID_DOMAINS_URL}: update the tab's CSP`);
  }
  const artifact = path.join(TEAMS_JS_ESM, 'artifactsForCDN', 'validDomains.json.js');
  const list = /=(\["[^\]]*\])/.exec(fs.readFileSync(artifact, 'utf8'))?.[1];
  if (!list) throw new Error(`no origin list in ${artifact}`);
  return JSON.stringify({ validOrigins: JSON.parse(list) as string[] });
}

/**
 * A page that records page errors, console errors and CSP violations in every frame, answers the
 * teams-js origin list, and blocks every other request that leaves `origin`.
 */
export async function newPage(context: BrowserContext, origin: string): Promise<WatchedPage> {
  const page = (await context.newPage()) as WatchedPage;
  const problems: PageProblems = { errors: [], consoleErrors: [], cspViolations: [] };
  Object.assign(page, problems);
  page.on('pageerror', (e) => problems.errors.push(e.message));
  page.on('console', (message) => {
    if (message.type() === 'error') problems.consoleErrors.push(message.text());
  });
  await page.exposeBinding('bearingCspViolation', (_source, violation: string) => {
    problems.cspViolations.push(violation);
  });
  await page.addInitScript(
    "document.addEventListener('securitypolicyviolation', (e) => " +
      "window.bearingCspViolation(e.effectiveDirective + ' ' + e.blockedURI));",
  );
  const body = validDomainsBody();
  await page.route(
    (url) => url.origin !== origin,
    (route) =>
      route.request().url() === VALID_DOMAINS_URL
        ? route.fulfill({
            status: 200,
            contentType: 'application/json',
            headers: { 'access-control-allow-origin': '*' },
            body,
          })
        : route.abort(),
  );
  return page;
}

/** Waits until `check` holds (the host log fills asynchronously); fails after 10 s. */
export async function eventually(check: () => Promise<boolean>): Promise<void> {
  const deadline = Date.now() + 10_000;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`never true: ${check.toString()}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

const LOCK_DIR = path.join(REPO_ROOT, 'node_modules', '.cache', 'bearing-e2e');
const STAMP = path.join(REPO_ROOT, 'tab', 'dist', '.e2e-sources');

/** True while process `pid` runs. */
function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** A hash of everything the tab's build reads: its sources, config, core (types) and the lockfile. */
function tabSourcesHash(): string {
  const walk = (entry: string): string[] =>
    fs.statSync(entry).isDirectory()
      ? fs.readdirSync(entry).flatMap((name) => walk(path.join(entry, name)))
      : [entry];
  const inputs = ['tab/src', 'tab/index.html', 'tab/package.json', 'tab/tsconfig.json']
    .concat(['tab/vite.config.mts', 'tab/griffel-css.mts', 'core/src', 'package-lock.json'])
    .flatMap((relative) => walk(path.join(REPO_ROOT, relative)))
    .sort();
  const hash = createHash('sha256');
  for (const file of inputs)
    hash.update(`${path.relative(REPO_ROOT, file)}\0`).update(fs.readFileSync(file));
  return hash.digest('hex');
}
const built = (sources: string) =>
  fs.existsSync(STAMP) && fs.readFileSync(STAMP, 'utf8') === sources;

/**
 * How long a test file's setup may take when it builds the tab: styles are compiled to CSS at build
 * time, which costs about 25 s of CPU, and a busy 2-core machine stretches that to minutes.
 */
export const TAB_BUILD_TIMEOUT = 300_000;

/**
 * Builds the tab (what `npm run build -w tab` produces) unless tab/dist already holds a build of
 * the current sources. Jest runs e2e files in parallel workers and a second build would empty
 * tab/dist under the first file's feet: one builds under a lock, the others then find its stamp.
 */
export async function buildTab(): Promise<void> {
  const sources = tabSourcesHash();
  fs.mkdirSync(LOCK_DIR, { recursive: true });
  const lock = path.join(LOCK_DIR, 'tab-build.lock');
  for (;;) {
    if (built(sources)) return;
    try {
      fs.writeFileSync(lock, String(process.pid), { flag: 'wx' });
      break;
    } catch {
      const owner = Number(fs.readFileSync(lock, 'utf8') || 0);
      if (owner && !alive(owner)) fs.rmSync(lock, { force: true });
      await new Promise((r) => setTimeout(r, 250));
    }
  }
  try {
    if (built(sources)) return;
    const vite = path.join(REPO_ROOT, 'node_modules', 'vite', 'bin', 'vite.js');
    execFileSync(process.execPath, [vite, 'build', '--logLevel', 'warn'], {
      cwd: path.join(REPO_ROOT, 'tab'),
      stdio: 'inherit',
    });
    fs.writeFileSync(STAMP, sources);
  } finally {
    fs.rmSync(lock, { force: true });
  }
}

/** The stand-in Teams client page (see tab-host.html), served on the server's own origin. */
const HOST_PAGE = fs.readFileSync(path.join(__dirname, 'tab-host.html'), 'utf8');

/** Serves the host page at `${origin}/e2e-host.html` and hands it fresh SSO tokens. */
export async function serveHost(page: Page, origin: string, token: () => string): Promise<void> {
  await page.route(`${origin}/e2e-host.html**`, (route) =>
    route.fulfill({ contentType: 'text/html', body: HOST_PAGE }),
  );
  await page.exposeFunction('bearingToken', token);
}

/** Opens `src` in the host page with the given frame context; resolves to the tab's frame. */
export async function openInHost(
  page: Page,
  origin: string,
  query: Record<string, string>,
  size: { width: number; height: number } = { width: 1280, height: 1300 },
): Promise<FrameLocator> {
  await page.setViewportSize({ width: size.width, height: size.height + 20 });
  const search = new URLSearchParams({
    ...query,
    width: String(size.width),
    height: String(size.height),
  });
  await page.goto(`${origin}/e2e-host.html?${search.toString()}`);
  return page.frameLocator('iframe[title="Bearing"]');
}

/** Everything the tab asked the host for, in order. */
export const hostLog = (page: Page) =>
  page.evaluate<{ func: string; args: unknown[] }[]>('window.hostLog');
