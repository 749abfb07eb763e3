import type { Container, SqlQuerySpec } from '@azure/cosmos';
import type { Page, Versioned } from '../features/shared';
import { StoreConflictError } from '../features/shared';
import type { ItemType } from './keys';
import type { OperationCounter, OperationKind } from './op-counter';
import { withSpan } from '../observability/telemetry';

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

// Sizes are measured only when a counter is attached (benchmarks, tests), never in production.
const sizeOf = (value: unknown) => Buffer.byteLength(JSON.stringify(value ?? null));

/**
 * The one place that maps Cosmos documents to domain values and Cosmos errors to typed ones.
 * Point reads that miss return `undefined`; conditional writes that lose raise StoreConflictError.
 */
export class DocumentCollection {
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
      return { value: doc.data, etag: response.etag ?? '' };
    } catch (error) {
      const status = statusOf(error);
      if (status === 409) throw new StoreConflictError(entity, doc.id, 'alreadyExists');
      if (status === 412 || (etag && status === 404))
        throw new StoreConflictError(entity, doc.id, 'staleEtag');
      throw error;
    }
  }

  /** Deletes one document; false when it was already gone. */
  async delete(pk: string, id: string): Promise<boolean> {
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
