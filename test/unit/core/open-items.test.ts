import {
  closeItem,
  openItemAgeWeeks,
  openItemsFromCheckIn,
  type CheckIn,
  type OpenItem,
} from '@bearing/core';

const checkIn = (overrides: Partial<CheckIn> = {}): CheckIn => ({
  tenantId: 't',
  teamId: 'team',
  userId: 'u1',
  cycleId: 'FY2027-Q2',
  week: '2026-W48',
  updates: [{ keyResultId: 'k1', previousValue: 1, value: 2, confidence: 'atRisk' }],
  nothingChanged: false,
  blockers: 'No test data',
  submissionId: 'sub-1',
  submittedAt: '2026-11-23T09:00:00Z',
  updatedAt: '2026-11-23T09:00:00Z',
  ...overrides,
});
const stored = (items: OpenItem[]) => new Map(items.map((i) => [i.id, i]));

it('a blocker becomes one open item with an id from the check-in; applying it again writes nothing', () => {
  const [item, ...rest] = openItemsFromCheckIn(checkIn(), new Map(), 'Alex');
  expect(rest).toEqual([]);
  expect(item).toMatchObject({ id: 'blocker.u1.2026-W48', status: 'open', keyResultIds: ['k1'] });
  expect(openItemsFromCheckIn(checkIn(), stored([item as OpenItem]), 'Alex')).toEqual([]);
});

it('an edit rewords the same item; clearing the answer withdraws it; a resolved item is never reopened', () => {
  const [item] = openItemsFromCheckIn(checkIn(), new Map(), 'Alex') as [OpenItem];
  const edited = checkIn({ blockers: 'No test data yet', updatedAt: '2026-11-23T10:00:00Z' });
  expect(openItemsFromCheckIn(edited, stored([item]), 'Alex')).toEqual([
    { ...item, text: 'No test data yet', updatedAt: '2026-11-23T10:00:00Z' },
  ]);
  const cleared = checkIn({ blockers: undefined, updatedAt: '2026-11-23T11:00:00Z' });
  const [withdrawn] = openItemsFromCheckIn(cleared, stored([item]), 'Alex');
  expect(withdrawn?.resolution).toMatchObject({ outcome: 'withdrawn', byUserId: 'u1' });
  const resolved = closeItem(item, 'resolved', 'm1', 'Sam', '2026-11-23T12:00:00Z');
  const later = checkIn({ blockers: 'Again', updatedAt: '2026-11-23T13:00:00Z' });
  expect(openItemsFromCheckIn(later, stored([resolved]), 'Alex')).toEqual([]);
});

it('age counts whole ISO weeks, across a year end', () => {
  expect(openItemAgeWeeks({ createdWeek: '2026-W48' }, '2026-W48')).toBe(0);
  expect(openItemAgeWeeks({ createdWeek: '2026-W52' }, '2027-W02')).toBe(3);
});
