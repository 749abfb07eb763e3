import { launchChromium } from '../../simulators/browser/chromium';
import { PlaygroundChat, startPlayground } from './support/playground';
import { startServer, waitForStatus, type ServerProcess } from '../support/server-process';
import { tempDir } from '../support/embedded-store';
import { DEMO_USERS } from '../../bot/src/features/demo/demo-organization';

// The real thing: the built server in local mode on :3978, the real Agents Playground, and
// Debian's Chromium clicking the card as Alex Wilber would.
jest.setTimeout(180_000);

const dataDir = tempDir('bearing-e2e-');
const env = { PORT: '3978', BEARING_DATA_DIR: dataDir, LOG_LEVEL: 'warn' };
let server: ServerProcess | undefined;
let playground: Awaited<ReturnType<typeof startPlayground>> | undefined;
let browser: Awaited<ReturnType<typeof launchChromium>> | undefined;

async function startBearing(): Promise<ServerProcess> {
  const s = await startServer(env, { fixedPort: true });
  expect(await waitForStatus(`${s.baseUrl}/healthz`, 200, 30_000)).toBe(200);
  return s;
}

beforeAll(async () => {
  server = await startBearing();
  [playground, browser] = await Promise.all([startPlayground(), launchChromium()]);
});
afterAll(async () => {
  await browser?.close();
  await playground?.stop();
  await server?.stop();
});

/** Polls `condition` until it holds or 20 s pass (the assertions after it say what was expected). */
async function until(condition: () => Promise<boolean>, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition()) && Date.now() < deadline)
    await new Promise((r) => setTimeout(r, 200));
}

const DEMO_USER_IDS = DEMO_USERS.map((u) => u.userId).sort();

/** Whose check-in cards the Playground received after log entry `from`, one id per card. */
async function checkInRecipients(chat: PlaygroundChat, from: number): Promise<string[]> {
  const entries = chat.logEntries('message 201');
  const recipients: string[] = [];
  let previous = '';
  for (let i = from; i < (await entries.count()); i += 1) {
    previous = await chat.logRequest(entries.nth(i), previous);
    const m = /"submissionId": "[^"]*:([0-9a-f-]+):checkIn"/.exec(previous);
    if (m) recipients.push(m[1] as string);
  }
  return recipients.sort();
}

it('installs into the team, and one "send check-ins" delivers each member’s card exactly once', async () => {
  const page = await browser!.context.newPage();
  await page.goto(playground!.url, { waitUntil: 'networkidle' });
  const chat = new PlaygroundChat(page);
  await chat.waitForText('Welcome to Bearing');

  // Adding Bearing to the team: welcome in the channel, roster read through the Connector API.
  await chat.open(/General/);
  await chat.waitForText(/Bearing is now part of My Team/);
  expect(await chat.logEntries('getConversationPagedMembers 200').count()).toBe(1);

  await chat.open(/Personal Chat/);
  const before = await chat.logEntries('message 201').count();
  await chat.send('send check-ins');
  await chat.waitForText("Starting this week's check-in for My Team: 6 cards are on their way.");
  await chat.waitForText(/Weekly check-in ·/);
  // Five members never wrote to the bot: the engine opens a 1:1 chat for each, once.
  await until(async () => (await chat.logEntries('createConversation 201').count()) >= 5);
  await until(async () => (await chat.logEntries('message 201').count()) >= before + 7);
  expect(await chat.logEntries('createConversation 201').count()).toBe(5);
  // Several worker ticks later nothing more has arrived.
  await page.waitForTimeout(5_000);
  expect(await chat.logEntries('message 201').count()).toBe(before + 7);
  expect(await checkInRecipients(chat, before)).toEqual(DEMO_USER_IDS);

  // Asking again (or the weekly schedule) sends nobody a second card.
  const again = await chat.logEntries('message 201').count();
  await chat.send('send check-ins');
  await chat.waitForText('6 members already have this week’s card.');
  await page.waitForTimeout(5_000);
  expect(await chat.logEntries('message 201').count()).toBe(again + 1);
  expect(await checkInRecipients(chat, again)).toEqual([]);
  expect(await chat.logEntries('createConversation 201').count()).toBe(5);
  await page.close();
});

it('checks in from the card, sees the summary, and keeps it across a server restart', async () => {
  const page = await browser!.context.newPage();
  await page.goto(playground!.url, { waitUntil: 'networkidle' });
  const chat = new PlaygroundChat(page);
  await chat.waitForText('Welcome to Bearing');

  await chat.send('check in');
  await chat.waitForText(/Weekly check-in ·/);
  await chat.fillNumber(/Now \(points\)/, '8.2');
  await chat.click('Submit');
  await chat.waitForText('7.6 points → 8.2 points (+0.6) · On track');

  const stopped = await server!.stop('SIGTERM');
  expect(stopped.code).toBe(0);
  server = await startBearing();

  await chat.send('my okrs');
  await chat.waitForText(/^8\.2 points → 8\.5 points · \d+% · On track$/);
});

it('a check-in with a blocker shows on the manager’s team status, with its age', async () => {
  const page = await browser!.context.newPage();
  await page.goto(playground!.url, { waitUntil: 'networkidle' });
  const chat = new PlaygroundChat(page);
  await chat.waitForText('Welcome to Bearing');

  await chat.send('check in');
  await chat.waitForText(/Weekly check-in ·/);
  await chat.fillNumber(/Now \(points\)/, '8.4');
  // The optional questions are folded away until asked for.
  await chat.click('Add notes (optional)');
  await chat.fillText(/What is blocking you\?/, 'Survey licence expired');
  await chat.click('Submit');
  await chat.waitForText(/8\.4 points/);

  // Alex owns the team: the status lists each member's open blockers, this one new this week.
  await chat.send('team status');
  await chat.waitForText(/blocker \(new this week\): Survey licence expired/);
  await page.close();
});

it('a reading that breaks the turnover range alerts its owner and the channel once; Draft corrective OKR works', async () => {
  const page = await browser!.context.newPage();
  await page.goto(playground!.url, { waitUntil: 'networkidle' });
  const chat = new PlaygroundChat(page);
  await chat.waitForText('Welcome to Bearing');
  await chat.open(/General/);

  // The HR pipeline: an ingestion key from the tab API (local mode: Alex, the team owner), then a reading.
  const team = '00000000-0000-0000-0000-000000000031';
  const keyRes = await fetch(`${server!.baseUrl}/api/v1/teams/${team}/ingestion-keys`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ name: 'HR system' }),
  });
  expect(keyRes.status).toBe(201);
  const { secret } = (await keyRes.json()) as { secret: string };
  const before = await chat.logEntries('message 201').count();
  const reading = await fetch(`${server!.baseUrl}/api/v1/kpis/kpi-turnover/readings`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${secret}` },
    body: JSON.stringify({ id: 'hr-e2e-1', value: 15.2, at: new Date().toISOString() }),
  });
  expect(reading.status).toBe(201);

  await chat.waitForText('KPI out of range · Voluntary turnover');
  await chat.waitForText('Now 15.2% · target ≤ 10%');
  await page.waitForTimeout(4_000); // several worker ticks: nothing more may arrive
  const requests: string[] = [];
  const entries = chat.logEntries('message 201');
  let previous = '';
  for (let i = before; i < (await entries.count()); i += 1) {
    previous = await chat.logRequest(entries.nth(i), previous);
    requests.push(previous);
  }
  const alerts = requests.filter((r) => r.includes('KPI out of range · Voluntary turnover'));
  // One to Megan (the owner, in her 1:1 chat) and one to the team channel.
  expect(alerts).toHaveLength(2);

  // Acknowledge and Snooze are the card's buttons; the rest are in its overflow menu.
  await chat.clickInMenu('Draft corrective OKR');
  await chat.waitForText(
    'Draft corrective OKR created: Bring Voluntary turnover back into range. Finish it in the tab.',
  );
  const view = await fetch(`${server!.baseUrl}/api/v1/teams/${team}/alignment`);
  const body = (await view.json()) as { objectives: { title: string; status: string }[] };
  expect(body.objectives).toContainEqual(
    expect.objectContaining({ title: 'Bring Voluntary turnover back into range', status: 'draft' }),
  );
  await page.close();
});
