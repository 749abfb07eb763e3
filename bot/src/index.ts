import path from 'node:path';
import type { Server } from 'node:http';
import { ConfigError, loadConfig, type Config } from './config';
import { createLogger, type Logger } from './observability/logger';
import { seedDemoOrganization } from './app/seed-demo';
import { DEMO_TENANT_ID, DEMO_USERS } from './app/demo-organization';
import { openStores } from './store';
import { createHttpApp } from './http/app';
import { apiV1Router } from './http/api-v1';
import { authenticate } from './http/identity';
import { messagesPlaceholder } from './http/messages-placeholder';

/** Composition root: config → clients → stores → use cases → http. Nothing else wires. */
async function main(config: Config, logger: Logger): Promise<() => Promise<void>> {
  const stores = await openStores({
    endpoint: config.cosmos.endpoint,
    key: config.cosmos.key,
    databaseId: config.cosmos.database,
    dataDir: path.resolve(config.dataDir),
    logger,
  });

  if (config.seedDemo) await seedDemoOrganization(stores, new Date(), logger);

  const localIdentity = config.sso.clientId
    ? undefined
    : {
        tenantId: DEMO_TENANT_ID,
        userId: DEMO_USERS[0].userId,
        name: DEMO_USERS[0].name,
        source: 'local' as const,
      };
  const app = createHttpApp({
    logger,
    storeProbe: stores.probe,
    messages: messagesPlaceholder(config.localBotAuth),
    // SSO token validation arrives with the tab; until then only the local identity is accepted.
    authenticate: authenticate({ localIdentity, resolve: async () => undefined }),
    api: apiV1Router(stores),
    tabDir: path.resolve(__dirname, '..', '..', 'tab', 'dist'),
  });

  const server: Server = await new Promise((resolve) => {
    const s = app.listen(config.port, () => resolve(s));
  });
  const address = server.address();
  logger.info('bearing is listening', {
    port: typeof address === 'object' && address ? address.port : config.port,
    store: config.localStore ? 'embedded' : 'cosmos',
  });

  return async () => {
    const closed = new Promise<void>((resolve) => server.close(() => resolve()));
    server.closeAllConnections();
    await closed;
    await stores.close();
  };
}

function start(): void {
  let config: Config;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\n`);
      process.exit(78); // EX_CONFIG
    }
    throw error;
  }
  const logger = createLogger(config.logLevel);
  let stopping = false;
  main(config, logger).then(
    (stop) => {
      const shutdown = (signal: string) => {
        if (stopping) return;
        stopping = true;
        logger.info('shutting down', { signal });
        stop().then(
          () => process.exit(0),
          (error: unknown) => {
            logger.error('shutdown failed', { error: (error as Error).name });
            process.exit(1);
          },
        );
      };
      process.on('SIGTERM', () => shutdown('SIGTERM'));
      process.on('SIGINT', () => shutdown('SIGINT'));
    },
    (error: unknown) => {
      logger.error('bearing failed to start', { error: (error as Error).message });
      process.exit(1);
    },
  );
}

start();
