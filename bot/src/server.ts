import type { Config } from './config';
import type { Logger } from './observability/logger';
import { seedDemoOrganization } from './features/demo';
import { openConfiguredStores } from './store';
import { composeServer, type ComposedServer } from './compose';
import { startDeliveryProcess } from './delivery-process';

/** A running Bearing server. */
export interface RunningServer {
  readonly url: string;
  stop(): Promise<void>;
}

/**
 * Opens the configured stores, composes the application over them (compose.ts) and listens. With
 * Cosmos DB, deliveries run in a process of their own (delivery-process.ts); the embedded store
 * lives in this process, so with it they run here.
 */
export async function startServer(config: Config, logger: Logger): Promise<RunningServer> {
  const stores = await openConfiguredStores(config, logger);
  let composed: ComposedServer;
  try {
    if (config.seedDemo) await seedDemoOrganization(stores, new Date(), logger);
    composed = composeServer({ config, stores, logger, runJobs: config.localStore });
  } catch (error) {
    // An unsafe configuration (ConfigError) or a failed seed: nothing is left open.
    await stores.close();
    throw error;
  }

  const listening = await composed.listen(config.port);
  const delivery = config.jobs && !config.localStore ? startDeliveryProcess(logger) : undefined;
  logger.info('bearing is listening', {
    port: listening.port,
    store: config.localStore ? 'embedded' : 'cosmos',
  });
  const stop = async () => {
    await Promise.all([listening.stop(), delivery?.stop()]);
    await stores.close();
  };
  return { url: listening.url, stop };
}
