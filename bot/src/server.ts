import path from 'node:path';
import type { Server } from 'node:http';
import type { Config } from './config';
import type { Logger } from './observability/logger';
import { seedDemoOrganization } from './app/seed-demo';
import { DEMO_TENANT_ID, DEMO_USERS } from './app/demo-organization';
import { openStores } from './store';
import { createHttpApp } from './http/app';
import { apiV1Router } from './http/api-v1';
import { authenticate } from './http/identity';
import { randomUUID } from 'node:crypto';
import { createAdapter } from './teams/adapter';
import { BearingBot } from './teams/bearing-bot';
import { messagesRoute } from './teams/messages-route';

/** A running Bearing server. */
export interface RunningServer {
  readonly url: string;
  stop(): Promise<void>;
}

/** Composition root: config → clients → stores → use cases → http. Nothing else wires. */
export async function startServer(config: Config, logger: Logger): Promise<RunningServer> {
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
    messages: messagesRoute({
      adapter: createAdapter(
        {
          appId: config.bot.id,
          tenantId: config.bot.tenantId,
          type: config.bot.type,
          password: config.bot.password,
          openIdMetadataUrl: config.bot.openIdMetadataUrl,
        },
        logger,
      ),
      bot: new BearingBot({ stores, logger, now: () => new Date(), newId: () => randomUUID() }),
      localBotAuth: config.localBotAuth,
      logger,
    }),
    // SSO token validation arrives with the tab; until then only the local identity is accepted.
    authenticate: authenticate({ localIdentity, resolve: async () => undefined }),
    api: apiV1Router(stores),
    tabDir: path.resolve(__dirname, '..', '..', 'tab', 'dist'),
  });

  const server: Server = await new Promise((resolve) => {
    const s = app.listen(config.port, () => resolve(s));
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  logger.info('bearing is listening', { port, store: config.localStore ? 'embedded' : 'cosmos' });

  const stop = async () => {
    const closed = new Promise<void>((resolve) => server.close(() => resolve()));
    server.closeAllConnections();
    await closed;
    await stores.close();
  };
  return { url: `http://127.0.0.1:${port}`, stop };
}
