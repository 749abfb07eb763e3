/** The kinds of store operation a hot path can cost (RU and latency differ by kind). */
export type OperationKind =
  | 'pointRead'
  | 'pointWrite'
  /** One transactional batch of reads or writes in one partition (one round trip). */
  | 'batch'
  | 'singlePartitionQuery'
  | 'crossPartitionQuery';

/** Counts store operations by kind, for benchmarks and tests that pin a hot path's cost. */
export class OperationCounter {
  private counts: Record<OperationKind, number> = OperationCounter.zero();
  private byteCounts: Record<OperationKind, number> = OperationCounter.zero();

  private static zero(): Record<OperationKind, number> {
    return {
      pointRead: 0,
      pointWrite: 0,
      batch: 0,
      singlePartitionQuery: 0,
      crossPartitionQuery: 0,
    };
  }

  record(kind: OperationKind): void {
    this.counts[kind] += 1;
  }

  /** Adds the JSON size of documents sent or received by an operation of `kind`. */
  recordBytes(kind: OperationKind, bytes: number): void {
    this.byteCounts[kind] += bytes;
  }

  /** The counts since the last reset. */
  snapshot(): Readonly<Record<OperationKind, number>> {
    return { ...this.counts };
  }

  /** Document bytes moved per kind since the last reset. */
  bytes(): Readonly<Record<OperationKind, number>> {
    return { ...this.byteCounts };
  }

  reset(): void {
    this.counts = OperationCounter.zero();
    this.byteCounts = OperationCounter.zero();
  }
}
