import fs from 'node:fs/promises';
import path from 'node:path';
import type { Database } from '@azure/cosmos';
import { CONTAINERS } from '../containers';
import type { JournalRecord } from './journal';

/** File name of the embedded store's snapshot inside the data directory. */
export const SNAPSHOT_FILE = 'cosmos-snapshot.json';

type Snapshot = {
  version: 1;
  savedAt: string;
  /** Highest journal sequence the snapshot contains (absent before the journal existed). */
  journalSeq?: number;
  containers: Record<string, Record<string, unknown>[]>;
};

const SYSTEM_FIELDS = ['_rid', '_self', '_etag', '_ts', '_attachments'];

function strip(doc: Record<string, unknown>): Record<string, unknown> {
  const copy = { ...doc };
  for (const f of SYSTEM_FIELDS) delete copy[f];
  return copy;
}

/**
 * Reads every container and writes the snapshot atomically (temp file, fsync, rename). Every write
 * journalled up to `journalSeq` was applied before the reads start, so the snapshot contains it.
 */
export async function writeSnapshot(
  database: Database,
  dataDir: string,
  journalSeq: number,
): Promise<number> {
  const snapshot: Snapshot = {
    version: 1,
    savedAt: new Date().toISOString(),
    journalSeq,
    containers: {},
  };
  let count = 0;
  for (const def of Object.values(CONTAINERS)) {
    const { resources } = await database
      .container(def.id)
      // One page: every page of the embedded server re-runs the scan, so paging is quadratic.
      .items.readAll<Record<string, unknown>>({ maxItemCount: 1_000_000 })
      .fetchAll();
    snapshot.containers[def.id] = resources.map(strip);
    count += resources.length;
  }
  await fs.mkdir(dataDir, { recursive: true });
  const target = path.join(dataDir, SNAPSHOT_FILE);
  const temp = `${target}.${process.pid}.tmp`;
  const handle = await fs.open(temp, 'w');
  try {
    await handle.writeFile(JSON.stringify(snapshot));
    await handle.sync();
  } finally {
    await handle.close();
  }
  await fs.rename(temp, target);
  return count;
}

/** The outcome of loading a snapshot at start. */
export type LoadResult =
  | { kind: 'none'; journalSeq: 0 }
  | { kind: 'loaded'; items: number; journalSeq: number }
  | { kind: 'corrupt'; movedTo: string; journalSeq: 0 };

// Bounded parallelism: fast on the loopback server without flooding it.
async function inBatches<T>(items: readonly T[], apply: (item: T) => Promise<unknown>) {
  for (let i = 0; i < items.length; i += 64) await Promise.all(items.slice(i, i + 64).map(apply));
}

/** Loads the snapshot into empty containers; a corrupt file is moved aside, never silently dropped. */
export async function loadSnapshot(database: Database, dataDir: string): Promise<LoadResult> {
  const file = path.join(dataDir, SNAPSHOT_FILE);
  let snapshot: Snapshot;
  try {
    snapshot = JSON.parse(await fs.readFile(file, 'utf8')) as Snapshot;
    if (snapshot?.version !== 1 || typeof snapshot.containers !== 'object')
      throw new Error('bad shape');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { kind: 'none', journalSeq: 0 };
    const movedTo = `${file}.corrupt-${Date.now()}`;
    await fs.rename(file, movedTo);
    return { kind: 'corrupt', movedTo, journalSeq: 0 };
  }
  let items = 0;
  for (const def of Object.values(CONTAINERS)) {
    const docs = snapshot.containers[def.id] ?? [];
    const container = database.container(def.id);
    await inBatches(docs, (d) => container.items.upsert(d));
    items += docs.length;
  }
  return { kind: 'loaded', items, journalSeq: snapshot.journalSeq ?? 0 };
}

/**
 * Applies the journalled writes after `afterSeq` on top of the loaded snapshot. Each record is a
 * document's whole state or its deletion, so only the last one per document counts and applying a
 * write the snapshot already holds changes nothing. Returns how many documents were written.
 */
export async function replayJournal(
  database: Database,
  records: readonly JournalRecord[],
  afterSeq: number,
): Promise<number> {
  const last = new Map<string, JournalRecord>();
  for (const r of records) {
    const def = Object.values(CONTAINERS).find((c) => c.id === r.c);
    if (r.s <= afterSeq || !def) continue;
    const key = r.p ? [r.p[def.partitionKey.slice(1)], r.p.id] : [r.d?.pk, r.d?.id];
    last.set(JSON.stringify([r.c, ...key]), r);
  }
  await inBatches([...last.values()], async (r) => {
    const container = database.container(r.c);
    if (r.p) return container.items.upsert(strip(r.p));
    await container
      .item(String(r.d?.id), r.d?.pk as string)
      .delete()
      .catch((error: { code?: number }) => {
        if (error.code !== 404) throw error;
      });
  });
  return last.size;
}
