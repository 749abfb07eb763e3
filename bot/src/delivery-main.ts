import { boot, stopOnSignals } from './boot';

/**
 * The delivery process's entry point (forked by delivery-process.ts with DELIVERY_NODE_ARGS):
 * planning, KPI re-evaluation and proactive sends over the configured Cosmos DB, nothing else.
 * It ends with its parent: when the server's IPC channel closes, it stops as on SIGTERM.
 */
async function start(): Promise<void> {
  const booted = await boot();
  const { logger } = booted;
  let stop: () => Promise<void>;
  try {
    // Loaded after boot: telemetry has patched http and the Azure SDK by now (see boot.ts).
    const { openConfiguredStores } = await import('./store');
    const { composeDelivery } = await import('./compose');
    const { config } = booted;
    const stores = await openConfiguredStores(config, logger);
    const { scheduler } = composeDelivery({ config, stores, logger });
    scheduler.start();
    stop = async () => {
      await scheduler.stop();
      await stores.close();
    };
  } catch (error) {
    logger.error('delivery failed to start', { error: (error as Error).message });
    return booted.exit(1);
  }
  logger.info('delivery is running', { pid: process.pid });
  stopOnSignals(booted, stop);
  process.on('disconnect', () => process.kill(process.pid, 'SIGTERM'));
}

void start();
