import path from 'node:path';
import type { Config } from './config';
import type { Logger } from './observability/logger';
import { seedDemoOrganization } from './features/demo';
import { openStores } from './store';
import { composeServer, type ComposedServer } from './compose';

/** A running Bearing server. */
export interface RunningServer {
  readonly url: string;
  stop(): Promise<void>;
}

/** Opens the configured stores, composes the application over them (compose.ts) and listens. */
export async function startServer(config: Config, logger: Logger): Promise<RunningServer> {
  const stores = await openStores({
    endpoint: config.cosmos.endpoint,
    key: config.cosmos.key,
    databaseId: config.cosmos.database,
    dataDir: path.resolve(config.dataDir),
    logger,
    retention: config.retention,
  });
  let composed: ComposedServer;
  try {
    if (config.seedDemo) await seedDemoOrganization(stores, new Date(), logger);
    composed = composeServer({ config, stores, logger });
  } catch (error) {
    // An unsafe configuration (ConfigError) or a failed seed: nothing is left open.
    await stores.close();
    throw error;
  }

  const listening = await composed.listen(config.port);
  logger.info('bearing is listening', {
    port: listening.port,
    store: config.localStore ? 'embedded' : 'cosmos',
  });
  const stop = async () => {
    await listening.stop();
    await stores.close();
  };
  return { url: listening.url, stop };
}
