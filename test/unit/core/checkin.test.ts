import {
  applyCheckIn,
  checkInDeltas,
  completionRate,
  type CheckInSubmission,
  type TeamMember,
} from '@bearing/core';
import { keyResult } from '../../fixtures/okrs';

const now = '2026-11-23T10:00:00.000Z';
const krs = [
  keyResult({ id: 'a', current: 30 }),
  keyResult({ id: 'b', type: 'boolean', baseline: 0, target: 1, current: 0 }),
  keyResult({
    id: 'm',
    type: 'milestone',
    baseline: 0,
    target: 3,
    current: 1,
    milestones: ['x', 'y', 'z'],
  }),
];
const submission = (overrides: Partial<CheckInSubmission> = {}): CheckInSubmission => ({
  tenantId: krs[0].tenantId,
  teamId: 'team-a',
  userId: 'u1',
  cycleId: 'FY2027-Q2',
  week: '2026-W48',
  submissionId: 'sub-00000001',
  nothingChanged: false,
  updates: [
    { keyResultId: 'a', value: 35, confidence: 'atRisk' },
    { keyResultId: 'b', value: 1, confidence: 'onTrack' },
  ],
  whatChanged: 'Shipped the pilot',
  ...overrides,
});

describe('applyCheckIn', () => {
  it('records values, confidence and deltas and updates the key results', () => {
    const r = applyCheckIn(krs, undefined, submission(), now);
    if (!r.ok) throw new Error(r.error.message);
    expect(r.value.replayed).toBe(false);
    expect(r.value.checkIn.updates).toEqual([
      { keyResultId: 'a', previousValue: 30, value: 35, confidence: 'atRisk' },
      { keyResultId: 'b', previousValue: 0, value: 1, confidence: 'onTrack' },
    ]);
    expect(r.value.keyResults.map((k) => [k.id, k.current, k.confidence, k.lastCheckInAt])).toEqual(
      [
        ['a', 35, 'atRisk', now],
        ['b', 1, 'onTrack', now],
      ],
    );
    expect(r.value.checkIn).toMatchObject({ whatChanged: 'Shipped the pilot', submittedAt: now });
    expect(checkInDeltas(r.value.checkIn, krs)[0]).toMatchObject({
      change: 5,
      progressBefore: 0.5,
      progressAfter: 0.75,
    });
  });

  it('returns the stored check-in unchanged for a replayed submission', () => {
    const first = applyCheckIn(krs, undefined, submission(), now);
    if (!first.ok) throw new Error('first failed');
    const updatedKrs = krs.map((k) => first.value.keyResults.find((u) => u.id === k.id) ?? k);
    const again = applyCheckIn(
      updatedKrs,
      first.value.checkIn,
      submission(),
      '2026-11-23T10:05:00Z',
    );
    expect(again.ok && again.value.replayed).toBe(true);
    expect(again.ok && again.value.checkIn).toBe(first.value.checkIn);
  });

  it('keeps deltas measured from before the first submission when editing', () => {
    const first = applyCheckIn(krs, undefined, submission(), now);
    if (!first.ok) throw new Error('first failed');
    const updatedKrs = krs.map((k) => first.value.keyResults.find((u) => u.id === k.id) ?? k);
    const edit = applyCheckIn(
      updatedKrs,
      first.value.checkIn,
      submission({
        submissionId: 'sub-00000002',
        updates: [{ keyResultId: 'a', value: 38, confidence: 'onTrack' }],
      }),
      '2026-11-24T09:00:00Z',
    );
    if (!edit.ok) throw new Error(edit.error.message);
    expect(edit.value.checkIn.updates).toEqual([
      { keyResultId: 'a', previousValue: 30, value: 38, confidence: 'onTrack' },
    ]);
    expect(edit.value.checkIn.submittedAt).toBe(now);
  });

  it('keeps values when nothing changed', () => {
    const r = applyCheckIn(
      krs,
      undefined,
      submission({
        nothingChanged: true,
        updates: [{ keyResultId: 'a', value: Number.NaN, confidence: 'onTrack' }],
      }),
      now,
    );
    expect(r.ok && r.value.checkIn.updates[0]).toEqual({
      keyResultId: 'a',
      previousValue: 30,
      value: 30,
      confidence: 'onTrack',
    });
    expect(r.ok && r.value.checkIn.nothingChanged).toBe(true);
  });

  it.each([
    [
      { updates: [{ keyResultId: 'zzz', value: 1, confidence: 'onTrack' as const }] },
      'CHECKIN.UNKNOWN_KEY_RESULT',
      'kr.zzz.value',
    ],
    [
      {
        updates: [
          { keyResultId: 'a', value: 1, confidence: 'onTrack' as const },
          { keyResultId: 'a', value: 2, confidence: 'onTrack' as const },
        ],
      },
      'CHECKIN.DUPLICATE_KEY_RESULT',
      'kr.a.value',
    ],
    [
      {
        updates: [
          { keyResultId: 'a', value: Number.POSITIVE_INFINITY, confidence: 'onTrack' as const },
        ],
      },
      'CHECKIN.VALUE_OUT_OF_RANGE',
      'kr.a.value',
    ],
    [
      { updates: [{ keyResultId: 'b', value: 0.5, confidence: 'onTrack' as const }] },
      'CHECKIN.VALUE_OUT_OF_RANGE',
      'kr.b.value',
    ],
    [
      { updates: [{ keyResultId: 'm', value: 4, confidence: 'onTrack' as const }] },
      'CHECKIN.VALUE_OUT_OF_RANGE',
      'kr.m.value',
    ],
    [{ blockers: 'x'.repeat(1001) }, 'CHECKIN.TEXT_TOO_LONG', 'blockers'],
  ])('rejects bad input %#', (overrides, code, field) => {
    const r = applyCheckIn(krs, undefined, submission(overrides), now);
    expect(r.ok ? 'ok' : [r.error.code, r.error.field]).toEqual([code, field]);
  });

  it('rejects archived key results', () => {
    const archived = [keyResult({ id: 'a', status: 'archived' })];
    const r = applyCheckIn(
      archived,
      undefined,
      submission({ updates: [{ keyResultId: 'a', value: 1, confidence: 'onTrack' }] }),
      now,
    );
    expect(r.ok ? 'ok' : r.error.code).toBe('CHECKIN.UNKNOWN_KEY_RESULT');
  });
});

describe('completionRate', () => {
  const member = (userId: string, active = true): TeamMember => ({
    tenantId: 't',
    teamId: 'team-a',
    userId,
    displayName: userId,
    role: 'member',
    active,
    joinedAt: now,
    updatedAt: now,
  });
  it('counts active members who checked in', () => {
    const first = applyCheckIn(krs, undefined, submission(), now);
    if (!first.ok) throw new Error('failed');
    expect(
      completionRate([member('u1'), member('u2'), member('u3', false)], [first.value.checkIn]),
    ).toBe(0.5);
    expect(completionRate([], [])).toBe(0);
  });
});
