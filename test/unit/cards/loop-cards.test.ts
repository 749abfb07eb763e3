import {
  OPEN_ITEM_TEXT_INPUT,
  CARD_VERBS,
  type OpenItemView,
  type TeamMember,
} from '@bearing/core';
import {
  buildMissedCheckInsCard,
  buildNudgeCard,
} from '../../../bot/src/features/delivery/escalation-card';
import { buildDigestCard } from '../../../bot/src/features/delivery/digest-card';
import { memberCheckInCard } from '../../../bot/src/features/check-in/member-check-in-card';
import {
  digestItemLines,
  memberItemsSection,
} from '../../../bot/src/features/open-items/open-items-card';
import { keyResult } from '../../fixtures/okrs';
import { cardProblems, texts } from '../../support/cards';

// The cards of the weekly loop (open items on the check-in card and digest, missed check-ins,
// nudges) pass the same schema and renderer checks as every card.
const item = (overrides: Partial<OpenItemView> = {}): OpenItemView => ({
  id: 'blocker.u1.2026-W47',
  kind: 'blocker',
  text: 'Waiting for *legal* sign-off',
  author: { userId: 'u1', displayName: 'Alex' },
  keyResults: [{ id: 'k1', title: 'Raise NPS' }],
  cycleId: 'FY2027-Q2',
  createdWeek: '2026-W47',
  createdAt: '2026-11-16T09:00:00Z',
  ageWeeks: 1,
  isNew: false,
  status: 'open',
  ...overrides,
});
const decided = item({
  id: 'decision.u1.2026-W46',
  kind: 'decision',
  text: 'Drop Android?',
  status: 'resolved',
  resolution: {
    outcome: 'decided',
    text: 'Keep it until Q3',
    by: { userId: 'm1', displayName: 'Sam' },
    at: '2026-11-18T10:00:00Z',
  },
});
const member: TeamMember = {
  tenantId: 't',
  teamId: 'team-a',
  userId: 'u1',
  displayName: 'Alex',
  role: 'member',
  active: true,
  joinedAt: '2026-01-01T00:00:00Z',
  updatedAt: '2026-01-01T00:00:00Z',
};

it('the check-in card lists the member’s items: Withdraw on open ones, the outcome of decided ones', () => {
  const card = memberCheckInCard({
    user: { tenantId: 't', userId: 'u1', displayName: 'Alex', teamIds: ['team-a'], updatedAt: '' },
    member,
    team: { id: 'team-a', name: 'Team A' },
    cycleId: 'FY2027-Q2',
    week: '2026-W48',
    keyResults: [keyResult({ ownerId: 'u1' })],
    objectiveTitles: new Map(),
    guardrails: new Map(),
    submissionId: 'sub-12345678',
    openItems: memberItemsSection('team-a', [item(), decided]),
  });
  expect(cardProblems(card)).toEqual([]);
  const json = JSON.stringify(card);
  expect(json).toContain(CARD_VERBS.openItemWithdraw);
  expect(json.match(/item\.withdraw/g)).toHaveLength(1);
  // The open item can be reworded: its own text input, prefilled, and a Save that sends it.
  expect(json.match(/item\.update/g)).toHaveLength(1);
  expect(json).toContain(`"id":"${OPEN_ITEM_TEXT_INPUT(item().id)}"`);
  expect(texts(card).join('\n')).toContain('Decided by Sam: Keep it until Q3');
  expect(texts(card).join('\n')).toContain('open 1 week');
});

it('the digest lists open blockers and pending decisions with their age', () => {
  const card = buildDigestCard({
    teamName: 'Team A',
    week: '2026-W48',
    locale: 'en-US',
    members: [member],
    checkIns: [],
    keyResults: [],
    openItems: digestItemLines([
      item(),
      item({
        id: 'decision.u1.2026-W48',
        kind: 'decision',
        text: 'Hire?',
        isNew: true,
        ageWeeks: 0,
      }),
    ]),
  });
  expect(cardProblems(card)).toEqual([]);
  const all = texts(card).join('\n');
  expect(all).toContain('Alex (open 1 week)');
  expect(all).toContain('Hire? — Alex (new this week)');
});

it('the missed check-ins card has one Nudge per member and passes the card checks', () => {
  const card = buildMissedCheckInsCard('team-a', 'Team *A*', '2026-W48', [
    { userId: 'u1', displayName: 'Alex', weeks: 3, atRisk: ['Raise NPS'] },
    { userId: 'u2', displayName: 'Bo', weeks: 2, atRisk: [] },
  ]);
  expect(cardProblems(card)).toEqual([]);
  expect(JSON.stringify(card).match(/checkin\.nudge/g)).toHaveLength(2);
  expect(texts(card).join('\n')).toContain('missed 3 weeks in a row');
  const nudge = buildNudgeCard('team-a', 'Team A', 'Sam');
  expect(cardProblems(nudge)).toEqual([]);
  expect(JSON.stringify(nudge)).toContain(CARD_VERBS.checkInOpen);
});
