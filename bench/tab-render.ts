import fs from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { launchChromium } from '../simulators/browser/chromium';
import { percentile } from './report';

/** The tab's tree and the floor's: the list the first meaningful render waits for. */
export const TREE = 'Alignment: company objectives, team objectives and key results';

/** Notes in the page when the alignment tree first appears (performance.now(), from navigation). */
const WATCH_TREE = `new MutationObserver((_, observer) => {
  if (!document.querySelector('[aria-label="${TREE}"]')) return;
  window.bearingTreeAt = performance.now();
  observer.disconnect();
}).observe(document, { childList: true, subtree: true });`;

/** What one visit loaded before the tree showed: its scripts and the API's share of the time. */
export interface Visit {
  readonly ms: number;
  /** Scripts (paths) whose download had ended when the tree appeared. */
  readonly scripts: string[];
  /** First API request sent → last API answer received, before the tree appeared. */
  readonly apiMs: number;
}

/**
 * Navigation → alignment tree visible, in a fresh page each time: first with the browser cache
 * cleared (cold), then again with what that visit cached (warm).
 */
export async function firstRenders(
  pageUrl: string,
  runs: number,
): Promise<{ cold: Visit[]; warm: Visit[] }> {
  const browser = await launchChromium();
  const origin = new URL(pageUrl).origin;
  try {
    const cold: Visit[] = [];
    const warm: Visit[] = [];
    for (let i = 0; i < runs; i += 1) {
      for (const visits of [cold, warm]) {
        const page = await browser.context.newPage();
        await page.addInitScript(WATCH_TREE);
        await page.route(
          (u) => u.origin !== origin,
          (route) => route.abort(),
        );
        if (visits === cold) {
          const cdp = await browser.context.newCDPSession(page);
          await cdp.send('Network.clearBrowserCache');
          await cdp.detach();
        }
        const t = performance.now();
        await page.goto(pageUrl);
        await page.getByRole('list', { name: TREE }).waitFor({ timeout: 30_000 });
        const ms = Math.round(performance.now() - t);
        // A string: this file is compiled without the DOM's types.
        const [treeAt, entries] = (await page.evaluate(
          `[window.bearingTreeAt, performance.getEntriesByType('resource')
            .map((e) => [new URL(e.name).pathname, e.startTime, e.responseEnd])]`,
        )) as [number, [string, number, number][]];
        const before = entries.filter(([, , end]) => end <= treeAt);
        const api = before.filter(([name]) => name.startsWith('/api/'));
        visits.push({
          ms,
          scripts: before.filter(([name]) => name.endsWith('.js')).map(([name]) => name),
          apiMs:
            api.length === 0
              ? 0
              : Math.round(Math.max(...api.map((e) => e[2])) - Math.min(...api.map((e) => e[1]))),
        });
        await page.close();
      }
    }
    return { cold, warm };
  } finally {
    await browser.close();
  }
}

/**
 * The render rows of the report: cold and warm medians with their runs, beside the floor's and
 * each target; the JS a cold visit had downloaded when the tree appeared (lazy chunks fetched at
 * start included), and the API's share of the cold time (the floor has no data to fetch).
 */
export function renderRows(
  tab: { cold: Visit[]; warm: Visit[] },
  floor: { cold: Visit[]; warm: Visit[] },
  dist: string,
): { rows: [string, string][]; figures: Record<string, number> } {
  const median = (values: number[]) => Math.round(percentile(values, 50));
  const ms = (visits: Visit[]) => visits.map((v) => v.ms);
  const ratio = (a: number, b: number) => (Math.round((a / b) * 100) / 100).toFixed(2);
  const row = (name: string, visits: Visit[]): [string, string] => [
    `  ${name}`,
    `${median(ms(visits))} ms (runs: ${ms(visits).join(', ')})`,
  ];
  const gzip = (script: string) =>
    gzipSync(fs.readFileSync(path.join(dist, script.replace(/^\/tab\//, ''))), { level: 9 }).length;
  const jsBeforeTree = median(tab.cold.map((v) => v.scripts.reduce((n, s) => n + gzip(s), 0)));
  const scriptsBeforeTree = median(tab.cold.map((v) => v.scripts.length));
  const apiMs = median(tab.cold.map((v) => v.apiMs));
  const figures = {
    firstRenderMedianMs: median(ms(tab.cold)),
    firstRenderWarmMedianMs: median(ms(tab.warm)),
    floorRenderMedianMs: median(ms(floor.cold)),
    floorRenderWarmMedianMs: median(ms(floor.warm)),
    jsBeforeTreeGzipBytes: jsBeforeTree,
    apiBeforeTreeMedianMs: apiMs,
  };
  const rows: [string, string][] = [
    [
      'first meaningful render (median)',
      `${figures.firstRenderMedianMs} ms cold, ${figures.firstRenderWarmMedianMs} ms warm (target < 700 ms)`,
    ],
    row('cold cache', tab.cold),
    row('warm cache', tab.warm),
    row('floor, cold cache', floor.cold),
    row('floor, warm cache', floor.warm),
    [
      '  tab / floor (cold, warm)',
      `${ratio(figures.firstRenderMedianMs, figures.floorRenderMedianMs)}, ${ratio(figures.firstRenderWarmMedianMs, figures.floorRenderWarmMedianMs)} (target ≤ 1.3)`,
    ],
    ['  API answers before the tree (cold)', `${apiMs} ms (median; the floor fetches nothing)`],
    [
      '  JS loaded before the tree (cold)',
      `${(jsBeforeTree / 1024).toFixed(1)} KB gzip in ${scriptsBeforeTree} files (initial + chunks fetched at start)`,
    ],
  ];
  return { rows, figures };
}
