import { historyOf, liveKeyResults, type CheckIn, type KeyResult } from '@bearing/core';

const kr = (id: string, over: Partial<KeyResult> = {}) =>
  ({
    id,
    objectiveId: 'o1',
    type: 'number',
    baseline: 0,
    target: 10,
    current: 0,
    direction: 'increase',
    status: 'active',
    ...over,
  }) as KeyResult;

const checkIn = (week: string, submittedAt: string, value: number, keyResultId = 'k1') =>
  ({
    week,
    submittedAt,
    updates: [{ keyResultId, previousValue: 0, value, confidence: 'onTrack' }],
  }) as unknown as CheckIn;

describe('historyOf', () => {
  it('keeps the latest submission of each week, oldest week first, with its progress', () => {
    const history = historyOf(
      [kr('k1'), kr('k2')],
      [
        checkIn('2026-W10', '2026-03-04T10:00:00Z', 5),
        checkIn('2026-W09', '2026-02-25T10:00:00Z', 2),
        checkIn('2026-W10', '2026-03-05T10:00:00Z', 7),
        checkIn('2026-W10', '2026-03-03T10:00:00Z', 1),
        checkIn('2026-W10', '2026-03-03T10:00:00Z', 9, 'gone'),
      ],
    );
    expect(history.get('k1')).toEqual([
      { week: '2026-W09', value: 2, progress: 0.2, confidence: 'onTrack' },
      { week: '2026-W10', value: 7, progress: 0.7, confidence: 'onTrack' },
    ]);
    expect(history.get('k2')).toEqual([]);
    expect(history.has('gone')).toBe(false);
  });
});

describe('liveKeyResults', () => {
  it('keeps active key results of objectives that are not archived, with the objective title', () => {
    const objectives = [
      { id: 'o1', title: 'Grow', status: 'active' as const },
      { id: 'o2', title: 'Old', status: 'archived' as const },
    ];
    const items = [
      { etag: 'a', value: kr('k1') },
      { etag: 'b', value: kr('k2', { status: 'archived' }) },
      { etag: 'c', value: kr('k3', { objectiveId: 'o2' }) },
      { etag: 'd', value: kr('k4', { objectiveId: 'missing' }) },
      { etag: 'e', value: kr('k5') },
    ];
    expect(liveKeyResults(objectives, items, (i) => i.value)).toEqual([
      { keyResult: items[0], objectiveTitle: 'Grow' },
      { keyResult: items[4], objectiveTitle: 'Grow' },
    ]);
  });
});
