import fs from 'node:fs';
import path from 'node:path';
import type { Container } from '@azure/cosmos';
import { openStores, type Stores } from '../../../bot/src/store';
import { ensureSchema } from '../../../bot/src/store/containers';
import { createCosmosClient } from '../../../bot/src/store/cosmos-client';
import { EMBEDDED_KEY, startEmbeddedCosmos } from '../../../bot/src/store/embedded/embedded-cosmos';
import { readJournal } from '../../../bot/src/store/embedded/journal';
import { SNAPSHOT_FILE } from '../../../bot/src/store/embedded/snapshot';
import { memoryLogger, tempDir } from '../../support/embedded-store';

// What a kill -9 leaves on disk is what is there while the store runs: each case copies the data
// directory of a running store (no snapshot yet: the interval is an hour) and opens the copy.
const HOUR = 3_600_000;
const open = (dataDir: string, logger = memoryLogger()) =>
  openStores({ databaseId: 'bearing', dataDir, logger, snapshotIntervalMs: HOUR });
const journalFiles = (dir: string) => fs.readdirSync(dir).filter((f) => f.endsWith('.log'));
const running: Stores[] = [];
afterAll(async () => {
  for (const s of running) await s.close();
});

async function started(dir: string, logger = memoryLogger()) {
  const stores = await open(dir, logger);
  running.push(stores);
  return { stores, teams: stores.database.container('teams') };
}
function crashCopy(dir: string): string {
  const copy = tempDir('bearing-crash-');
  fs.cpSync(dir, copy, { recursive: true });
  return copy;
}
const read = async (c: Container, id: string) =>
  (await c.item(id, 'p').read<Record<string, unknown>>()).resource;

describe('embedded store journal', () => {
  it('keeps every answered create, replace, upsert, patch, delete and batch across a crash', async () => {
    const dir = tempDir('bearing-journal-');
    const { teams } = await started(dir);
    await teams.items.create({ id: 'created', pk: 'p', v: 1 });
    const { resource: r } = await teams.items.create({ id: 'replaced', pk: 'p', v: 1 });
    await teams.item('replaced', 'p').replace(
      { id: 'replaced', pk: 'p', v: 2 },
      {
        accessCondition: { type: 'IfMatch', condition: String(r?._etag) },
      },
    );
    await teams.items.upsert({ id: 'upserted', pk: 'p', v: 3 });
    await teams.items.create({ id: 'patched', pk: 'p', v: 1 });
    await teams.item('patched', 'p').patch([{ op: 'set', path: '/v', value: 4 }]);
    await teams.items.create({ id: 'deleted', pk: 'p', v: 1 });
    await teams.item('deleted', 'p').delete();
    await teams.items.create({ id: 'batch-deleted', pk: 'p', v: 1 });
    const batch = await teams.items.batch(
      [
        { operationType: 'Create', resourceBody: { id: 'batch-created', pk: 'p', v: 5 } },
        { operationType: 'Delete', id: 'batch-deleted', partitionKey: 'p' },
      ],
      'p',
    );
    expect(batch.result?.map((x) => x.statusCode)).toEqual([201, 204]);

    const { teams: after } = await started(crashCopy(dir));
    expect((await read(after, 'created'))?.v).toBe(1);
    expect((await read(after, 'replaced'))?.v).toBe(2);
    expect((await read(after, 'upserted'))?.v).toBe(3);
    expect((await read(after, 'patched'))?.v).toBe(4);
    expect((await read(after, 'batch-created'))?.v).toBe(5);
    expect(await read(after, 'deleted')).toBeUndefined();
    expect(await read(after, 'batch-deleted')).toBeUndefined();
  });

  it('ignores a torn last record (a write cut off mid-append was never answered)', async () => {
    const dir = tempDir('bearing-torn-');
    const { teams } = await started(dir);
    await teams.items.create({ id: 'kept', pk: 'p' });
    const copy = crashCopy(dir);
    const [segment] = journalFiles(copy);
    fs.appendFileSync(path.join(copy, segment), '0badc0de {"s":99,"c":"teams","p":{"id":"to');
    const logger = memoryLogger();
    const { teams: after } = await started(copy, logger);
    expect(await read(after, 'kept')).toBeDefined();
    expect(logger.lines.some((l) => l.startsWith('warn ignored torn local journal records'))).toBe(
      true,
    );
    // The next write goes to a new segment, after the torn one, and survives too.
    await after.items.create({ id: 'later', pk: 'p' });
    const { teams: third } = await started(crashCopy(copy));
    expect(await read(third, 'kept')).toBeDefined();
    expect(await read(third, 'later')).toBeDefined();
  });

  it('stops reading a segment at a record whose checksum does not match', async () => {
    const dir = tempDir('bearing-crc-');
    const { teams } = await started(dir);
    await teams.items.create({ id: 'one', pk: 'p' });
    await teams.items.create({ id: 'two', pk: 'p' });
    const copy = crashCopy(dir);
    const file = path.join(copy, journalFiles(copy)[0]);
    fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace('"two"', '"tw0"'));
    const contents = await readJournal(copy);
    expect(contents.records.map((r) => r.p?.id)).toEqual(['one']);
    expect(contents.ignored).toBe(1);
  });

  it('folds the journal into the snapshot; a crash before the old segments are deleted is harmless', async () => {
    const dir = tempDir('bearing-fold-');
    const { stores, teams } = await started(dir);
    await teams.items.create({ id: 'a', pk: 'p', v: 1 });
    await teams.items.upsert({ id: 'a', pk: 'p', v: 2 });
    await teams.items.create({ id: 'gone', pk: 'p' });
    await teams.item('gone', 'p').delete();
    const beforeFold = crashCopy(dir);
    await stores.flush();
    expect(fs.readFileSync(path.join(dir, SNAPSHOT_FILE), 'utf8')).toContain('"journalSeq":4');
    // Folded: only the new, empty segment is left.
    expect(journalFiles(dir).map((f) => fs.statSync(path.join(dir, f)).size)).toEqual([0]);

    // The snapshot renamed into place, the old segments not yet deleted.
    fs.copyFileSync(path.join(dir, SNAPSHOT_FILE), path.join(beforeFold, SNAPSHOT_FILE));
    const { stores: after, teams: afterTeams } = await started(beforeFold);
    expect((await read(afterTeams, 'a'))?.v).toBe(2);
    expect(await read(afterTeams, 'gone')).toBeUndefined();
    await afterTeams.items.upsert({ id: 'a', pk: 'p', v: 3 });
    await after.flush();
    expect(journalFiles(beforeFold).map((f) => fs.statSync(path.join(beforeFold, f)).size)).toEqual(
      [0],
    );
    const { teams: third } = await started(crashCopy(beforeFold));
    expect((await read(third, 'a'))?.v).toBe(3);
  });

  it('answers writes that are not journalled (errors, queries) as before', async () => {
    const dir = tempDir('bearing-errors-');
    const { teams } = await started(dir);
    await teams.items.create({ id: 'dup', pk: 'p' });
    await expect(teams.items.create({ id: 'dup', pk: 'p' })).rejects.toMatchObject({ code: 409 });
    await expect(
      teams.item('dup', 'p').replace(
        { id: 'dup', pk: 'p', v: 9 },
        {
          accessCondition: { type: 'IfMatch', condition: '"stale"' },
        },
      ),
    ).rejects.toMatchObject({ code: 412 });
    const { resources } = await teams.items.query('SELECT * FROM c').fetchAll();
    expect(resources.map((d: { id: string }) => d.id)).toEqual(['dup']);
    expect((await readJournal(dir)).records.map((r) => r.p?.id)).toEqual(['dup']);
  });

  it('answers 503, not 2xx, when the journal cannot take a write', async () => {
    const server = await startEmbeddedCosmos();
    const client = createCosmosClient({
      endpoint: server.endpoint,
      key: EMBEDDED_KEY,
      embedded: true,
    });
    try {
      const database = await ensureSchema(client, 'bearing');
      const errors: unknown[] = [];
      server.journalWrites(
        'bearing',
        () => Promise.reject(new Error('disk full')),
        (error) => errors.push(error),
      );
      await expect(
        database.container('teams').items.create({ id: 'x', pk: 'p' }),
      ).rejects.toMatchObject({ code: 503 });
      expect(errors).toEqual([new Error('disk full')]);
      // The change stays visible until a restart (documented); reads are not held.
      const { resources } = await database.container('teams').items.readAll().fetchAll();
      expect(resources).toHaveLength(1);
    } finally {
      client.dispose();
      await server.stop();
    }
  });
});
