import type { Page } from 'playwright-core';
import { startInProcess } from '../support/in-process-server';
import { fabrikamZip, fileOf } from '../support/viva-fixtures';
import { launchChromium } from '../../simulators/browser/chromium';
import { buildTab, newPage, TAB_BUILD_TIMEOUT, type WatchedPage } from './support/tab-page';

// After moving in from Viva Goals (the small Fabrikam organisation JSON zip, imported through the
// HTTP API as an admin in local mode), the built tab in headless Chromium shows the imported tree
// of the demo team: the annual objective "Grow the platform business" (FY2026) → the quarterly
// "Make onboarding delightful" (FY2026 Q2) → its key results, picked in the cycle picker; and the
// history charts drawn from the imported check-ins (Weekly active teams: 140 in 2025-W45, the
// last of three check-ins that week, then 150 in 2025-W46), behind the key result's History
// disclosure in the alignment view and on the dashboard.
const TEAM = '00000000-0000-0000-0000-000000000031';
const TREE = 'Alignment: company objectives, team objectives and key results';

let browser: Awaited<ReturnType<typeof launchChromium>>;
let server: Awaited<ReturnType<typeof startInProcess>>;
let page: WatchedPage;

beforeAll(async () => {
  await buildTab();
  browser = await launchChromium();
  server = await startInProcess({ BEARING_JOBS: 'off' });
  const res = await fetch(`${server.url}/api/v1/admin/import/viva-goals/apply`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ files: [fileOf('fabrikam.zip', await fabrikamZip())] }),
  });
  expect(res.status).toBe(200);
  expect(((await res.json()) as { counts: { checkIns: number } }).counts.checkIns).toBe(7);
  page = await newPage(browser.context, server.url);
}, TAB_BUILD_TIMEOUT);
afterAll(async () => {
  await page?.close();
  await server?.stop();
  await browser?.close();
});

const cyclePicker = (p: Page) => p.getByRole('combobox', { name: 'Cycle' });
const optionValues = (p: Page) =>
  cyclePicker(p).evaluate((el) =>
    Array.from((el as unknown as { options: { value: string }[] }).options, (o) => o.value),
  );

it('shows annual objective → quarterly objectives → key results, with imported history', async () => {
  await page.goto(`${server.url}/tab/?view=alignment&teamId=${TEAM}`);
  await page.getByRole('list', { name: TREE }).waitFor({ timeout: 20_000 });

  // The picker offers fiscal years and the quarters of the year shown; FY2026 is the year before.
  expect(await optionValues(page)).toContain('FY2026');
  await cyclePicker(page).selectOption('FY2026');
  await page.getByText('Cycle FY2026', { exact: true }).waitFor();
  expect(await optionValues(page)).toEqual(
    expect.arrayContaining(['FY2026', 'FY2026-Q1', 'FY2026-Q2', 'FY2026-Q3', 'FY2026-Q4']),
  );
  await page.getByRole('heading', { name: 'Grow the platform business' }).waitFor();

  await cyclePicker(page).selectOption('FY2026-Q2');
  await page.getByText('Cycle FY2026 Q2', { exact: true }).waitFor();
  // The annual objective, with its badge, holds the quarter's objective and its key results.
  const annualHeading = page.getByRole('heading', { name: 'Grow the platform business' });
  await annualHeading.waitFor();
  const annual = page
    .locator('div')
    .filter({ has: annualHeading })
    .filter({ has: page.getByRole('heading', { name: 'Make onboarding delightful' }) })
    .last();
  await annual.getByText('Annual FY2026', { exact: true }).first().waitFor();
  await annual.getByText('Revenue from the platform').waitFor();
  const quarterly = annual
    .locator('div')
    .filter({ has: page.getByRole('heading', { name: 'Make onboarding delightful' }) })
    .last();
  await quarterly.getByText('Weekly active teams').waitFor();
  await quarterly.getByText('Launch the welcome tour').waitFor();
  expect(await quarterly.getByText('Annual FY2026', { exact: true }).count()).toBe(0);

  // In the alignment view itself, the key result's History disclosure charts its check-ins.
  const history = quarterly.getByRole('button', { name: 'History of Weekly active teams' });
  expect(await history.getAttribute('aria-expanded')).toBe('false');
  await history.click();
  expect(await history.getAttribute('aria-expanded')).toBe('true');
  const inTree = quarterly.getByRole('img', { name: /^Progress history of Weekly active teams/ });
  await inTree.waitFor({ timeout: 20_000 });
  const treeLabel = (await inTree.getAttribute('aria-label')) ?? '';
  expect(treeLabel).toMatch(/140/);
  expect(treeLabel).toMatch(/150/);
  expect(await inTree.locator('circle').count()).toBe(2);

  // The dashboard follows the picked quarter and charts the imported check-ins.
  await page.getByRole('tab', { name: 'Dashboard' }).click();
  const chart = page.getByRole('img', { name: /^Progress history of Weekly active teams/ });
  await chart.waitFor({ timeout: 20_000 });
  const label = (await chart.getAttribute('aria-label')) ?? '';
  expect(label).toMatch(/140/);
  expect(label).toMatch(/150/);
  expect(await chart.locator('circle').count()).toBe(2);
  expect(page.errors).toEqual([]);
  expect(page.consoleErrors).toEqual([]);
}, 120_000);
