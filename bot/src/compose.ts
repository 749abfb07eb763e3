import type { Server } from 'node:http';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import type { Express } from 'express';
import type { Config } from './config';
import type { Logger } from './observability/logger';
import type { ServerStores } from './store';
import { oldestDueDeliveryAgeMs } from './store/delivery-backlog';
import { createHttpApp } from './http/app';
import { admission, BOT_ADMISSION, type AdmissionLimits } from './http/admission';
import { apiV1Router } from './http/api-v1';
import { callerAuthentication } from './http/caller-authentication';
import { adminApiRouter } from './features/data-rights';
import { vivaImportRouter } from './features/viva-import';
import { ingestRouter } from './features/kpis';
import {
  type ProactiveSender,
  DeliveryWorker,
  DeliveryContentResolver,
  SendRateLimiter,
  TEAMS_CONVERSATION_LIMITS,
  teamsTenantLimits,
  Scheduler,
  sendCheckInsNow,
} from './features/delivery';
import {
  deactivateTeamMember,
  rememberConversation,
  type TeamOwnerDirectory,
} from './features/team';
import { tabLinker, type TabLink } from './features/common';
import { createAdapter } from './teams/adapter';
import { type BotAuthSettings, GRAPH_AUDIENCE, createBotTokenProvider } from './teams/bot-token';
import { BearingBot } from './teams/bearing-bot';
import { messagesRoute } from './teams/messages-route';
import { GraphTeamOwners } from './teams/graph-team-owners';
import { TeamsProactiveSender } from './teams/proactive-sender';

/** What the delivery engine is built from: everything with I/O or time comes from the caller. */
export interface DeliveryComposeOptions {
  readonly config: Config;
  /** Opened by the caller, who closes them (see server.ts). */
  readonly stores: ServerStores;
  readonly logger: Logger;
  /** The one clock of everything composed; real time by default. */
  readonly now?: () => Date;
  /** Ids of new records; random UUIDs by default. */
  readonly newId?: () => string;
  /** Proactive sends; by default the Bot Connector with the bot's own token. */
  readonly sender?: ProactiveSender;
  /** This instance's name on the delivery leases it takes; unique per process by default. */
  readonly workerId?: string;
  /** How long a delivery lease holds (the worker's default otherwise). */
  readonly leaseMs?: number;
}

/** The delivery engine: the worker that sends, the scheduler that plans and ticks it. */
export interface ComposedDelivery {
  readonly worker: DeliveryWorker;
  /** Not started: composeServer starts it (config.jobs) or the delivery process does. */
  readonly scheduler: Scheduler;
}

/** The bot's identity toward the Bot Connector and Microsoft Graph. */
function botAuthSettings(config: Config): BotAuthSettings {
  return {
    appId: config.bot.id,
    tenantId: config.bot.tenantId,
    type: config.bot.type,
    password: config.bot.password,
    openIdMetadataUrl: config.bot.openIdMetadataUrl,
  };
}

/** "Open in Bearing" links: Teams deep links to the app's tab, or this machine's tab locally. */
function tabLinkFor(config: Config): { readonly tabUrl: string; readonly tabLink: TabLink } {
  const tabUrl = config.bot.domain
    ? `https://${config.bot.domain}/tab/`
    : `http://localhost:${config.port || 3978}/tab/`;
  const tabLink = tabLinker({
    ...(config.teams.appId ? { teamsAppId: config.teams.appId } : {}),
    tabUrl,
  });
  return { tabUrl, tabLink };
}

/**
 * The delivery engine alone: planning, KPI re-evaluation and proactive sends. The delivery process
 * (delivery-main.ts) runs this; composeServer builds its worker and scheduler through it.
 */
export function composeDelivery(options: DeliveryComposeOptions): ComposedDelivery {
  const { config, stores, logger } = options;
  const now = options.now ?? (() => new Date());
  const newId = options.newId ?? (() => randomUUID());
  const { tabLink } = tabLinkFor(config);
  const contents = new DeliveryContentResolver({ stores, now, newId }, 5_000, tabLink);
  const worker = new DeliveryWorker({
    deliveries: stores.deliveries,
    sender:
      options.sender ??
      new TeamsProactiveSender(
        createBotTokenProvider(botAuthSettings(config)),
        config.localBotAuth,
      ),
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
    owner: options.workerId ?? `${process.pid}-${randomUUID()}`,
    ...(options.leaseMs ? { leaseMs: options.leaseMs } : {}),
  });
  return { worker, scheduler: new Scheduler(stores, worker, logger, now) };
}

/** What the composition root is given: everything with I/O or time comes from the caller. */
export interface ComposeOptions extends DeliveryComposeOptions {
  /**
   * Who owns a team in Teams. By default Microsoft Graph when a bot app id is configured and
   * nobody is looked up otherwise; `null` looks nobody up whatever the configuration.
   */
  readonly teamOwners?: TeamOwnerDirectory | null;
  /** Folder of the built tab; the repository's tab/dist by default. */
  readonly tabDir?: string;
  /** How many bot requests are handled at once and may wait (BOT_ADMISSION by default). */
  readonly botAdmission?: AdmissionLimits;
  /**
   * Whether this process runs the scheduler when `config.jobs` is on (true by default); the
   * server passes false when its delivery process runs it (server.ts).
   */
  readonly runJobs?: boolean;
}

/** The composed server listening on a port. */
export interface ListeningServer {
  /** `http://127.0.0.1:<port>`. */
  readonly url: string;
  readonly port: number;
  /** Stops the scheduler, then closes the listener and its connections (not the stores). */
  stop(): Promise<void>;
}

/** The composed server, not yet listening. */
export interface ComposedServer {
  /** The one HTTP app: bot endpoint, /api/v1 (admin and ingestion included), tab, health. */
  readonly app: Express;
  readonly bot: BearingBot;
  readonly worker: DeliveryWorker;
  /** Started when `config.jobs` is on, unless `runJobs` is false. */
  readonly scheduler: Scheduler;
  /** Stops the scheduler (the caller closes its stores). */
  close(): Promise<void>;
  /** Listens on `port` (0: any free one), on every interface unless `host` is given. */
  listen(port: number, host?: string): Promise<ListeningServer>;
}

/**
 * The composition root: config, stores and clock → bot, delivery engine, scheduler, HTTP app.
 * The server, the test harnesses and the benchmarks all build the application here, and nowhere
 * else. Throws ConfigError for a configuration that must not serve (production without SSO).
 */
export function composeServer(options: ComposeOptions): ComposedServer {
  const { config, stores, logger } = options;
  // First: an unsafe configuration refuses to compose before anything else is built.
  const authenticate = callerAuthentication(config);
  const now = options.now ?? (() => new Date());
  const newId = options.newId ?? (() => randomUUID());
  const botAuth = botAuthSettings(config);
  const adapter = createAdapter(botAuth, logger, { deliveries: stores.deliveries, now });
  const checkInDeps = { stores, now, newId };
  const { tabUrl, tabLink } = tabLinkFor(config);
  const teamOwners =
    options.teamOwners === undefined
      ? config.bot.id
        ? // Teams team owners become owners in Bearing where TeamMember.Read.Group was granted.
          new GraphTeamOwners(createBotTokenProvider(botAuth, GRAPH_AUDIENCE), logger)
        : undefined
      : (options.teamOwners ?? undefined);
  const bot = new BearingBot({
    ...checkInDeps,
    logger,
    tabLink,
    tabUrl,
    sendCheckInsNow: (tenantId, teamId) => sendCheckInsNow(stores, tenantId, teamId, now()),
    ...(teamOwners ? { teamOwners } : {}),
  });

  const { worker, scheduler } = composeDelivery({ ...options, now, newId });

  const app = createHttpApp({
    logger,
    storeProbe: stores.probe,
    backlogProbe: () => oldestDueDeliveryAgeMs(stores.database, now()),
    messages: messagesRoute({ adapter, bot, localBotAuth: config.localBotAuth, logger }),
    messagesAdmission: admission(options.botAdmission ?? BOT_ADMISSION, logger),
    authenticate,
    admin: adminApiRouter(stores, config.retention, logger, now),
    imports: vivaImportRouter(stores, logger, now),
    api: apiV1Router(stores, now, newId, logger),
    ingest: ingestRouter(stores, now),
    tabDir: options.tabDir ?? path.resolve(__dirname, '..', '..', 'tab', 'dist'),
    production: config.nodeEnv === 'production',
  });

  if (config.jobs && options.runJobs !== false) scheduler.start();
  const close = () => scheduler.stop();
  const listen = async (port: number, host?: string): Promise<ListeningServer> => {
    const server: Server = await new Promise((resolve) => {
      const s = host
        ? app.listen(port, host, () => resolve(s))
        : app.listen(port, () => resolve(s));
    });
    const address = server.address();
    const bound = typeof address === 'object' && address ? address.port : port;
    return {
      url: `http://127.0.0.1:${bound}`,
      port: bound,
      stop: async () => {
        await close();
        const closed = new Promise<void>((resolve) => server.close(() => resolve()));
        server.closeAllConnections();
        await closed;
      },
    };
  };
  return { app, bot, worker, scheduler, close, listen };
}
