import fs from 'node:fs';
import path from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { startInProcess } from '../support/in-process-server';
import { REPO_ROOT } from '../support/server-process';
import { launchChromium } from '../../simulators/browser/chromium';
import { fabrikamZip } from '../support/viva-fixtures';
import { buildTab, eventually, newPage, TAB_BUILD_TIMEOUT } from './support/tab-page';

// axe-core's WCAG 2.1 A and AA rules on every view of the built tab, in headless Chromium, in the
// three Teams themes (local mode, `?theme=`). axe is injected with `page.evaluate`, which the page's
// Content Security Policy does not govern, so the policy stays as strict as it is served.
const TEAM = '00000000-0000-0000-0000-000000000031';
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];
const THEMES = ['light', 'dark', 'contrast'] as const;
const AXE = fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
const SCREENSHOTS = path.join(REPO_ROOT, 'test-output', 'screenshots', 'tab');

interface View {
  readonly name: string;
  readonly query: string;
  readonly loaded: (p: Page) => Locator;
  readonly width?: number;
}
const VIEWS: View[] = [
  {
    name: 'alignment',
    query: `view=alignment&teamId=${TEAM}`,
    loaded: (p) => p.getByRole('list', { name: /^Alignment/ }),
  },
  {
    name: 'dashboard',
    query: `view=dashboard&teamId=${TEAM}`,
    loaded: (p) => p.getByRole('region', { name: 'KPIs' }).locator('svg').first(),
  },
  {
    name: 'manage',
    query: `view=manage&teamId=${TEAM}`,
    loaded: (p) => p.getByRole('heading', { name: 'Edit OKRs' }),
  },
  {
    name: 'close',
    query: `view=close&teamId=${TEAM}`,
    loaded: (p) => p.getByRole('heading', { name: /^Close / }),
  },
  {
    name: 'data',
    query: `view=data&teamId=${TEAM}`,
    loaded: (p) => p.getByRole('heading', { name: 'Import and export' }),
  },
  {
    name: 'personal',
    query: 'view=personal',
    loaded: (p) => p.getByRole('heading', { name: 'My OKRs' }),
  },
  {
    name: 'config',
    query: 'view=config',
    loaded: (p) => p.getByRole('combobox', { name: /Team/ }),
  },
  {
    name: 'viva import',
    query: 'view=import',
    loaded: (p) => p.getByLabel(/^Viva Goals export files/),
  },
  {
    name: 'meeting side panel',
    query: `view=meeting&teamId=${TEAM}`,
    loaded: (p) => p.getByRole('heading', { name: /^This week’s agenda/ }),
    width: 320,
  },
  {
    name: 'meeting stage',
    query: `view=stage&teamId=${TEAM}`,
    loaded: (p) => p.getByRole('region', { name: /^Blockers/ }),
    width: 1600,
  },
];

interface Violation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[] }[];
}

type Server = Awaited<ReturnType<typeof startInProcess>>;
let browser: Awaited<ReturnType<typeof launchChromium>>;
let server: Server;
let page: Page;
beforeAll(async () => {
  await buildTab();
  fs.mkdirSync(SCREENSHOTS, { recursive: true });
  browser = await launchChromium();
  server = await startInProcess({ BEARING_JOBS: 'off' });
  page = await newPage(browser.context, server.url);
}, TAB_BUILD_TIMEOUT);
afterAll(async () => {
  await page?.close();
  await server?.stop();
  await browser?.close();
});

/** axe's WCAG 2.1 A/AA violations on the page as it is now. */
async function violations(): Promise<string[]> {
  // Colours are judged as they end up: mid-fade (a dialog opening) they are still blending.
  const fading = `document.getAnimations().filter((a) => a.playState === 'running'
    && a.effect?.getTiming().iterations !== Infinity).length`;
  await eventually(async () => (await page.evaluate(fading)) === 0);
  await page.evaluate(AXE);
  const found = await page.evaluate(async (tags) => {
    const axe = (
      globalThis as unknown as {
        axe: { run(c: unknown, o: unknown): Promise<{ violations: Violation[] }> };
      }
    ).axe;
    // Filtered: Fluent's focus manager (tabster) puts invisible `<i tabindex="0" aria-hidden>`
    // "dummy inputs" at the edges of focus groups (the tab list's arrow-key group) to catch Tab
    // and move focus on; they are never read and pass focus straight through, but axe's
    // aria-hidden-focus rule sees a focusable aria-hidden element. Only those elements are left
    // out, and only by their tabster marker.
    const context = { include: [['body']], exclude: [['[data-tabster-dummy]']] };
    return (await axe.run(context, { runOnly: { type: 'tag', values: tags } })).violations;
  }, TAGS);
  return found.map(
    (v) =>
      `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
  );
}

async function open(view: View, theme: string): Promise<void> {
  await page.setViewportSize({ width: view.width ?? 1280, height: 1000 });
  await page.goto(`${server.url}/tab/?${view.query}&theme=${theme}`);
  await view.loaded(page).first().waitFor({ timeout: 20_000 });
  await eventually(async () => (await page.locator('[aria-busy="true"]').count()) === 0);
  await page.waitForLoadState('networkidle');
}

describe.each(THEMES)('every tab view in the %s theme', (theme) => {
  it.each(VIEWS)(
    '$name: no WCAG 2.1 A/AA violation, one h1 and one main landmark',
    async (view) => {
      await open(view, theme);
      expect(await violations()).toEqual([]);
      expect(await page.locator('h1').count()).toBe(1);
      expect(await page.getByRole('main').count()).toBe(1);
      // No browser margin framing the themed page.
      expect(await page.evaluate('getComputedStyle(document.body).margin')).toBe('0px');
    },
  );
});

// What opens on top of the views: the "More" menu at 320 px, a form, the confirmation dialog.
const OPENED: { name: string; view: string; width: number; act: (p: Page) => Promise<void> }[] = [
  {
    name: 'the More menu at 320 px',
    view: 'close',
    width: 320,
    act: async (p) => {
      await p.getByRole('button', { name: /^More \(\d\)$/ }).click();
      await p.getByRole('menuitem').first().waitFor();
    },
  },
  {
    name: 'a blank New objective form',
    view: 'manage',
    width: 1280,
    act: async (p) => {
      await p.getByRole('button', { name: 'New objective' }).click();
      await p.getByRole('form', { name: 'New objective' }).waitFor();
    },
  },
  {
    name: 'the archive confirmation',
    view: 'manage',
    width: 1280,
    act: async (p) => {
      await p
        .getByRole('button', { name: /^Archive / })
        .first()
        .click();
      await p.getByRole('alertdialog').waitFor();
    },
  },
  {
    name: 'the key result editor',
    view: 'manage',
    width: 1280,
    act: async (p) => {
      await p
        .getByRole('button', { name: /^Edit key result / })
        .first()
        .click();
      await p.getByRole('dialog', { name: 'Edit key result' }).waitFor();
    },
  },
];
// A key result's history opened in the alignment tree at 320 px, with its values table shown.
OPENED.push({
  name: 'a key result history at 320 px',
  view: 'alignment',
  width: 320,
  act: async (p) => {
    const toggle = p.getByRole('button', { name: /^History of / }).first();
    await toggle.click();
    const region = p.locator(`[id="${await toggle.getAttribute('aria-controls')}"]`);
    await region.getByRole('img', { name: /^Progress history of / }).waitFor({ timeout: 20_000 });
    await region.getByText('Show the values as a table').click();
    await region.getByRole('table').waitFor();
  },
});
// The import preview's tables and pickers (a dry run: nothing is written), wide and at 320 px.
const vivaPreview = async (p: Page) => {
  const buffer = await fabrikamZip();
  await p.getByLabel(/^Viva Goals export files/).setInputFiles({
    name: 'export.zip',
    mimeType: 'application/zip',
    buffer,
  });
  await p.getByRole('table', { name: 'People' }).waitFor({ timeout: 20_000 });
  await p
    .getByRole('button', { name: /^Change the member for / })
    .first()
    .click();
};
OPENED.push(
  { name: 'the Viva Goals import preview', view: 'viva import', width: 1280, act: vivaPreview },
  {
    name: 'the Viva Goals import preview at 320 px',
    view: 'viva import',
    width: 320,
    act: vivaPreview,
  },
);

describe.each(THEMES)('what opens on top of a view, in the %s theme', (theme) => {
  it.each(OPENED)('$name: no WCAG 2.1 A/AA violation', async (opened) => {
    const view = VIEWS.find((v) => v.name === opened.view)!;
    await open({ ...view, width: opened.width }, theme);
    await opened.act(page);
    expect(await violations()).toEqual([]);
  });
});

describe('the meeting stage on a shared screen', () => {
  it('sets every text, badges and meta lines included, at 16 px or more', async () => {
    await open(
      VIEWS.find((v) => v.name === 'meeting stage')!,
      'dark',
    );
    const small = await page.evaluate(`[...document.querySelectorAll('main *')]
      .filter((el) => [...el.childNodes].some((n) => n.nodeType === 3 && n.textContent.trim()))
      .map((el) => [el.textContent.trim().slice(0, 40), parseFloat(getComputedStyle(el).fontSize)])
      .filter(([, size]) => size < 16)`);
    expect(small).toEqual([]);
  });
});

describe('the dashboard in high contrast at 1280 px', () => {
  it('draws the KPI gauges in colours that differ from the background', async () => {
    await open(VIEWS[1]!, 'contrast');
    const colours = await page
      .getByRole('region', { name: 'KPIs' })
      .locator('svg')
      .first()
      .evaluate((svg) => {
        const style = (el: unknown) =>
          (
            globalThis as unknown as {
              getComputedStyle(e: unknown): {
                stroke: string;
                fill: string;
                backgroundColor: string;
              };
            }
          ).getComputedStyle(el);
        const q = (sel: string) =>
          (svg as unknown as { querySelector(s: string): unknown }).querySelector(sel);
        const provider = (svg as unknown as { closest(s: string): unknown }).closest(
          '.fui-FluentProvider',
        );
        const rects = (
          svg as unknown as { querySelectorAll(s: string): unknown[] }
        ).querySelectorAll('rect');
        return {
          background: style(provider).backgroundColor,
          track: style(rects[0]).stroke,
          needle: style(q('g > rect[rx="2"]')).fill,
        };
      });
    expect(colours.track).not.toBe(colours.background);
    expect(colours.needle).not.toBe(colours.background);
    await page.screenshot({
      path: path.join(SCREENSHOTS, 'dashboard-contrast-1280.png'),
      fullPage: true,
    });
  });
});
