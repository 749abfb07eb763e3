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
