import { launchChromium } from './support/browser';
import { PlaygroundChat, startPlayground } from './support/playground';
import { startServer, waitForStatus, type ServerProcess } from '../support/server-process';
import { tempDir } from '../support/embedded-store';

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

it('checks in from the card, sees the summary, and keeps it across a server restart', async () => {
  const page = await browser!.context.newPage();
  await page.goto(playground!.url, { waitUntil: 'networkidle' });
  const chat = new PlaygroundChat(page);
  await chat.waitForText('Welcome to Bearing');

  await chat.send('check in');
  await chat.waitForText(/Weekly check-in ·/);
  await chat.fillNumber(/New value \(points\)/, '8.2');
  await chat.click('Submit');
  await chat.waitForText('7.6 points → 8.2 points (+0.6) · On track');

  const stopped = await server!.stop('SIGTERM');
  expect(stopped.code).toBe(0);
  server = await startBearing();

  await chat.send('my okrs');
  await chat.waitForText(/^8\.2 points → 8\.5 points · \d+% · On track$/);
});
