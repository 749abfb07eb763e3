import { loadConfig } from '../../bot/src/config';
import { startServer, type RunningServer } from '../../bot/src/server';
import { memoryLogger, tempDir } from './embedded-store';

/** Starts the whole server in this process (embedded store, demo data) on a free port. */
export async function startInProcess(
  env: Record<string, string> = {},
): Promise<RunningServer & { logs: string[] }> {
  const logger = memoryLogger();
  const config = loadConfig({
    PORT: '0',
    BEARING_DATA_DIR: tempDir('bearing-bot-'),
    NODE_ENV: 'test',
    ...env,
  });
  const server = await startServer(config, logger);
  return { ...server, logs: logger.lines };
}

/** POSTs JSON and returns status and parsed body. */
export async function postJson(url: string, body: unknown, headers: Record<string, string> = {}) {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });
  const text = await res.text();
  let json: unknown;
  try {
    json = text ? JSON.parse(text) : undefined;
  } catch {
    json = text;
  }
  return { status: res.status, body: json as Record<string, unknown> | undefined, text };
}
