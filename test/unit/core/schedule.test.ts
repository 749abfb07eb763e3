import fc from 'fast-check';
import {
  addWeeks,
  checkInInstantForWeek,
  isoWeek,
  isoWeekOfDate,
  isoWeekStart,
  nextCheckInInstant,
  parseIsoWeek,
  parseLocalTime,
  reminderInstant,
  resolveMemberTimeZone,
  toLocal,
  type Weekday,
} from '@bearing/core';

describe('ISO weeks', () => {
  it.each([
    [2026, 11, 23, '2026-W48'],
    [2026, 12, 31, '2026-W53'],
    [2027, 1, 1, '2026-W53'],
    [2027, 1, 4, '2027-W01'],
    [2020, 12, 31, '2020-W53'],
    [2021, 1, 3, '2020-W53'],
    [2019, 12, 30, '2020-W01'],
    [2024, 12, 30, '2025-W01'],
  ])('%i-%i-%i is in %s', (y, m, d, week) => {
    expect(isoWeekOfDate(y, m, d)).toBe(week);
  });

  it('uses the local date of the viewer’s time zone', () => {
    // Sunday 23:30 in New York is already Monday in UTC: a different ISO week.
    expect(isoWeek('2026-11-23T04:30:00Z', 'America/New_York')).toBe('2026-W47');
    expect(isoWeek('2026-11-23T04:30:00Z', 'UTC')).toBe('2026-W48');
  });

  it('rejects weeks that do not exist and finds Mondays', () => {
    expect(parseIsoWeek('2025-W53')).toBeUndefined();
    expect(parseIsoWeek('2026-W53')).toEqual({ year: 2026, week: 53 });
    expect(parseIsoWeek('2026-W00')).toBeUndefined();
    expect(parseIsoWeek('2026-48')).toBeUndefined();
    expect(isoWeekStart('2026-W53')).toBe('2026-12-28');
    expect(isoWeekStart('2020-W01')).toBe('2019-12-30');
  });

  it('adds weeks across year boundaries', () => {
    expect(addWeeks('2026-W52', 1)).toBe('2026-W53');
    expect(addWeeks('2026-W53', 1)).toBe('2027-W01');
    expect(addWeeks('2027-W01', -1)).toBe('2026-W53');
    expect(addWeeks('2025-W52', 1)).toBe('2026-W01');
  });
});

describe('next check-in instant', () => {
  const monday9 = (timeZone: string) => ({ day: 1 as Weekday, time: '09:00', timeZone });

  it('is the coming Monday 09:00 in the member’s zone', () => {
    // Sunday 22 Nov 2026 15:00 UTC → Monday 23 Nov 09:00 in Los Angeles (UTC-8) = 17:00Z.
    expect(nextCheckInInstant(monday9('America/Los_Angeles'), '2026-11-22T15:00:00Z')).toBe(
      '2026-11-23T17:00:00.000Z',
    );
    expect(nextCheckInInstant(monday9('Asia/Kolkata'), '2026-11-22T15:00:00Z')).toBe(
      '2026-11-23T03:30:00.000Z',
    );
    expect(nextCheckInInstant(monday9('Pacific/Chatham'), '2026-11-22T15:00:00Z')).toBe(
      '2026-11-22T19:15:00.000Z',
    );
  });

  it('is strictly after the given instant (exactly at the slot → next week)', () => {
    expect(nextCheckInInstant(monday9('UTC'), '2026-11-23T09:00:00Z')).toBe(
      '2026-11-30T09:00:00.000Z',
    );
  });

  it('follows the local clock across DST changes (Berlin, New York, Sydney)', () => {
    // Berlin: CET (+1) until 29 Mar 2026, CEST (+2) after.
    expect(nextCheckInInstant(monday9('Europe/Berlin'), '2026-03-24T00:00:00Z')).toBe(
      '2026-03-30T07:00:00.000Z',
    );
    expect(nextCheckInInstant(monday9('Europe/Berlin'), '2026-03-20T00:00:00Z')).toBe(
      '2026-03-23T08:00:00.000Z',
    );
    // New York: back to EST (-5) on 1 Nov 2026.
    expect(nextCheckInInstant(monday9('America/New_York'), '2026-10-27T00:00:00Z')).toBe(
      '2026-11-02T14:00:00.000Z',
    );
    expect(nextCheckInInstant(monday9('America/New_York'), '2026-10-20T00:00:00Z')).toBe(
      '2026-10-26T13:00:00.000Z',
    );
    // Sydney: AEDT (+11) starts 4 Oct 2026.
    expect(nextCheckInInstant(monday9('Australia/Sydney'), '2026-10-01T00:00:00Z')).toBe(
      '2026-10-04T22:00:00.000Z',
    );
  });

  it('moves a time inside the spring-forward gap forward by the gap', () => {
    // 29 Mar 2026 02:30 does not exist in Berlin: 03:30 CEST = 01:30Z.
    const slot = { day: 7 as Weekday, time: '02:30', timeZone: 'Europe/Berlin' };
    expect(nextCheckInInstant(slot, '2026-03-23T00:00:00Z')).toBe('2026-03-29T01:30:00.000Z');
  });

  it('uses the first occurrence of a time repeated at fall-back', () => {
    // 25 Oct 2026 02:30 happens twice in Berlin: first at CEST (+2) = 00:30Z.
    const slot = { day: 7 as Weekday, time: '02:30', timeZone: 'Europe/Berlin' };
    expect(nextCheckInInstant(slot, '2026-10-19T00:00:00Z')).toBe('2026-10-25T00:30:00.000Z');
  });

  it('plans the instant of a given week and its reminder', () => {
    const at = checkInInstantForWeek('2026-W48', monday9('Europe/London'));
    expect(at).toBe('2026-11-23T09:00:00.000Z');
    expect(reminderInstant(at, 24 * 60)).toBe('2026-11-24T09:00:00.000Z');
  });

  it('always lands on the requested local weekday and time within 8 days (property)', () => {
    const zones = [
      'UTC',
      'Europe/Berlin',
      'America/New_York',
      'Australia/Sydney',
      'Asia/Kolkata',
      'America/Sao_Paulo',
    ];
    fc.assert(
      fc.property(
        fc.date({
          min: new Date('2020-01-01T00:00:00Z'),
          max: new Date('2035-12-31T00:00:00Z'),
          noInvalidDate: true,
        }),
        fc.integer({ min: 1, max: 7 }),
        fc.integer({ min: 4, max: 22 }),
        fc.constantFrom(...zones),
        (after, day, hour, timeZone) => {
          const time = `${String(hour).padStart(2, '0')}:15`;
          const next = nextCheckInInstant(
            { day: day as Weekday, time, timeZone },
            after.toISOString(),
          );
          const ms = Date.parse(next);
          expect(ms).toBeGreaterThan(after.getTime());
          expect(ms).toBeLessThanOrEqual(after.getTime() + 8 * 86_400_000);
          const local = toLocal(ms, timeZone);
          expect(
            `${String(local.hour).padStart(2, '0')}:${String(local.minute).padStart(2, '0')}`,
          ).toBe(time);
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('schedule helpers', () => {
  it('parses local times', () => {
    expect(parseLocalTime('09:00')).toEqual({ ok: true, value: { hour: 9, minute: 0 } });
    for (const bad of ['9:00', '24:00', '12:60', '', '09:00:00']) {
      const r = parseLocalTime(bad);
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.error.code).toBe('SCHEDULE.INVALID_TIME');
    }
  });

  it('resolves the member’s zone, then the team’s, then the organisation’s, else UTC', () => {
    expect(resolveMemberTimeZone('Europe/Berlin', 'UTC')).toBe('Europe/Berlin');
    expect(resolveMemberTimeZone('Mars/Olympus', 'America/New_York')).toBe('America/New_York');
    expect(resolveMemberTimeZone(undefined, 'nope', 'Asia/Tokyo')).toBe('Asia/Tokyo');
    expect(resolveMemberTimeZone(undefined, undefined)).toBe('UTC');
  });
});
