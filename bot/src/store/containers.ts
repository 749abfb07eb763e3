import type { CosmosClient, Database } from '@azure/cosmos';

/** Container definitions; `docs/data-model.md` explains each choice. */
export const CONTAINERS = {
  /** TTL on, no default (-1): only check-ins carry a `ttl` (retention); the rest never expires. */
  teams: { id: 'teams', partitionKey: '/pk', defaultTtl: -1 },
  users: { id: 'users', partitionKey: '/pk' },
  /** KPI readings expire after ~400 days (real Cosmos enforces TTL; the embedded server does not). */
  readings: { id: 'readings', partitionKey: '/pk', defaultTtl: 400 * 24 * 3600 },
  /** Delivery jobs and leases of the weekly send; kept 90 days for the team status and audits. */
  deliveries: { id: 'deliveries', partitionKey: '/pk', defaultTtl: 90 * 24 * 3600 },
} as const;

export type ContainerName = keyof typeof CONTAINERS;

/** Creates the database and containers when missing (idempotent; safe to run on every start). */
export async function ensureSchema(client: CosmosClient, databaseId: string): Promise<Database> {
  const { database } = await client.databases.createIfNotExists({ id: databaseId });
  for (const def of Object.values(CONTAINERS)) {
    await database.containers.createIfNotExists({
      id: def.id,
      partitionKey: { paths: [def.partitionKey] },
      ...('defaultTtl' in def ? { defaultTtl: def.defaultTtl } : {}),
    });
  }
  return database;
}

/** Raised at start when the Azure database lacks what infra/ should have created. */
export class SchemaMissingError extends Error {
  constructor(readonly missing: readonly string[]) {
    super(
      `Cosmos DB is missing ${missing.join(', ')}: deploy infra/azure.bicep (it creates the ` +
        'database and containers; the app cannot, because local auth is disabled)',
    );
    this.name = 'SchemaMissingError';
  }
}

/**
 * Checks that the database and every container exist, creating nothing (Azure mode: data-plane
 * RBAC has no right to create containers). Throws SchemaMissingError naming what is missing.
 */
export async function verifySchema(client: CosmosClient, databaseId: string): Promise<Database> {
  const database = client.database(databaseId);
  const missing: string[] = [];
  const exists = async (read: () => Promise<unknown>) => {
    try {
      await read();
      return true;
    } catch (error) {
      if ((error as { code?: unknown }).code === 404) return false;
      throw error;
    }
  };
  if (!(await exists(() => database.read())))
    throw new SchemaMissingError([`database ${databaseId}`]);
  for (const def of Object.values(CONTAINERS)) {
    if (!(await exists(() => database.container(def.id).read())))
      missing.push(`container ${def.id}`);
  }
  if (missing.length > 0) throw new SchemaMissingError(missing);
  return database;
}
