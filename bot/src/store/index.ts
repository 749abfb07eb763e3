import path from 'node:path';
import type { Database } from '@azure/cosmos';
import type {
  CheckInStore,
  KpiStore,
  OkrStore,
  OrganizationStore,
  TeamStore,
  UserStore,
  DeliveryJobStore,
} from '../features/common';
import type { Config } from '../config';
import type { Logger } from '../observability/logger';
import { CosmosCheckInStore } from './checkin-store';
import { CONTAINERS, ensureSchema, verifySchema } from './containers';
import { CosmosDataRightsStore } from './data-rights-store';
import type { DataRightsStore, RetentionPolicy } from '../features/data-rights';
import { createCosmosClient } from './cosmos-client';
import { DocumentCollection } from './documents';
import { EMBEDDED_KEY, startEmbeddedCosmos } from './embedded/embedded-cosmos';
import type { Journal } from './embedded/journal';
import { restoreLocalData, SnapshotWriter } from './embedded/persistence';
import { CosmosKpiStore } from './kpi-store';
import { CosmosOkrStore } from './okr-store';
import type { OperationCounter } from './op-counter';
import { CosmosImportStore, CosmosTeamStore } from './team-store';
import { CosmosUserStore } from './user-store';
import { CosmosDeliveryJobStore } from './delivery-store';
import { CosmosOpenItemStore } from './open-item-store';
import type { OpenItemStore } from '../features/open-items';
import type { ImportDocumentStore } from '../features/viva-import';

export { OperationCounter } from './op-counter';
export { CONTAINERS } from './containers';

/** Every store the use cases need, plus lifecycle. */
export interface Stores {
  readonly organizations: OrganizationStore;
  readonly teams: TeamStore;
  readonly okrs: OkrStore;
  readonly checkIns: CheckInStore;
  readonly kpis: KpiStore;
  readonly users: UserStore;
  readonly dataRights: DataRightsStore;
  readonly deliveries: DeliveryJobStore;
  readonly openItems: OpenItemStore;
  /** The Viva import's team links (moving an imported team's items). */
  readonly imports: ImportDocumentStore;
  readonly database: Database;
  /** True when the store answers (used by /readyz). */
  probe(): Promise<boolean>;
  /** Writes pending local data (embedded mode) without stopping. */
  flush(): Promise<void>;
  /** Flushes and releases everything. */
  close(): Promise<void>;
}

/** The stores the application is composed from: every store, without the lifecycle. */
export type ServerStores = Omit<Stores, 'flush' | 'close'>;

export interface OpenStoresOptions {
  /** Cosmos account endpoint; unset starts the embedded server with data kept in `dataDir`. */
  readonly endpoint?: string;
  readonly key?: string;
  /** False for an emulator reached over plain HTTP (it advertises endpoints we cannot use). */
  readonly endpointDiscovery?: boolean;
  readonly databaseId: string;
  readonly dataDir: string;
  readonly logger: Logger;
  readonly counter?: OperationCounter;
  /** Retention stamped as per-item TTL on check-ins and readings; unset keeps the defaults. */
  readonly retention?: RetentionPolicy;
  /** Snapshot interval of the embedded store (ms). */
  readonly snapshotIntervalMs?: number;
}

/** Wires the Cosmos implementations of the ports (the store's composition root). */
export function createStores(
  database: Database,
  counter?: OperationCounter,
  retention?: RetentionPolicy,
) {
  const docs = (id: string) => new DocumentCollection(database.container(id), counter);
  const teamDocs = docs(CONTAINERS.teams.id);
  const userDocs = docs(CONTAINERS.users.id);
  const readingDocs = docs(CONTAINERS.readings.id);
  const deliveryDocs = docs(CONTAINERS.deliveries.id);
  const team = new CosmosTeamStore(teamDocs);
  const DAY = 24 * 3600;
  // 0 days = keep: no ttl on check-ins; -1 on readings overrides the container default.
  const checkInTtl = retention?.checkInDays ? retention.checkInDays * DAY : undefined;
  const readingTtl = retention
    ? retention.readingDays
      ? retention.readingDays * DAY
      : -1
    : undefined;
  return {
    organizations: team,
    teams: team,
    okrs: new CosmosOkrStore(teamDocs),
    checkIns: new CosmosCheckInStore(teamDocs, checkInTtl),
    kpis: new CosmosKpiStore(teamDocs, readingDocs, readingTtl),
    users: new CosmosUserStore(userDocs),
    dataRights: new CosmosDataRightsStore(database, {
      teams: teamDocs,
      users: userDocs,
      readings: readingDocs,
      deliveries: deliveryDocs,
    }),
    deliveries: new CosmosDeliveryJobStore(deliveryDocs, teamDocs),
    openItems: new CosmosOpenItemStore(teamDocs),
    imports: new CosmosImportStore(teamDocs),
  };
}

/** Every store over `database`, with its probe; whoever made the client releases it. */
export function storesOver(
  database: Database,
  counter?: OperationCounter,
  retention?: RetentionPolicy,
): ServerStores {
  return {
    ...createStores(database, counter, retention),
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
}

/** Opens the stores `config` names: what the server (server.ts) and its delivery process share. */
export function openConfiguredStores(config: Config, logger: Logger): Promise<Stores> {
  return openStores({
    endpoint: config.cosmos.endpoint,
    key: config.cosmos.key,
    databaseId: config.cosmos.database,
    dataDir: path.resolve(config.dataDir),
    logger,
    retention: config.retention,
  });
}

/** Opens the store: the configured Cosmos account, or the embedded one with local persistence. */
export async function openStores(options: OpenStoresOptions): Promise<Stores> {
  const embedded = options.endpoint ? undefined : await startEmbeddedCosmos();
  const client = createCosmosClient(
    embedded
      ? { endpoint: embedded.endpoint, key: EMBEDDED_KEY, embedded: true }
      : {
          endpoint: options.endpoint as string,
          key: options.key,
          // Plain HTTP is only ever a local emulator: discovery would switch it to HTTPS.
          embedded: options.endpointDiscovery === false || options.endpoint?.startsWith('http://'),
        },
  );
  // Azure (managed identity, local auth disabled): Bicep owns the schema and data-plane RBAC cannot
  // create containers, so only check it. Embedded server and key-based emulators: create it.
  const database =
    embedded || options.key
      ? await ensureSchema(client, options.databaseId)
      : await verifySchema(client, options.databaseId);
  let writer: SnapshotWriter | undefined;
  let journal: Journal | undefined;
  if (embedded) {
    const dataDir = path.resolve(options.dataDir);
    journal = await restoreLocalData(embedded, database, dataDir, options.logger);
    writer = new SnapshotWriter(
      embedded,
      database,
      journal,
      dataDir,
      options.logger,
      options.snapshotIntervalMs,
    );
    writer.start();
  }
  return {
    ...storesOver(database, options.counter, options.retention),
    flush: async () => writer?.flush(),
    close: async () => {
      await writer?.stop();
      client.dispose();
      await embedded?.stop();
      await journal?.close();
    },
  };
}
