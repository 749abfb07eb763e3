import type { JSONObject, OperationInput, OperationResponse } from '@azure/cosmos';
import type { WriteOutcome } from '../../features/common';
import type { StoredDocument } from './collection';

/** One write of a transactional batch: a create (no etag) or a replace if the etag still matches. */
export interface BatchWrite<T = unknown> {
  readonly doc: Omit<StoredDocument<T>, '_etag'>;
  readonly etag?: string;
}

/** The batch operation of a write. */
export function writeOperation({ doc, etag }: BatchWrite): OperationInput {
  const resourceBody = doc as unknown as JSONObject;
  // Each operation names its partition as well as the batch: the embedded store routes by it.
  const partitionKey = doc.pk;
  return etag
    ? { operationType: 'Replace', partitionKey, id: doc.id, resourceBody, ifMatch: etag }
    : { operationType: 'Create', partitionKey, resourceBody };
}

const ok = (status: number) => status >= 200 && status < 300;

/**
 * The outcome of each write from the batch's per-operation results. Cosmos DB applies a batch
 * all or nothing (a failing operation leaves every other one 424, unwritten); the embedded store
 * runs operations in order and stops at the first failure without undoing the earlier ones. Both
 * answer with a status per operation, and that status is what is stored.
 */
export function writeOutcomes(
  writes: readonly BatchWrite[],
  results: readonly OperationResponse[] | undefined,
): WriteOutcome[] {
  return writes.map((write, i) => {
    const status = results?.[i]?.statusCode ?? 0;
    if (ok(status)) return { written: true, etag: results?.[i]?.eTag ?? '' };
    const conflict =
      status === 409 || status === 412 || (write.etag !== undefined && status === 404);
    return { written: false, conflict };
  });
}

/**
 * The documents of a batch of reads: found (200), missing (404), or `null` when the read did not
 * run (424: another read of the batch missed, which fails a Cosmos DB batch as a whole).
 */
export function readResults<T>(
  count: number,
  results: readonly OperationResponse[] | undefined,
): (StoredDocument<T> | undefined | null)[] {
  return Array.from({ length: count }, (_, i) => {
    const r = results?.[i];
    if (r && ok(r.statusCode) && r.resourceBody)
      return r.resourceBody as unknown as StoredDocument<T>;
    return r?.statusCode === 404 ? undefined : null;
  });
}
