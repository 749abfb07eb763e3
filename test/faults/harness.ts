import { randomUUID } from 'node:crypto';
import type { Database } from '@azure/cosmos';
import { composeServer } from '../../bot/src/compose';
import { loadConfig } from '../../bot/src/config';
import { seedDemoOrganization } from '../../bot/src/features/demo/seed-demo';
import { storesOver, type OperationCounter } from '../../bot/src/store';
import { CONTAINERS, ensureSchema } from '../../bot/src/store/containers';
import { createCosmosClient } from '../../bot/src/store/cosmos-client';
import { EMBEDDED_KEY, startEmbeddedCosmos } from '../../bot/src/store/embedded/embedded-cosmos';
import type { ProactiveSender } from '../../bot/src/features/common/delivery-ports';
import type { TeamOwnerDirectory } from '../../bot/src/features/team/team-owners';
import { TeamsProactiveSender } from '../../bot/src/teams/proactive-sender';
import { startFaultProxy } from '../../simulators/cosmos/fault-proxy';
import type { AdmissionLimits } from '../../bot/src/http/admission';
import { memoryLogger } from '../support/embedded-store';

export interface HarnessOptions {
  /** Bot Framework auth (real token validation); without it, anonymous loopback (local mode). */
  readonly bot?: { appId: string; tenantId: string; openIdMetadataUrl: string };
  /** Tab SSO; without it every /api/v1 call is the local identity (Alex). */
  readonly sso?: { clientId: string; jwksUrl: string };
  /** Counts the server's store operations (the harness's own reads are never counted). */
  readonly counter?: OperationCounter;
  /** The server's clock (a test clock); real time by default. */
  readonly now?: () => Date;
  /** Who owns a team in Teams (a Graph directory); without it nobody is looked up. */
  readonly teamOwners?: TeamOwnerDirectory;
  /** Proactive sends of the delivery worker; by default unauthenticated, loopback allowed. */
  readonly sender?: ProactiveSender;
  /** More settings, as environment variables (see bot/src/config.ts). */
  readonly env?: Readonly<Record<string, string>>;
  /** Admission limits of the bot endpoint (the server's own by default). */
  readonly botAdmission?: AdmissionLimits;
}

/**
 * The whole server as bot/src/server.ts composes it (bot/src/compose.ts: bot, delivery worker,
 * scheduler, HTTP app), but over an embedded Cosmos reached through a fault proxy, with direct
 * database access so tests can compare store contents. Jobs are off: tests tick `worker` themselves.
 */
export async function startHarness(options: HarnessOptions = {}) {
  const embedded = await startEmbeddedCosmos();
  const proxy = await startFaultProxy(embedded.endpoint);
  const databaseId = `faults-${randomUUID()}`;
  const config = loadConfig({
    NODE_ENV: 'test',
    PORT: '0',
    BEARING_JOBS: 'off',
    ...(options.bot
      ? {
          BOT_ID: options.bot.appId,
          BOT_TENANT_ID: options.bot.tenantId,
          BOT_TYPE: 'SingleTenant',
          BOT_PASSWORD: 'not-a-real-secret',
          BOT_OPENID_METADATA_URL: options.bot.openIdMetadataUrl,
        }
      : {}),
    ...(options.sso
      ? { AAD_APP_CLIENT_ID: options.sso.clientId, AAD_JWKS_URL: options.sso.jwksUrl }
      : {}),
    ...options.env,
  });
  // The test's own view of the data goes straight to the server, never through the faults.
  const directClient = createCosmosClient({
    endpoint: embedded.endpoint,
    key: EMBEDDED_KEY,
    embedded: true,
  });
  await ensureSchema(directClient, databaseId);
  const serverClient = createCosmosClient({
    endpoint: proxy.endpoint,
    key: EMBEDDED_KEY,
    embedded: true,
  });
  const logger = memoryLogger();
  const now = options.now ?? (() => new Date());
  const stores = storesOver(serverClient.database(databaseId), options.counter, config.retention);
  await seedDemoOrganization(stores, now(), logger);
  const composed = composeServer({
    config,
    stores,
    logger,
    now,
    // Never Graph or the Bot Framework token service on the internet.
    teamOwners: options.teamOwners ?? null,
    sender: options.sender ?? new TeamsProactiveSender(async () => undefined, true),
    ...(options.botAdmission ? { botAdmission: options.botAdmission } : {}),
  });
  const server = await composed.listen(0, '127.0.0.1');
  const direct = directClient.database(databaseId);
  return {
    url: server.url,
    /** The express app as mounted (its routers can be walked). */
    app: composed.app,
    /** The delivery worker as composed (ticked by the test). */
    worker: composed.worker,
    logs: logger.lines,
    proxy,
    stores,
    /** Every stored document of every container, sorted, without server-set fields. */
    contents: async (): Promise<string> => dumpDatabase(direct),
    stop: async () => {
      await server.stop();
      serverClient.dispose();
      directClient.dispose();
      await proxy.stop();
      await embedded.stop();
    },
  };
}

async function dumpDatabase(database: Database): Promise<string> {
  const out: string[] = [];
  for (const c of Object.values(CONTAINERS)) {
    const { resources } = await database.container(c.id).items.readAll().fetchAll();
    for (const r of resources) {
      const { _rid, _self, _etag, _attachments, _ts, ...doc } = r as Record<string, unknown>;
      void [_rid, _self, _etag, _attachments, _ts];
      out.push(`${c.id} ${JSON.stringify(doc)}`);
    }
  }
  return out.sort().join('\n');
}

export type Harness = Awaited<ReturnType<typeof startHarness>>;
