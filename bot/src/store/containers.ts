import type { CosmosClient, Database } from '@azure/cosmos';

/** Container definitions; `docs/data-model.md` explains each choice. */
export const CONTAINERS = {
  teams: { id: 'teams', partitionKey: '/pk' },
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
