import path from 'node:path';
import type { Server } from 'node:http';
import type { Config } from './config';
import type { Logger } from './observability/logger';
import { seedDemoOrganization } from './features/demo/seed-demo';
import { openStores } from './store';
import { createHttpApp } from './http/app';
import { apiV1Router } from './http/api-v1';
import { adminApiRouter } from './features/data-rights/routes';
import { vivaImportRouter } from './features/viva-import/routes';
import { ingestRouter } from './features/kpis/ingest-routes';
import { callerAuthentication } from './http/caller-authentication';
import { randomUUID } from 'node:crypto';
import { createAdapter } from './teams/adapter';
import { BearingBot } from './teams/bearing-bot';
import { messagesRoute } from './teams/messages-route';
import { TeamsProactiveSender } from './teams/proactive-sender';
import { GRAPH_AUDIENCE, createBotTokenProvider } from './teams/bot-token';
import { GraphTeamOwners } from './teams/graph-team-owners';
import { DeliveryWorker } from './features/delivery/delivery-worker';
import { DeliveryContentResolver } from './features/delivery/delivery-content';
import {
  SendRateLimiter,
  TEAMS_CONVERSATION_LIMITS,
  teamsTenantLimits,
} from './features/delivery/rate-limiter';
import { Scheduler } from './features/delivery/scheduler';
import { sendCheckInsNow } from './features/delivery/planner';
import { deactivateTeamMember, rememberConversation } from './features/team/installation';
import { oldestDueDeliveryAgeMs } from './store/delivery-backlog';

/** A running Bearing server. */
export interface RunningServer {
  readonly url: string;
  stop(): Promise<void>;
}

/** Composition root: config → clients → stores → use cases → http. Nothing else wires. */
export async function startServer(config: Config, logger: Logger): Promise<RunningServer> {
  // First, so an unsafe configuration refuses start-up before anything is opened.
  const authenticateCaller = callerAuthentication(config);
  const stores = await openStores({
    endpoint: config.cosmos.endpoint,
    key: config.cosmos.key,
    databaseId: config.cosmos.database,
    dataDir: path.resolve(config.dataDir),
    logger,
    retention: config.retention,
  });

  if (config.seedDemo) await seedDemoOrganization(stores, new Date(), logger);

  const botAuth = {
    appId: config.bot.id,
    tenantId: config.bot.tenantId,
    type: config.bot.type,
    password: config.bot.password,
    openIdMetadataUrl: config.bot.openIdMetadataUrl,
  };
  const now = () => new Date();
  const adapter = createAdapter(botAuth, logger, { deliveries: stores.deliveries, now });
  const checkInDeps = { stores, now, newId: () => randomUUID() };
  // "Open in Bearing" links: the deployed domain, or this machine in local mode.
  const tabBaseUrl = config.bot.domain
    ? `https://${config.bot.domain}/tab/`
    : `http://localhost:${config.port || 3978}/tab/`;
  const bot = new BearingBot({
    ...checkInDeps,
    logger,
    tabBaseUrl,
    sendCheckInsNow: (tenantId, teamId) => sendCheckInsNow(stores, tenantId, teamId, now()),
    // Teams team owners become owners in Bearing where TeamMember.Read.Group was granted.
    ...(config.bot.id
      ? { teamOwners: new GraphTeamOwners(createBotTokenProvider(botAuth, GRAPH_AUDIENCE), logger) }
      : {}),
  });
  const contents = new DeliveryContentResolver(checkInDeps, 5_000, tabBaseUrl);
  const worker = new DeliveryWorker({
    deliveries: stores.deliveries,
    sender: new TeamsProactiveSender(createBotTokenProvider(botAuth), config.localBotAuth),
    limiter: new SendRateLimiter(
      TEAMS_CONVERSATION_LIMITS,
      teamsTenantLimits(config.sendRatePerTenant),
    ),
    content: (job) => contents.contentFor(job),
    onConversationCreated: async (job, reference) => {
      if (job.userId)
        await rememberConversation(
          stores,
          job.tenantId,
          job.userId,
          reference,
          now().toISOString(),
        );
    },
    onRecipientGone: async (job) => {
      if (job.userId)
        await deactivateTeamMember(
          stores,
          job.tenantId,
          job.teamId,
          job.userId,
          now().toISOString(),
        );
    },
    now,
    logger,
    owner: `${process.pid}-${randomUUID()}`,
  });
  const scheduler = new Scheduler(stores, worker, logger, now);
  if (config.jobs) scheduler.start();

  const app = createHttpApp({
    logger,
    storeProbe: stores.probe,
    backlogProbe: () => oldestDueDeliveryAgeMs(stores.database, now()),
    messages: messagesRoute({ adapter, bot, localBotAuth: config.localBotAuth, logger }),
    authenticate: authenticateCaller,
    admin: adminApiRouter(stores, config.retention, logger, now),
    imports: vivaImportRouter(stores, logger, now),
    api: apiV1Router(stores, now, randomUUID, logger),
    ingest: ingestRouter(stores, now),
    tabDir: path.resolve(__dirname, '..', '..', 'tab', 'dist'),
    production: config.nodeEnv === 'production',
  });

  const server: Server = await new Promise((resolve) => {
    const s = app.listen(config.port, () => resolve(s));
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  logger.info('bearing is listening', { port, store: config.localStore ? 'embedded' : 'cosmos' });

  const stop = async () => {
    await scheduler.stop();
    const closed = new Promise<void>((resolve) => server.close(() => resolve()));
    server.closeAllConnections();
    await closed;
    await stores.close();
  };
  return { url: `http://127.0.0.1:${port}`, stop };
}
