import { boot, stopOnSignals } from './boot';
import type { RunningServer } from './server';

/** Process entry point: boot (config, telemetry, logger), start, and stop cleanly on signals. */
async function start(): Promise<void> {
  const booted = await boot();
  let running: RunningServer;
  try {
    // Loaded after boot: telemetry has patched http and the Azure SDK by now (see boot.ts).
    const { startServer } = await import('./server');
    running = await startServer(booted.config, booted.logger);
  } catch (error) {
    booted.logger.error('bearing failed to start', { error: (error as Error).message });
    return booted.exit(1);
  }
  stopOnSignals(booted, () => running.stop());
}

void start();
