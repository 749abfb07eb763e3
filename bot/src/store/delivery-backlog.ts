import type { Database } from '@azure/cosmos';
import { CONTAINERS } from './containers';

/**
 * How long the oldest due, still pending delivery has been waiting (ms), or 0 when none is due.
 * One cross-partition TOP 1 query: it runs only on readiness probes, not on a hot path.
 */
export async function oldestDueDeliveryAgeMs(database: Database, now: Date): Promise<number> {
  const { resources } = await database
    .container(CONTAINERS.deliveries.id)
    .items.query<{ notBefore?: string }>(
      {
        query:
          "SELECT TOP 1 c.data.notBefore AS notBefore FROM c WHERE c.type = 'delivery' " +
          "AND c.data.status = 'pending' AND c.data.notBefore <= @now ORDER BY c.data.notBefore",
        parameters: [{ name: '@now', value: now.toISOString() }],
      },
      { maxItemCount: 1 },
    )
    .fetchNext();
  const oldest = resources[0]?.notBefore;
  return oldest ? Math.max(0, now.getTime() - Date.parse(oldest)) : 0;
}
