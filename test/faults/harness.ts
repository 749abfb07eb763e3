import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { randomUUID } from 'node:crypto';
import type { Database } from '@azure/cosmos';
import { seedDemoOrganization } from '../../bot/src/features/demo/seed-demo';
import { createStores, type OperationCounter } from '../../bot/src/store';
import { CONTAINERS, ensureSchema } from '../../bot/src/store/containers';
import { createCosmosClient } from '../../bot/src/store/cosmos-client';
import { EMBEDDED_KEY, startEmbeddedCosmos } from '../../bot/src/store/embedded/embedded-cosmos';
import { oldestDueDeliveryAgeMs } from '../../bot/src/store/delivery-backlog';
import { createHttpApp } from '../../bot/src/http/app';
import { apiV1Router } from '../../bot/src/http/api-v1';
import { adminApiRouter } from '../../bot/src/features/data-rights/routes';
import { vivaImportRouter } from '../../bot/src/features/viva-import/routes';
import { ingestRouter } from '../../bot/src/features/kpis/ingest-routes';
import { callerAuthentication } from '../../bot/src/http/caller-authentication';
import { createAdapter } from '../../bot/src/teams/adapter';
import { BearingBot } from '../../bot/src/teams/bearing-bot';
import { messagesRoute } from '../../bot/src/teams/messages-route';
import { sendCheckInsNow } from '../../bot/src/features/delivery/planner';
import type { TeamOwnerDirectory } from '../../bot/src/features/team/team-owners';
import { memoryLogger } from '../support/embedded-store';

/** What the fault proxy does with one Cosmos request (undefined: pass it through). */
export type CosmosFault = (
  req: http.IncomingMessage,
  body: string,
) =>
  | { kind: 'status'; status: number; retryAfterMs?: number }
  | { kind: 'forwardThenDrop' }
  | undefined;

/**
 * A loopback HTTP proxy in front of the embedded Cosmos server that can answer 429/503 itself or
 * forward a request and then drop the connection (the write applied, the caller never hears).
 */
async function startFaultProxy(target: string) {
  let fault: CosmosFault = () => undefined;
  const seen = { total: 0, injected: 0 };
  const upstream = new URL(target);
  const agent = new http.Agent({ keepAlive: true });
  const server = http.createServer((req, res) => {
    seen.total += 1;
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const f = fault(req, Buffer.concat(chunks).toString());
      if (f?.kind === 'status') {
        seen.injected += 1;
        res
          .writeHead(f.status, {
            'content-type': 'application/json',
            ...(f.retryAfterMs !== undefined
              ? { 'x-ms-retry-after-ms': String(f.retryAfterMs) }
              : {}),
            ...(f.status === 429 ? { 'x-ms-substatus': '3200' } : {}),
          })
          .end(
            JSON.stringify({ code: f.status === 429 ? 'TooManyRequests' : 'ServiceUnavailable' }),
          );
        return;
      }
      const forward = http.request(
        {
          host: upstream.hostname,
          port: upstream.port,
          method: req.method,
          path: req.url,
          headers: req.headers,
          agent,
        },
        (up) => {
          if (f?.kind === 'forwardThenDrop') {
            seen.injected += 1;
            up.resume();
            up.on('end', () => req.socket.destroy());
            return;
          }
          res.writeHead(up.statusCode ?? 502, up.headers);
          up.pipe(res);
        },
      );
      forward.on('error', () => res.destroy());
      forward.end(Buffer.concat(chunks));
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  return {
    endpoint: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    seen,
    setFault: (f: CosmosFault | undefined) => {
      fault = f ?? (() => undefined);
    },
    stop: async () => {
      server.closeAllConnections();
      await new Promise<void>((r) => server.close(() => r()));
      agent.destroy();
    },
  };
}

export interface HarnessOptions {
  /** Bot Framework auth (real token validation); without it, anonymous loopback (local mode). */
  readonly bot?: { appId: string; tenantId: string; openIdMetadataUrl: string };
  /** Tab SSO; without it every /api/v1 call is the local identity (Alex). */
  readonly sso?: { clientId: string; jwksUrl: string };
  /** Counts the server's store operations (the harness's own reads are never counted). */
  readonly counter?: OperationCounter;
  /** The server's clock (a test clock); real time by default. */
  readonly now?: () => Date;
  /** Who owns a team in Teams (a Graph directory); without it, as in local mode, nobody is looked up. */
  readonly teamOwners?: TeamOwnerDirectory;
}

/**
 * The server's HTTP app wired exactly as bot/src/server.ts wires it, but over an embedded Cosmos
 * reached through a fault proxy, with direct database access so tests can compare store contents.
 */
export async function startHarness(options: HarnessOptions = {}) {
  const embedded = await startEmbeddedCosmos();
  const proxy = await startFaultProxy(embedded.endpoint);
  const databaseId = `faults-${randomUUID()}`;
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
  const database = serverClient.database(databaseId);
  const logger = memoryLogger();
  const now = options.now ?? (() => new Date());
  const stores = {
    ...createStores(database, options.counter),
    database,
    probe: async () => {
      try {
        await database.read();
        return true;
      } catch {
        return false;
      }
    },
  };
  await seedDemoOrganization(stores as never, now(), logger);
  const adapter = createAdapter(
    {
      appId: options.bot?.appId,
      tenantId: options.bot?.tenantId,
      type: 'SingleTenant',
      password: options.bot ? 'not-a-real-secret' : undefined,
      openIdMetadataUrl: options.bot?.openIdMetadataUrl,
    },
    logger,
    { deliveries: stores.deliveries, now },
  );
  const bot = new BearingBot({
    stores,
    now,
    newId: () => randomUUID(),
    logger,
    tabBaseUrl: 'http://localhost/tab/',
    sendCheckInsNow: (tenantId, teamId) => sendCheckInsNow(stores, tenantId, teamId, now()),
    ...(options.teamOwners ? { teamOwners: options.teamOwners } : {}),
  });
  const app = createHttpApp({
    logger,
    storeProbe: stores.probe,
    backlogProbe: () => oldestDueDeliveryAgeMs(database, now()),
    messages: messagesRoute({ adapter, bot, localBotAuth: !options.bot, logger }),
    // As the server composes it: SSO tokens with `sso`, the local identity without.
    authenticate: callerAuthentication({ nodeEnv: 'test', sso: options.sso ?? { jwksUrl: '' } }),
    admin: adminApiRouter(stores, { checkInDays: 730, readingDays: 400 }, logger, now),
    imports: vivaImportRouter(stores, logger, now),
    api: apiV1Router(stores, now, randomUUID, logger),
    ingest: ingestRouter(stores, now),
  });
  const server = await new Promise<http.Server>((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
  });
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const direct = directClient.database(databaseId);
  return {
    url,
    /** The express app as mounted (its routers can be walked). */
    app,
    logs: logger.lines,
    proxy,
    stores,
    /** Every stored document of every container, sorted, without server-set fields. */
    contents: async (): Promise<string> => dumpDatabase(direct),
    stop: async () => {
      server.closeAllConnections();
      await new Promise<void>((r) => server.close(() => r()));
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

export { postJson } from '../support/in-process-server';
