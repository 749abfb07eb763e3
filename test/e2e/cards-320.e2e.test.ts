import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import lightHostConfig from 'adaptivecards-designer/lib/hostConfigs/microsoft-teams-light.json';
import darkHostConfig from 'adaptivecards-designer/lib/hostConfigs/microsoft-teams-dark.json';
import { launchChromium } from '../../simulators/browser/chromium';
import { everyCard } from '../fixtures/cards';

// Every card the bot sends, rendered by the official `adaptivecards` renderer with Teams' light
// and dark host configs in headless Chromium at a phone's 320 px. Fails when the card or one of
// its action rows is wider than the screen, or a button sticks out of it.
jest.setTimeout(120_000);

const WIDTH = 320;
const RENDERER = path.join(__dirname, '../../node_modules/adaptivecards/dist/adaptivecards.js');
const SHOTS = path.join(__dirname, '../../test-output/screenshots/cards');
const HOSTS = { light: lightHostConfig, dark: darkHostConfig } as const;

/** What a rendered card measures, and what of it does not fit. */
interface Measured {
  readonly width: number;
  readonly scrollWidth: number;
  readonly height: number;
  readonly problems: string[];
}

let browser: Awaited<ReturnType<typeof launchChromium>> | undefined;
let page: Page;

beforeAll(async () => {
  browser = await launchChromium();
  page = await browser.context.newPage();
  await page.setViewportSize({ width: WIDTH, height: 800 });
  await page.setContent(
    '<!doctype html><html><head><meta name="viewport" content="width=device-width"></head>' +
      '<body style="margin:0"><div id="card" style="width:100%"></div></body></html>',
  );
  await page.addScriptTag({ path: RENDERER });
  fs.mkdirSync(SHOTS, { recursive: true });
});
afterAll(async () => {
  await browser?.close();
});

/** Renders `card` into #card with `hostConfig`; expands Action.ShowCard `expand` (by title). */
async function render(card: unknown, hostConfig: unknown, expand?: string): Promise<Measured> {
  return page.evaluate(
    ({ card, hostConfig, expand }) => {
      const AC = (window as unknown as { AdaptiveCards: typeof import('adaptivecards') })
        .AdaptiveCards;
      const target = document.getElementById('card') as HTMLElement;
      target.replaceChildren();
      const adaptive = new AC.AdaptiveCard();
      adaptive.hostConfig = new AC.HostConfig(hostConfig);
      adaptive.parse(card);
      const root = adaptive.render() as HTMLElement;
      const background = (hostConfig as { containerStyles: { default: { backgroundColor: string } } })
        .containerStyles.default.backgroundColor;
      document.body.style.background = background;
      target.appendChild(root);
      if (expand) {
        const button = [...root.querySelectorAll<HTMLElement>('button')].find(
          (b) => b.getAttribute('aria-label') === expand || b.textContent?.trim() === expand,
        );
        if (!button) return { width: 0, scrollWidth: 0, height: 0, problems: [`no ${expand}`] };
        button.click();
      }
      const problems: string[] = [];
      const box = root.getBoundingClientRect();
      if (root.scrollWidth > root.clientWidth)
        problems.push(`card needs ${root.scrollWidth} px of ${root.clientWidth}`);
      for (const row of root.querySelectorAll<HTMLElement>('.ac-actionSet')) {
        if (row.scrollWidth > row.clientWidth)
          problems.push(`action row needs ${row.scrollWidth} px of ${row.clientWidth}`);
        const rowBox = row.getBoundingClientRect();
        for (const button of row.querySelectorAll<HTMLElement>('button')) {
          if (button.offsetParent === null) continue; // hidden (a collapsed show card)
          const b = button.getBoundingClientRect();
          const name = button.getAttribute('aria-label') ?? button.textContent ?? '?';
          if (b.right > Math.min(rowBox.right, box.right) + 0.5 || b.left < box.left - 0.5)
            problems.push(`button "${name}" spans ${b.left}–${b.right} of 0–${box.right}`);
        }
      }
      return {
        width: root.clientWidth,
        scrollWidth: root.scrollWidth,
        height: Math.round(box.height),
        problems,
      };
    },
    { card, hostConfig, expand },
  );
}

const measures: Record<string, Omit<Measured, 'problems'>> = {};
afterAll(() => {
  fs.writeFileSync(path.join(SHOTS, 'measures.json'), `${JSON.stringify(measures, null, 2)}\n`);
});

describe.each(Object.entries(HOSTS))('Teams %s at 320 px', (theme, hostConfig) => {
  it.each(everyCard())('%s fits the screen, actions included', async (name, card) => {
    const measured = await render(card, hostConfig);
    await page.locator('#card').screenshot({ path: path.join(SHOTS, `${name}-${theme}.png`) });
    const { problems, ...size } = measured;
    measures[`${name}-${theme}`] = size;
    expect(problems).toEqual([]);
    expect(measured.width).toBe(WIDTH);
  });
});
