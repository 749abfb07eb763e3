import { ensureSchema, SchemaMissingError, verifySchema } from '../../../bot/src/store/containers';
import { startTestStore, type TestStore } from '../../support/embedded-store';

// Azure mode (managed identity, local auth disabled) only checks the schema Bicep created: the
// data-plane role cannot create containers, so a missing one must stop the start with a clear
// message instead of a 403 on the first write.
let store: TestStore;
beforeAll(async () => {
  store = await startTestStore(`verify-${process.pid}`);
});
afterAll(async () => store?.close());

const containerIds = async (databaseId: string) =>
  (await store.client.database(databaseId).containers.readAll().fetchAll()).resources
    .map((c) => c.id)
    .sort();

describe('verifySchema (Azure mode start)', () => {
  it('names a missing database and creates nothing', async () => {
    const error = await verifySchema(store.client, 'nowhere').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SchemaMissingError);
    expect((error as Error).message).toMatch(/database nowhere.*infra\/azure\.bicep/);
    const { resources } = await store.client.databases.readAll().fetchAll();
    expect(resources.map((d) => d.id)).not.toContain('nowhere');
  });

  it('names each missing container and creates none of them', async () => {
    await store.client.databases.create({ id: 'partial' });
    await store.client.database('partial').containers.create({
      id: 'teams',
      partitionKey: { paths: ['/pk'] },
    });
    const error = await verifySchema(store.client, 'partial').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SchemaMissingError);
    expect((error as SchemaMissingError).missing).toEqual([
      'container users',
      'container readings',
      'container deliveries',
    ]);
    expect(await containerIds('partial')).toEqual(['teams']);
  });

  it('accepts the schema ensureSchema (or Bicep) created', async () => {
    await ensureSchema(store.client, 'complete');
    const database = await verifySchema(store.client, 'complete');
    expect(database.id).toBe('complete');
    expect(await containerIds('complete')).toEqual(['deliveries', 'readings', 'teams', 'users']);
  });
});
