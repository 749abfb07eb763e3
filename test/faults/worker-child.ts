// A delivery worker in its own process, for the kill -9 test: one tick against the given store.
import { composeServer } from '../../bot/src/compose';
import { loadConfig } from '../../bot/src/config';
import { createLogger } from '../../bot/src/observability/logger';
import { storesOver } from '../../bot/src/store';
import { createCosmosClient } from '../../bot/src/store/cosmos-client';
import { EMBEDDED_KEY } from '../../bot/src/store/embedded/embedded-cosmos';

const [endpoint, databaseId] = process.argv.slice(2);
const client = createCosmosClient({ endpoint, key: EMBEDDED_KEY, embedded: true });
const { worker } = composeServer({
  config: loadConfig({ NODE_ENV: 'test', BEARING_JOBS: 'off' }),
  stores: storesOver(client.database(databaseId)),
  logger: createLogger('silent'),
  workerId: 'child',
  leaseMs: 60_000,
});
process.stdout.write('ready\n');
void worker.tick().then(() => process.stdout.write('tick done\n'));
