import fc from 'fast-check';
import {
  containingCycle,
  cycleById,
  cycleFor,
  fiscalYearFor,
  nextCycle,
  previousCycle,
  quartersOf,
  schemas,
  yearOf,
} from '@bearing/core';

const { cycleId } = schemas;

describe('annual cycles beside quarterly ones', () => {
  it.each([
    ['FY2026', 1, '2026-01-01', '2027-01-01'],
    ['FY2027', 7, '2026-07-01', '2027-07-01'],
    ['FY2026', 4, '2025-04-01', '2026-04-01'],
    ['FY2026', 11, '2025-11-01', '2026-11-01'],
  ])('%s with fiscal start month %i is [%s, %s)', (id, month, start, end) => {
    expect(cycleById(id, month)).toEqual({
      id,
      kind: 'year',
      name: id,
      start,
      end,
      fiscalYear: Number(id.slice(2)),
    });
  });

  it('keeps quarterly ids as they were, now with kind quarter', () => {
    expect(cycleById('FY2027-Q2', 7)).toMatchObject({
      id: 'FY2027-Q2',
      kind: 'quarter',
      quarter: 2,
      start: '2026-10-01',
      end: '2027-01-01',
    });
    expect(cycleById('FY2027-Q5', 7)).toBeUndefined();
    expect(cycleById('FY27', 7)).toBeUndefined();
    expect(cycleById('FY2027-', 7)).toBeUndefined();
  });

  it('lists the quarters of a year and finds the year of a quarter', () => {
    const year = cycleById('FY2027', 7)!;
    const quarters = quartersOf(year);
    expect(quarters.map((q) => q.id)).toEqual(['FY2027-Q1', 'FY2027-Q2', 'FY2027-Q3', 'FY2027-Q4']);
    expect(quarters[0]!.start).toBe(year.start);
    expect(quarters[3]!.end).toBe(year.end);
    for (const q of quarters) expect(yearOf(q)).toEqual(year);
    expect(yearOf(year)).toBe(year);
    expect(quartersOf(quarters[1]!)).toEqual([quarters[1]]);
  });

  it('steps annual cycles by a year', () => {
    const year = cycleById('FY2026', 10)!;
    expect(nextCycle(year, 10)).toMatchObject({ id: 'FY2027', start: year.end });
    expect(previousCycle(year, 10)).toMatchObject({ id: 'FY2025', end: year.start });
  });

  it('every quarter lies inside its year, and the year is the one of its dates (property)', () => {
    fc.assert(
      fc.property(
        fc.date({
          min: new Date('2000-01-01T00:00:00Z'),
          max: new Date('2099-12-31T00:00:00Z'),
          noInvalidDate: true,
        }),
        fc.integer({ min: 1, max: 12 }),
        (d, month) => {
          const day = d.toISOString().slice(0, 10);
          const q = cycleFor(day, month);
          const y = yearOf(q);
          expect(y).toEqual(fiscalYearFor(day, month));
          expect(y.start <= q.start && q.end <= y.end).toBe(true);
          expect(quartersOf(y).map((c) => c.id)).toContain(q.id);
          expect(cycleById(y.id, month)).toEqual(y);
        },
      ),
    );
  });

  it.each([
    ['2024-07-01', '2024-09-30', 1, 'FY2024-Q3', true],
    ['2024-01-01', '2024-12-31', 1, 'FY2024', true],
    ['2024-07-01', '2025-06-30', 7, 'FY2025', true],
    ['2024-01-01', '2024-06-30', 1, 'FY2024', false],
    ['2024-08-01', '2024-08-31', 1, 'FY2024-Q3', false],
    ['2024-10-01', '2025-03-31', 1, undefined, false],
    ['2024-10-01', '2025-03-31', 7, 'FY2025', false],
  ])(
    'range %s..%s (fiscal start %i) lands in %s (exact %s)',
    (start, lastDay, month, id, exact) => {
      const found = containingCycle(start, lastDay, month);
      if (id === undefined) expect(found).toBeUndefined();
      else expect(found).toEqual({ cycle: cycleById(id, month), exact });
    },
  );

  it('flags malformed or reversed ranges', () => {
    expect(containingCycle('2024-13-01', '2024-12-31', 1)).toBeUndefined();
    expect(containingCycle('2024-12-01', '2024-11-30', 1)).toBeUndefined();
    expect(containingCycle('', '2024-11-30', 1)).toBeUndefined();
  });

  it('request schemas accept annual and quarterly ids and refuse others', () => {
    expect(cycleId.safeParse('FY2026').success).toBe(true);
    expect(cycleId.safeParse('FY2026-Q1').success).toBe(true);
    expect(cycleId.safeParse('FY2026-Q5').success).toBe(false);
    expect(cycleId.safeParse('2026').success).toBe(false);
  });
});
