import fs from 'node:fs/promises';
import type { Database } from '@azure/cosmos';
import type { Logger } from '../../observability/logger';
import type { EmbeddedCosmos } from './embedded-cosmos';
import { Journal, readJournal } from './journal';
import { loadSnapshot, replayJournal, writeSnapshot } from './snapshot';

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

/**
 * Loads the snapshot, replays the journal written after it, and from then on answers a write only
 * once it is in the journal (so a write that was acknowledged survives kill -9).
 */
export async function restoreLocalData(
  embedded: EmbeddedCosmos,
  database: Database,
  dataDir: string,
  logger: Logger,
): Promise<Journal> {
  const loaded = await loadSnapshot(database, dataDir);
  if (loaded.kind === 'corrupt') {
    logger.error('local data snapshot was unreadable and was moved aside', {
      file: loaded.movedTo,
    });
  } else if (loaded.kind === 'loaded') {
    logger.info('restored local data', { items: loaded.items, dataDir });
  }
  const contents = await readJournal(dataDir);
  const replayed = await replayJournal(database, contents.records, loaded.journalSeq);
  if (replayed > 0) logger.info('replayed local journal', { documents: replayed });
  if (contents.ignored > 0) {
    logger.warn('ignored torn local journal records (writes that were never acknowledged)', {
      records: contents.ignored,
    });
  }
  const journal = await Journal.open(dataDir, Math.max(loaded.journalSeq, contents.lastSeq));
  embedded.journalWrites(
    database.id,
    (members) => journal.append(members),
    (error) =>
      logger.error('local journal write failed; the write was refused', {
        error: (error as Error).name,
      }),
  );
  // Dirty while old segments exist, so the next snapshot folds them.
  if (contents.records.length > 0 || contents.ignored > 0) embedded.markDirty();
  else embedded.markClean();
  return journal;
}
