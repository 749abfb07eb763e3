import type { CosmosClient, Database } from '@azure/cosmos';
import { storesOver, type ServerStores } from '../../../bot/src/store';
import { ensureSchema } from '../../../bot/src/store/containers';
import { createCosmosClient } from '../../../bot/src/store/cosmos-client';
import { EMBEDDED_KEY } from '../../../bot/src/store/embedded/embedded-cosmos';
import { docId, teamPk } from '../../../bot/src/store/keys';
import { startCosmosProcess } from '../../../simulators/cosmos/process';
import { keyResult, objective, team } from '../../fixtures/okrs';
import { startTestStore, type TestStore } from '../../support/embedded-store';

// The benchmarks' store (simulators/cosmos/partitioned-cosmos.ts) must answer every query exactly as the
// embedded server does; it may only be faster.
const A = '11111111-1111-1111-1111-111111111111';
let plain: TestStore;
let helper: Awaited<ReturnType<typeof startCosmosProcess>>;
let client: CosmosClient;
type Stores = ServerStores;
let partitioned: { stores: Stores; database: Database };

beforeAll(async () => {
  plain = await startTestStore('plain');
  helper = await startCosmosProcess('corrected');
  client = createCosmosClient({
    endpoint: helper.info.url as string,
    key: EMBEDDED_KEY,
    embedded: true,
  });
  const database = await ensureSchema(client, 'bench');
  partitioned = { stores: storesOver(database), database };
});
afterAll(async () => {
  client.dispose();
  helper.stop();
  await plain.close();
});

/** Runs the same store calls against both servers and returns both answers. */
async function both<T>(run: (s: Stores, database: Database) => Promise<T>): Promise<[T, T]> {
  return [
    await run(plain.stores, plain.client.database('plain')),
    await run(partitioned.stores, partitioned.database),
  ];
}
const withoutEtags = <T extends { etag: string }>(rows: readonly T[]) =>
  rows.map(({ etag, ...rest }) => ({ ...rest, etag: etag ? 'set' : '' }));

it('answers single-partition, company and cross-partition queries as the embedded server does', async () => {
  await both(async (s) => {
    for (const id of ['team-a', 'team-b']) await s.teams.saveTeam(team({ tenantId: A, id }));
    await s.okrs.saveObjective(objective({ tenantId: A, teamId: 'team-a', id: 'o1' }));
    await s.okrs.saveObjective(objective({ tenantId: A, teamId: 'team-b', id: 'o2' }));
    await s.okrs.saveObjective(
      objective({ tenantId: A, teamId: null, id: 'c1', level: 'company' }),
    );
    await s.okrs.saveKeyResult(keyResult({ tenantId: A, teamId: 'team-a', objectiveId: 'o1' }));
  });
  const read = (s: Stores) =>
    Promise.all([
      s.okrs.listObjectives(A, 'team-a', ['FY2027-Q2']).then(withoutEtags),
      s.okrs.listObjectives(A, null, ['FY2027-Q2']).then(withoutEtags),
      s.okrs.listKeyResults(A, 'team-a', ['FY2027-Q2']).then(withoutEtags),
      s.okrs.listTenantObjectives(A, ['FY2027-Q2']),
      s.teams.listTeams(A),
      s.teams
        .loadTeamSnapshot(A, 'team-b', ['FY2027-Q2'], [])
        .then(
          (snap) =>
            snap && { ...snap, team: snap.team.value, objectives: withoutEtags(snap.objectives) },
        ),
    ]);
  const [expected, actual] = await both(read);
  expect(actual).toEqual(expected);
  expect(actual[0].map((o) => o.value.id)).toEqual(['o1']);
  expect(actual[3].items.map((o) => o.id).sort()).toEqual(['c1', 'o1', 'o2']);

  // Each write after a query is seen by the next one (the partition index is rebuilt).
  const steps: [string, (s: Stores, database: Database) => Promise<unknown>][] = [
    ['create', (s) => s.okrs.saveObjective(objective({ tenantId: A, teamId: 'team-a', id: 'o3' }))],
    [
      'replace',
      async (s) => {
        const o1 = await s.okrs.getObjective(A, 'team-a', 'o1');
        await s.okrs.saveObjective({ ...o1!.value, title: 'Renamed' }, o1!.etag);
      },
    ],
    [
      'delete',
      (_s, database) =>
        database.container('teams').item(docId.objective('o2'), teamPk(A, 'team-b')).delete(),
    ],
  ];
  for (const [, write] of steps) {
    await both(write);
    const [expectedNow, actualNow] = await both(read);
    expect(actualNow).toEqual(expectedNow);
  }
  const [, last] = await both(read);
  expect(last[0].map((o) => [o.value.id, o.value.title])).toEqual([
    ['o1', 'Renamed'],
    ['o3', 'Delight customers'],
  ]);
});
