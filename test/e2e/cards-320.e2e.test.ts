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
  /** The visible buttons, by name. */
  readonly buttons: string[];
  readonly problems: string[];
}

let browser: Awaited<ReturnType<typeof launchChromium>> | undefined;
let page: Page;

beforeAll(async () => {
  browser = await launchChromium();
  page = await browser.context.newPage();
  await page.setViewportSize({ width: WIDTH, height: 800 });
  await page.setContent(fs.readFileSync(path.join(__dirname, 'support/card-host.html'), 'utf8'));
  await page.addScriptTag({ path: RENDERER });
  fs.mkdirSync(SHOTS, { recursive: true });
});
afterAll(async () => {
  await browser?.close();
});

type Host = {
  renderCard(card: unknown, hostConfig: unknown, expand?: string): Measured;
  clickCardButton(title: string): boolean;
  executed: { title: string; data: Record<string, unknown> }[];
};

/** Renders `card` with `hostConfig` (see support/card-host.html); clicks `expand` first. */
function render(card: unknown, hostConfig: unknown, expand?: string): Promise<Measured> {
  return page.evaluate(
    // Runs in the page: only its arguments and the page's globals are in scope.
    ({ card, hostConfig, expand }) =>
      (globalThis as unknown as Host).renderCard(card, hostConfig, expand),
    { card, hostConfig, expand },
  );
}

const measures: Record<string, Omit<Measured, 'problems' | 'buttons'>> = {};
afterAll(() => {
  fs.writeFileSync(path.join(SHOTS, 'measures.json'), `${JSON.stringify(measures, null, 2)}\n`);
});

describe.each(Object.entries(HOSTS))('Teams %s at 320 px', (theme, hostConfig) => {
  it.each(everyCard())('%s fits the screen, actions included', async (name, card) => {
    const measured = await render(card, hostConfig);
    await page.locator('#card').screenshot({ path: path.join(SHOTS, `${name}-${theme}.png`) });
    const { problems, buttons: _buttons, ...size } = measured;
    measures[`${name}-${theme}`] = size;
    expect(problems).toEqual([]);
    expect(measured.width).toBe(WIDTH);
  });
});
