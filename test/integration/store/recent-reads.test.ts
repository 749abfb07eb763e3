import { storesOver } from '../../../bot/src/store';
import { team } from '../../fixtures/okrs';
import { startTestStore, type TestStore } from '../../support/embedded-store';

// Organisation and team documents may be served from this instance's recent copy (the member
// context of every card action asks for that); what that copy may and may not hide.
const A = '11111111-1111-1111-1111-111111111111';
const B = '22222222-2222-2222-2222-222222222222';
const LONG = { maxAgeMs: 3_600_000 };
const organization = (tenantId: string, name: string) => ({
  tenantId,
  name,
  fiscalStartMonth: 7,
  defaultTimeZone: 'Europe/Berlin',
  createdAt: '2026-11-22T12:00:00.000Z',
  updatedAt: '2026-11-22T12:00:00.000Z',
});

let t: TestStore;
beforeAll(async () => {
  t = await startTestStore();
});
afterAll(async () => t.close());

it('a copy read moments ago answers without a round trip; a fresh read still goes to the store', async () => {
  const { teams } = t.stores;
  await teams.saveTeam(team({ tenantId: A, id: 'recent-1' }));
  expect((await teams.getTeam(A, 'recent-1', LONG))?.value.name).toBe('Team A');
  t.counter.reset();
  expect((await teams.getTeam(A, 'recent-1', LONG))?.value.name).toBe('Team A');
  expect(t.counter.snapshot().pointRead).toBe(0);
  await teams.getTeam(A, 'recent-1');
  expect(t.counter.snapshot().pointRead).toBe(1);
});

it("this instance's own writes and deletes are seen by the next read at once", async () => {
  const { teams, organizations, dataRights } = t.stores;
  const created = await teams.saveTeam(team({ tenantId: A, id: 'recent-2' }));
  await teams.getTeam(A, 'recent-2', LONG);
  const renamed = await teams.saveTeam({ ...created.value, name: 'Renamed' }, created.etag);
  const read = await teams.getTeam(A, 'recent-2', LONG);
  expect(read?.value.name).toBe('Renamed');
  // The copy carries the ETag of what is stored: a conditional write on it still succeeds.
  expect(read?.etag).toBe(renamed.etag);

  await organizations.saveOrganization(organization(A, 'Contoso'));
  expect((await organizations.getOrganization(A, LONG))?.value.name).toBe('Contoso');
  await dataRights.eraseTenant(A);
  expect(await organizations.getOrganization(A, LONG)).toBeUndefined();
  expect(await teams.getTeam(A, 'recent-2', LONG)).toBeUndefined();
});

it("another instance's change is seen once the copy is older than the age asked for", async () => {
  const other = storesOver(t.stores.database);
  const created = await t.stores.teams.saveTeam(team({ tenantId: A, id: 'recent-3' }));
  await t.stores.teams.getTeam(A, 'recent-3', LONG);
  await other.teams.saveTeam({ ...created.value, name: 'Changed elsewhere' }, created.etag);
  // Within the age asked for, this instance's copy stands (that is the point of asking) ...
  expect((await t.stores.teams.getTeam(A, 'recent-3', LONG))?.value.name).toBe('Team A');
  // ... a read that accepts no copy, or only a younger one, revalidates and sees the change.
  await new Promise((resolve) => setTimeout(resolve, 5));
  const revalidated = await t.stores.teams.getTeam(A, 'recent-3', { maxAgeMs: 1 });
  expect(revalidated?.value.name).toBe('Changed elsewhere');
  expect((await t.stores.teams.getTeam(A, 'recent-3', LONG))?.value.name).toBe('Changed elsewhere');
});

it('copies are per tenant: another tenant with the same team id never gets them', async () => {
  const { teams } = t.stores;
  await teams.saveTeam(team({ tenantId: A, id: 'recent-4', name: 'Of tenant A' }));
  await teams.getTeam(A, 'recent-4', LONG);
  expect(await teams.getTeam(B, 'recent-4', LONG)).toBeUndefined();
  await teams.saveTeam(team({ tenantId: B, id: 'recent-4', name: 'Of tenant B' }));
  expect((await teams.getTeam(B, 'recent-4', LONG))?.value.name).toBe('Of tenant B');
  expect((await teams.getTeam(A, 'recent-4', LONG))?.value.name).toBe('Of tenant A');
});
