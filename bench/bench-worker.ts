import { composeServer } from '../bot/src/compose';
import { loadConfig } from '../bot/src/config';
import { createLogger } from '../bot/src/observability/logger';
import type { ServerStores } from '../bot/src/store';

/**
 * The production delivery worker, as the composition root builds it (bot/src/compose.ts), with
 * `perTenant` sends per second per tenant (a share of the tenant's budget may be fractional).
 */
export function createBenchWorker(
  stores: ServerStores,
  now: () => Date,
  perTenant: number,
  owner: string,
  leaseMs?: number,
) {
  const config = loadConfig({ BEARING_JOBS: 'off', LOG_LEVEL: 'silent' });
  return composeServer({
    config: { ...config, sendRatePerTenant: perTenant },
    stores,
    logger: createLogger(config.logLevel),
    now,
    workerId: owner,
    ...(leaseMs ? { leaseMs } : {}),
  }).worker;
}
