// A delivery worker in its own process, for the kill -9 test: one tick against the given store.
import { createBenchWorker } from '../../bench/bench-worker';
import { createStores, type Stores } from '../../bot/src/store';
import { createCosmosClient } from '../../bot/src/store/cosmos-client';
import { EMBEDDED_KEY } from '../../bot/src/store/embedded/embedded-cosmos';

const [endpoint, databaseId] = process.argv.slice(2);
const client = createCosmosClient({ endpoint, key: EMBEDDED_KEY, embedded: true });
const stores = createStores(client.database(databaseId)) as unknown as Stores;
process.stdout.write('ready\n');
createBenchWorker(stores, () => new Date(), 50, 'child', 60_000)
  .tick()
  .then(() => process.stdout.write('tick done\n'));
