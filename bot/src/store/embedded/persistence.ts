import fs from 'node:fs/promises';
import type { Database } from '@azure/cosmos';
import type { Logger } from '../../observability/logger';
import type { EmbeddedCosmos } from './embedded-cosmos';
import type { Journal } from './journal';
import { writeSnapshot } from './snapshot';

/**
 * Folds the journal into snapshots while the store is dirty, never two at once. Durability comes
 * from the journal (every acknowledged write is in it); a snapshot only keeps it short.
 */
export class SnapshotWriter {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> = Promise.resolve();
  /** When the timer may snapshot again: a snapshot copies everything, so its cost sets the pace. */
  private notBefore = 0;

  constructor(
    private readonly server: EmbeddedCosmos,
    private readonly database: Database,
    private readonly journal: Journal,
    private readonly dataDir: string,
    private readonly logger: Logger,
    private readonly intervalMs = 1000,
  ) {}

  /**
   * Checks for changes every interval. A snapshot of a big store takes a while and runs on the
   * server's own thread, so the timer waits four times as long as the last snapshot took before the
   * next one (at most ~20% of the CPU for persistence); the journal grows in between.
   */
  start(): void {
    this.timer = setInterval(() => {
      if (Date.now() >= this.notBefore) void this.flush();
    }, this.intervalMs);
    this.timer.unref();
  }

  /**
   * Starts a new journal segment, writes a snapshot holding everything in the older segments, then
   * deletes them. A crash in between leaves segments the snapshot already holds: replay skips them
   * by sequence number. Chained, so calls never overlap.
   */
  flush(): Promise<void> {
    this.running = this.running.then(async () => {
      if (!this.server.isDirty()) return;
      // Clear first: a write that lands during the snapshot marks it dirty again for the next one.
      this.server.markClean();
      const started = Date.now();
      try {
        const { lastSeq, files } = await this.journal.rotate();
        await writeSnapshot(this.database, this.dataDir, lastSeq);
        await Promise.all(files.map((f) => fs.rm(f, { force: true })));
        const took = Date.now() - started;
        this.notBefore = Date.now() + 4 * took;
      } catch (error) {
        this.server.markDirty();
        this.logger.error('embedded store snapshot failed; will retry', {
          error: (error as Error).name,
        });
      }
    });
    return this.running;
  }

  /** Stops the timer and writes a final snapshot. */
  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    await this.flush();
  }
}
