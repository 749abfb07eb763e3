import fs from 'node:fs';
import path from 'node:path';
import { openStores } from '../../../bot/src/store';
import { SNAPSHOT_FILE } from '../../../bot/src/store/embedded/snapshot';
import { team } from '../../fixtures/okrs';
import { memoryLogger, tempDir } from '../../support/embedded-store';

const A = '11111111-1111-1111-1111-111111111111';
const open = (dataDir: string, logger = memoryLogger()) =>
  openStores({ databaseId: 'bearing', dataDir, logger, snapshotIntervalMs: 200 });

describe('embedded store persistence', () => {
  it('keeps data across a clean restart', async () => {
    const dir = tempDir('bearing-persist-');
    const first = await open(dir);
    const saved = await first.teams.saveTeam(team({ tenantId: A, id: 'kept' }));
    await first.kpis.addReading({
      tenantId: A,
      kpiId: 'k',
      id: 'r',
      value: 4,
      at: '2026-11-01T00:00:00Z',
      receivedAt: '2026-11-01T00:00:00Z',
      source: 'api',
    });
    await first.close();

    const second = await open(dir);
    const read = await second.teams.getTeam(A, 'kept');
    expect(read?.value).toEqual(saved.value);
    // The restored item still takes part in optimistic concurrency with its new etag.
    await second.teams.saveTeam({ ...read!.value, name: 'After restart' }, read!.etag);
    expect(
      await second.kpis.addReading({
        tenantId: A,
        kpiId: 'k',
        id: 'r',
        value: 5,
        at: '2026-11-01T00:00:00Z',
        receivedAt: '2026-11-01T00:00:00Z',
        source: 'api',
      }),
    ).toBe(false);
    await second.close();
  });

  it('writes a snapshot by itself shortly after a change (folding the journal)', async () => {
    const dir = tempDir('bearing-dirty-');
    const stores = await open(dir);
    await stores.teams.saveTeam(team({ tenantId: A, id: 'soon' }));
    const file = path.join(dir, SNAPSHOT_FILE);
    const deadline = Date.now() + 5000;
    while (
      Date.now() < deadline &&
      !(fs.existsSync(file) && fs.readFileSync(file, 'utf8').includes('soon'))
    ) {
      await new Promise((r) => setTimeout(r, 50));
    }
    expect(fs.readFileSync(file, 'utf8')).toContain('"soon"');
    await stores.close();
  });

  it('moves a corrupt snapshot aside, says so, and starts empty', async () => {
    const dir = tempDir('bearing-corrupt-');
    fs.writeFileSync(path.join(dir, SNAPSHOT_FILE), '{"version":1,"containers":{"teams":[{"id":');
    const logger = memoryLogger();
    const stores = await open(dir, logger);
    expect(fs.readdirSync(dir).some((f) => f.startsWith(`${SNAPSHOT_FILE}.corrupt-`))).toBe(true);
    expect(logger.lines.some((l) => l.startsWith('error local data snapshot was unreadable'))).toBe(
      true,
    );
    expect(await stores.teams.getTeam(A, 'kept')).toBeUndefined();
    expect(await stores.probe()).toBe(true);
    await stores.close();
  });

  it('never leaves a temporary file behind', async () => {
    const dir = tempDir('bearing-tmp-');
    const stores = await open(dir);
    await stores.teams.saveTeam(team({ tenantId: A, id: 'x' }));
    await stores.close();
    expect(fs.readdirSync(dir)).toEqual([SNAPSHOT_FILE]);
  });
});
