import { DEFAULT_TEAM_SETTINGS, type TeamMember } from '@bearing/core';
import type { DeliveryJob } from '../../../bot/src/features/common/delivery-ports';
import { DeliveryContentResolver } from '../../../bot/src/features/delivery/delivery-content';
import { keyResult } from '../../fixtures/okrs';
import { texts } from '../../support/cards';
import { startTestStore, type TestStore } from '../../support/embedded-store';

// The channel digest is written in the team's language (the locale its members use), like every
// other card follows its reader's locale; it is not always American English.
const T = '11111111-1111-1111-1111-111111111111';
const NOW = '2026-11-23T10:00:00.000Z';
const WEEK = '2026-W48';
let store: TestStore;

async function seedTeam(teamId: string, locales: (string | undefined)[]) {
  const s = store.stores;
  await s.teams.saveTeam({
    tenantId: T,
    id: teamId,
    name: teamId,
    settings: DEFAULT_TEAM_SETTINGS,
    channelReference: { conversation: { id: `${teamId}-channel` }, serviceUrl: 'http://x' },
    createdAt: NOW,
    updatedAt: NOW,
  });
  for (const [i, locale] of locales.entries()) {
    const member: TeamMember = {
      tenantId: T,
      teamId,
      userId: `${teamId}-u${i}`,
      displayName: `User ${i}`,
      role: 'member',
      active: true,
      ...(locale ? { locale } : {}),
      joinedAt: NOW,
      updatedAt: NOW,
    };
    await s.teams.saveMember(member);
  }
  await s.okrs.saveKeyResult(
    keyResult({ tenantId: T, teamId, id: 'kr', ownerId: `${teamId}-u0`, unit: 'points' }),
  );
  await s.checkIns.saveCheckIn({
    tenantId: T,
    teamId,
    userId: `${teamId}-u0`,
    cycleId: 'FY2027-Q2',
    week: WEEK,
    updates: [{ keyResultId: 'kr', previousValue: 7.25, value: 7.5, confidence: 'onTrack' }],
    nothingChanged: false,
    submissionId: 's1',
    submittedAt: NOW,
    updatedAt: NOW,
  });
}

async function digestTexts(teamId: string): Promise<string[]> {
  const job: DeliveryJob = {
    tenantId: T,
    teamId,
    id: `${teamId}-digest`,
    kind: 'digest',
    cycleId: 'FY2027-Q2',
    week: WEEK,
    dueAt: NOW,
    notBefore: NOW,
    status: 'pending',
    attempts: 0,
  };
  const deps = { stores: store.stores, now: () => new Date(NOW), newId: () => 'x' };
  const content = await new DeliveryContentResolver(deps, 0).contentFor(job);
  if (content.kind !== 'send') throw new Error(`digest not sent: ${JSON.stringify(content)}`);
  return texts(content.card);
}

beforeAll(async () => {
  store = await startTestStore();
});
afterAll(() => store?.close());

it("writes a German team's digest numbers the German way", async () => {
  await seedTeam('team-de', ['de-DE', 'de-DE', 'en-US', undefined]);
  expect(await digestTexts('team-de')).toContain(
    'Raise NPS from 20 to 40: 7,25 points → 7,5 points',
  );
});

it('falls back to en-US when no member has a locale', async () => {
  await seedTeam('team-none', [undefined, undefined]);
  expect(await digestTexts('team-none')).toContain(
    'Raise NPS from 20 to 40: 7.25 points → 7.5 points',
  );
});
