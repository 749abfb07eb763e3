import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { REPO_ROOT } from '../../support/server-process';

/** The Agents Playground, started through scripts/playground.js like `npm run playground`. */
export async function startPlayground(): Promise<{ url: string; stop(): Promise<void> }> {
  const child: ChildProcess = spawn(
    process.execPath,
    [path.join(REPO_ROOT, 'scripts', 'playground.js')],
    {
      cwd: REPO_ROOT,
      env: { ...process.env, TEAMSAPPTESTER_BROWSER: 'none' },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let output = '';
  const port = await new Promise<number>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`Playground did not start:\n${output}`)),
      30_000,
    );
    const onData = (d: Buffer) => {
      output += d.toString();
      const m = /Listening on (\d+)/.exec(output);
      if (m) {
        clearTimeout(timer);
        resolve(Number(m[1]));
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', (code) => reject(new Error(`Playground exited (${code}):\n${output}`)));
  });
  return {
    url: `http://localhost:${port}`,
    stop: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

/** Page helpers for the Playground's chat UI. */
export class PlaygroundChat {
  constructor(private readonly page: Page) {}

  /** Types into the chat box (a contenteditable, unlike the cards' text inputs) and sends with Enter. */
  async send(text: string): Promise<void> {
    const box = this.page.locator('[contenteditable="true"][role="textbox"]').last();
    await box.click();
    await box.pressSequentially(text);
    await this.page.keyboard.press('Enter');
  }

  /** Waits until text matching `pattern` is visible in the conversation. */
  async waitForText(pattern: string | RegExp, timeout = 20_000): Promise<void> {
    await this.page.getByText(pattern).last().waitFor({ state: 'visible', timeout });
  }

  /** Fills the latest card's number input with this accessible name. */
  async fillNumber(name: string | RegExp, value: string): Promise<void> {
    await this.page.getByRole('spinbutton', { name }).last().fill(value);
  }

  /** Fills the latest card's text input with this accessible name. */
  async fillText(name: string | RegExp, value: string): Promise<void> {
    await this.page.getByRole('textbox', { name }).last().fill(value);
  }

  /** Clicks the latest card button with this title. */
  async click(title: string): Promise<void> {
    await this.page.getByRole('button', { name: title, exact: true }).last().click();
  }

  /** Picks `title` from the latest card's overflow menu ("More options": its secondary actions). */
  async clickInMenu(title: string): Promise<void> {
    await this.page.getByRole('button', { name: 'More options', exact: true }).last().click();
    await this.page.getByRole('menuitem', { name: title, exact: true }).click();
  }

  /** Opens a conversation from the Playground's list ("Personal Chat", "General", …). */
  async open(conversation: RegExp): Promise<void> {
    await this.page.getByRole('treeitem', { name: conversation }).click();
  }

  /** The log panel's entries whose link reads like `label` (e.g. "createConversation 201"). */
  logEntries(label: string): Locator {
    return this.page.getByText(label, { exact: true });
  }

  /** The request JSON the log panel shows for an entry (waits until it differs from `previous`). */
  async logRequest(entry: Locator, previous = ''): Promise<string> {
    await entry.click();
    const marker = 'Request\nResponse\n';
    const deadline = Date.now() + 5_000;
    for (;;) {
      const text = await this.page.locator('body').innerText();
      const at = text.lastIndexOf(marker);
      const request = at >= 0 ? text.slice(at + marker.length) : '';
      if ((request && request !== previous) || Date.now() > deadline) return request;
      await this.page.waitForTimeout(50);
    }
  }
}
