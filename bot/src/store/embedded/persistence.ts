import type { Database } from '@azure/cosmos';
import type { Logger } from '../../observability/logger';
import type { EmbeddedCosmos } from './embedded-cosmos';
import { writeSnapshot } from './snapshot';

/** Writes snapshots of the embedded store while it is dirty, never two at once. */
export class SnapshotWriter {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> = Promise.resolve();
  /** When the timer may snapshot again: a snapshot copies everything, so its cost sets the pace. */
  private notBefore = 0;

  constructor(
    private readonly server: EmbeddedCosmos,
    private readonly database: Database,
    private readonly dataDir: string,
    private readonly logger: Logger,
    private readonly intervalMs = 1000,
  ) {}

  /**
   * Checks for changes every interval; after kill -9 at most about one interval is lost. A snapshot
   * of a big store takes a while and runs on the server's own thread, so the timer waits four times
   * as long as the last snapshot took before the next one (at most ~20% of the CPU for persistence).
   */
  start(): void {
    this.timer = setInterval(() => {
      if (Date.now() >= this.notBefore) void this.flush();
    }, this.intervalMs);
    this.timer.unref();
  }

  /** Writes a snapshot now if anything changed (chained, so calls never overlap). */
  flush(): Promise<void> {
    this.running = this.running.then(async () => {
      if (!this.server.isDirty()) return;
      // Clear first: a write that lands during the snapshot marks it dirty again for the next one.
      this.server.markClean();
      const started = Date.now();
      try {
        await writeSnapshot(this.database, this.dataDir);
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
