import fs from 'node:fs/promises';
import path from 'node:path';
import type { Database } from '@azure/cosmos';
import { CONTAINERS } from '../containers';

/** File name of the embedded store's snapshot inside the data directory. */
export const SNAPSHOT_FILE = 'cosmos-snapshot.json';

type Snapshot = {
  version: 1;
  savedAt: string;
  containers: Record<string, Record<string, unknown>[]>;
};

const SYSTEM_FIELDS = ['_rid', '_self', '_etag', '_ts', '_attachments'];

function strip(doc: Record<string, unknown>): Record<string, unknown> {
  const copy = { ...doc };
  for (const f of SYSTEM_FIELDS) delete copy[f];
  return copy;
}

/** Reads every container and writes the snapshot atomically (temp file, fsync, rename). */
export async function writeSnapshot(database: Database, dataDir: string): Promise<number> {
  const snapshot: Snapshot = { version: 1, savedAt: new Date().toISOString(), containers: {} };
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
  { kind: 'none' } | { kind: 'loaded'; items: number } | { kind: 'corrupt'; movedTo: string };

/** Loads the snapshot into empty containers; a corrupt file is moved aside, never silently dropped. */
export async function loadSnapshot(database: Database, dataDir: string): Promise<LoadResult> {
  const file = path.join(dataDir, SNAPSHOT_FILE);
  let snapshot: Snapshot;
  try {
    snapshot = JSON.parse(await fs.readFile(file, 'utf8')) as Snapshot;
    if (snapshot?.version !== 1 || typeof snapshot.containers !== 'object')
      throw new Error('bad shape');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { kind: 'none' };
    const movedTo = `${file}.corrupt-${Date.now()}`;
    await fs.rename(file, movedTo);
    return { kind: 'corrupt', movedTo };
  }
  let items = 0;
  for (const def of Object.values(CONTAINERS)) {
    const docs = snapshot.containers[def.id] ?? [];
    const container = database.container(def.id);
    // Bounded parallelism: fast on the loopback server without flooding it.
    for (let i = 0; i < docs.length; i += 64) {
      await Promise.all(docs.slice(i, i + 64).map((d) => container.items.upsert(d)));
    }
    items += docs.length;
  }
  return { kind: 'loaded', items };
}
