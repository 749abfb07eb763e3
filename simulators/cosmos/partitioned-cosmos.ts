import { AsyncLocalStorage } from 'node:async_hooks';
import type { IncomingMessage, RequestListener } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createHttpServer } from '@vercel/cosmosdb-server';
import Items from '@vercel/cosmosdb-server/lib/account/items';

/**
 * The embedded Cosmos server (`@vercel/cosmosdb-server`) in a process of its own, for benchmarks
 * that need a tenant far larger than the tests use. Three corrections bring its query cost closer to
 * Cosmos DB's, and the benchmark prints that it ran against them:
 * - a query sent with a partition key (`x-ms-documentdb-partitionkey`) evaluates only that
 *   partition's documents, as Cosmos does (the embedded server ignores the key and evaluates the
 *   whole container); the documents of each partition are found through an index that the
 *   first query after a write rebuilds;
 * - the query plan the SDK asks for before every query (`x-ms-cosmos-is-query-plan-request`) is
 *   answered without reading documents, as Cosmos's gateway does; the embedded server runs it as a
 *   query over the whole container. The SDK only uses a plan when the query itself fails with a
 *   cross-partition error, which this server never returns, so the plan's content is never read;
 * - a query without a partition key still evaluates every document, but in one linear pass:
 *   `@zeit/cosmosdb-query` generates `$c.reduce(($, c) => [...$, { c }], [])`, which copies the
 *   array once per document (O(n²): about 39 s per query over 27,000 documents).
 * Run with `node scripts/run-ts.js simulators/cosmos/partitioned-cosmos.ts`; prints `{"url": …}` when ready.
 */

interface QueryObject {
  readonly code: string;
  _code: string | null;
}
type Item = { read(): Record<string, unknown> };
interface ItemsInternals {
  _parent: { read(): unknown };
  _data: Map<string, Item>;
  _getQuery(sql: string): QueryObject;
  _getPartitionKeyPath(): string[];
  _set(data: unknown): unknown;
  delete(idOrRid: string, partition: unknown): void;
}

const QUADRATIC_INPUT =
  /\$c\.reduce\(\(\$, c\) => typeof c !== "undefined" \? \[\.\.\.\$, \{\s*c: c\s*\}\] : \$, \[\]\)/;
const LINEAR_INPUT = '$c.filter((c) => typeof c !== "undefined").map((c) => ({ c }))';

const requestPartition = new AsyncLocalStorage<string | undefined>();
const proto = Items.prototype as unknown as ItemsInternals & {
  query(this: ItemsInternals, params: unknown, options: unknown): unknown;
};
const getQuery = proto._getQuery;
proto._getQuery = function (this: ItemsInternals, sql: string) {
  const q = getQuery.call(this, sql);
  q._code = q.code.replace(QUADRATIC_INPUT, LINEAR_INPUT);
  return q;
};
// Documents by partition key value, per container; dropped by every write to the container.
const partitions = new WeakMap<ItemsInternals, Map<unknown, Map<string, Item>>>();
const set = proto._set;
proto._set = function (this: ItemsInternals, data: unknown) {
  partitions.delete(this);
  return set.call(this, data);
};
const remove = proto.delete;
proto.delete = function (this: ItemsInternals, idOrRid: string, partition: unknown) {
  partitions.delete(this);
  remove.call(this, idOrRid, partition);
};
function partitionIndex(items: ItemsInternals, field: string): Map<unknown, Map<string, Item>> {
  let index = partitions.get(items);
  if (!index) {
    index = new Map();
    for (const [rid, item] of items._data) {
      const key = item.read()[field];
      const docs = index.get(key) ?? new Map<string, Item>();
      index.set(key, docs.set(rid, item));
    }
    partitions.set(items, index);
  }
  return index;
}
const query = proto.query;
proto.query = function (this: ItemsInternals, params: unknown, options: unknown) {
  const partition = requestPartition.getStore();
  const [field, ...rest] = this._getPartitionKeyPath();
  if (partition === undefined || field === undefined || rest.length > 0)
    return query.call(this, params, options);
  // Evaluate the query over a view of this container holding only the partition's documents.
  const scoped = partitionIndex(this, field).get(partition) ?? new Map<string, Item>();
  return query.call(Object.create(this, { _data: { value: scoped } }), params, options);
};

function partitionOf(req: IncomingMessage): string | undefined {
  const header = req.headers['x-ms-documentdb-partitionkey'];
  if (typeof header !== 'string' || req.method !== 'POST') return undefined;
  const [value] = JSON.parse(header) as unknown[];
  return typeof value === 'string' ? value : undefined;
}

const server = createHttpServer({ keepAlive: true });
server.keepAliveTimeout = 120_000;
server.headersTimeout = 0;
server.requestTimeout = 0;
const [handle] = server.listeners('request') as RequestListener[];
server.removeAllListeners('request');
server.on('request', (req, res) => {
  if (req.headers['x-ms-cosmos-is-query-plan-request']) {
    req.resume();
    res.setHeader('content-type', 'application/json');
    res.setHeader('x-ms-request-charge', '1');
    res.end(JSON.stringify({ Documents: [], _count: 0 }));
    return;
  }
  requestPartition.run(partitionOf(req), () => handle?.(req, res));
});
server.listen(0, '127.0.0.1', () => {
  const { port } = server.address() as AddressInfo;
  console.log(JSON.stringify({ url: `http://127.0.0.1:${port}` }));
});
process.on('SIGTERM', () => process.exit(0));
