import type { Container, SqlQuerySpec } from '@azure/cosmos';
import {
  type Page,
  type Versioned,
  type WriteOutcome,
  StoreConflictError,
} from '../../features/common';
import { teamPk, type ItemType } from '../keys';
import type { OperationCounter, OperationKind } from '../op-counter';
import { withSpan } from '../../observability/telemetry';
import { readResults, writeOperation, writeOutcomes, type BatchWrite } from './batch';

/** How every item is stored: routing fields beside the domain value in `data`. */
export interface StoredDocument<T> {
  readonly id: string;
  readonly pk: string;
  readonly type: ItemType;
  readonly tenantId: string;
  readonly data: T;
  readonly ttl?: number;
  readonly _etag?: string;
}

const statusOf = (error: unknown): number | undefined => {
  const e = error as { code?: unknown; statusCode?: unknown };
  return typeof e.code === 'number'
    ? e.code
    : typeof e.statusCode === 'number'
      ? e.statusCode
      : undefined;
};

/** A document readRecent may answer from memory. */
interface RecentRead {
  readonly versioned: Versioned<unknown>;
  /** performance.now() when the store last confirmed this version. */
  readonly at: number;
}

/** At most this many documents per collection are kept for readRecent. */
const RECENT_LIMIT = 10_000;

const recentKey = (pk: string, id: string) => `${pk}\u0000${id}`;

// Sizes are measured only when a counter is attached (benchmarks, tests), never in production.
const sizeOf = (value: unknown) => Buffer.byteLength(JSON.stringify(value ?? null));

/**
 * The one place that maps Cosmos documents to domain values and Cosmos errors to typed ones.
 * Point reads that miss return `undefined`; conditional writes that lose raise StoreConflictError.
 */
export class DocumentCollection {
  /** Recently read documents of readRecent (pk + id → value, ETag and when it was confirmed). */
  private readonly recent = new Map<string, RecentRead>();
  /** readRecent calls in flight per document: a write meanwhile makes what they read unfit to keep. */
  private readonly reading = new Map<string, Set<{ stale: boolean }>>();

  constructor(
    private readonly container: Container,
    private readonly counter?: OperationCounter,
  ) {}

  /** One store call: counted, and traced as a span named after the operation kind. */
  private op<T>(kind: OperationKind, work: () => Promise<T>): Promise<T> {
    this.counter?.record(kind);
    return withSpan(
      `cosmos ${kind}`,
      { 'db.system': 'cosmosdb', 'db.cosmosdb.container': this.container.id },
      work,
    );
  }

  private bytes(kind: OperationKind, value: unknown): void {
    if (this.counter) this.counter.recordBytes(kind, sizeOf(value));
  }

  /** Point read; `undefined` when missing. */
  async read<T>(pk: string, id: string): Promise<Versioned<T> | undefined> {
    const { resource, etag } = await this.op('pointRead', () =>
      this.container.item(id, pk).read<StoredDocument<T>>(),
    );
    this.bytes('pointRead', resource);
    return resource ? { value: resource.data, etag: etag ?? resource._etag ?? '' } : undefined;
  }

  /**
   * Point read of a rarely changing document (organisation, team) that accepts this instance's
   * copy when it was confirmed within `maxAgeMs`; an older copy is revalidated by its ETag
   * (If-None-Match: Cosmos DB answers 304 without the body when it did not change). Writes and
   * deletes through this collection replace or drop the copy at once, so within one instance a
   * change is seen by the next read; another instance's change is seen within `maxAgeMs`.
   */
  async readRecent<T>(pk: string, id: string, maxAgeMs: number): Promise<Versioned<T> | undefined> {
    const key = recentKey(pk, id);
    const known = this.recent.get(key);
    const at = performance.now();
    if (known && at - known.at < maxAgeMs) return known.versioned as Versioned<T>;
    const token = { stale: false };
    const readers = this.reading.get(key) ?? new Set();
    this.reading.set(key, readers.add(token));
    try {
      const response = await this.op('pointRead', () =>
        this.container
          .item(id, pk)
          .read<StoredDocument<T>>(
            known
              ? { accessCondition: { type: 'IfNoneMatch', condition: known.versioned.etag } }
              : {},
          ),
      );
      if (known && response.statusCode === 304) {
        if (!token.stale) this.remember(key, known.versioned, at);
        return known.versioned as Versioned<T>;
      }
      const { resource, etag } = response;
      this.bytes('pointRead', resource);
      if (!resource) {
        if (!token.stale) this.recent.delete(key);
        return undefined;
      }
      const versioned = { value: resource.data, etag: etag ?? resource._etag ?? '' };
      if (!token.stale) this.remember(key, versioned, at);
      return versioned;
    } finally {
      readers.delete(token);
      if (readers.size === 0) this.reading.delete(key);
    }
  }

  /** A write or delete of `key` (done or failed): copies and reads in flight no longer count. */
  private changed(key: string): void {
    this.recent.delete(key);
    for (const token of this.reading.get(key) ?? []) token.stale = true;
  }

  private remember(key: string, versioned: Versioned<unknown>, at: number): void {
    this.recent.delete(key);
    this.recent.set(key, { versioned, at });
    // Bounded: the oldest copies go first (Map keeps insertion order).
    if (this.recent.size > RECENT_LIMIT) this.recent.delete(this.recent.keys().next().value!);
  }

  /**
   * Writes a record that lives in its team's partition (company records: the tenant's `_org`),
   * stored as `type` under the document id `id`; conditional on `etag` when given.
   */
  writeInTeam<T extends { readonly tenantId: string; readonly teamId: string | null }>(
    type: ItemType,
    id: string,
    record: T,
    etag: string | undefined,
    entity: string,
  ): Promise<Versioned<T>> {
    const pk = teamPk(record.tenantId, record.teamId);
    return this.write({ id, pk, type, tenantId: record.tenantId, data: record }, etag, entity);
  }

  /** Creates (no etag: conflict if it exists) or replaces only if `etag` still matches. */
  async write<T>(
    doc: Omit<StoredDocument<T>, '_etag'>,
    etag: string | undefined,
    entity: string,
  ): Promise<Versioned<T>> {
    this.bytes('pointWrite', doc);
    try {
      const response = await this.op('pointWrite', () =>
        etag
          ? this.container
              .item(doc.id, doc.pk)
              .replace(doc, { accessCondition: { type: 'IfMatch', condition: etag } })
          : this.container.items.create(doc),
      );
      this.changed(recentKey(doc.pk, doc.id));
      return { value: doc.data, etag: response.etag ?? '' };
    } catch (error) {
      this.changed(recentKey(doc.pk, doc.id));
      const status = statusOf(error);
      if (status === 409) throw new StoreConflictError(entity, doc.id, 'alreadyExists');
      if (status === 412 || (etag && status === 404))
        throw new StoreConflictError(entity, doc.id, 'staleEtag');
      throw error;
    }
  }

  /**
   * Writes documents of one partition in one round trip (a transactional batch, in order); the
   * outcome of each says whether it is stored (see writeOutcomes). A thrown error leaves the
   * outcome unknown, as a point write's does.
   */
  async writeBatch(pk: string, writes: readonly BatchWrite[]): Promise<WriteOutcome[]> {
    for (const { doc } of writes) this.bytes('batch', doc);
    try {
      const { result } = await this.op('batch', () =>
        this.container.items.batch(writes.map(writeOperation), pk),
      );
      return writeOutcomes(writes, result);
    } finally {
      for (const { doc } of writes) this.changed(recentKey(pk, doc.id));
    }
  }

  /**
   * Point reads of documents of one partition in one round trip (a transactional batch of reads);
   * `undefined` for a missing one. When one misses, Cosmos DB runs none of the others: those are
   * read one by one, as they are when the batch itself fails.
   */
  async readBatch<T>(pk: string, ids: readonly string[]): Promise<(Versioned<T> | undefined)[]> {
    const docs = await this.op('batch', () =>
      this.container.items.batch(
        ids.map((id) => ({ operationType: 'Read' as const, partitionKey: pk, id })),
        pk,
      ),
    ).then(
      ({ result }) => readResults<T>(ids.length, result),
      () => ids.map(() => null),
    );
    this.bytes('batch', docs);
    return Promise.all(
      docs.map((d, i) =>
        d === null ? this.read<T>(pk, ids[i]) : d && { value: d.data, etag: d._etag ?? '' },
      ),
    );
  }

  /** Deletes one document; false when it was already gone. */
  async delete(pk: string, id: string): Promise<boolean> {
    this.changed(recentKey(pk, id));
    try {
      await this.op('pointWrite', () => this.container.item(id, pk).delete());
      return true;
    } catch (error) {
      if (statusOf(error) === 404) return false;
      throw error;
    }
  }

  /** All results of a query within one partition (the WHERE clause must also filter on `c.pk`). */
  async queryPartition<T>(pk: string, query: SqlQuerySpec): Promise<Versioned<T>[]> {
    const docs = await this.queryPartitionDocuments<T>(pk, query);
    return docs.map((d) => ({ value: d.data, etag: d._etag ?? '' }));
  }

  /** Like queryPartition, but keeps the stored `type` of each document (mixed-type queries). */
  async queryPartitionDocuments<T>(pk: string, query: SqlQuerySpec): Promise<StoredDocument<T>[]> {
    const { resources } = await this.op('singlePartitionQuery', () =>
      this.container.items.query<StoredDocument<T>>(query, { partitionKey: pk }).fetchAll(),
    );
    this.bytes('singlePartitionQuery', resources);
    return resources;
  }

  /** All results of a cross-partition query, with ETags (keep it bounded with TOP). */
  async queryAcross<T>(query: SqlQuerySpec): Promise<Versioned<T>[]> {
    const { resources } = await this.op('crossPartitionQuery', () =>
      this.container.items.query<StoredDocument<T>>(query).fetchAll(),
    );
    this.bytes('crossPartitionQuery', resources);
    return resources.map((d) => ({ value: d.data, etag: d._etag ?? '' }));
  }

  /** One page of a query; single-partition when `pk` is given, else cross-partition. */
  async queryPage<T>(
    query: SqlQuerySpec,
    options: { pk?: string; continuationToken?: string; maxItemCount: number },
  ): Promise<Page<T>> {
    const kind = options.pk ? 'singlePartitionQuery' : 'crossPartitionQuery';
    const iterator = this.container.items.query<StoredDocument<T>>(query, {
      maxItemCount: options.maxItemCount,
      continuationToken: options.continuationToken,
      ...(options.pk ? { partitionKey: options.pk } : {}),
    });
    const { resources, continuationToken } = await this.op(kind, () => iterator.fetchNext());
    this.bytes(kind, resources);
    return {
      items: resources.map((r) => r.data),
      ...(continuationToken ? { continuationToken } : {}),
    };
  }
}
