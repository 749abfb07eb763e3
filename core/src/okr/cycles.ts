import type { Cycle } from './types';

const pad = (n: number) => String(n).padStart(2, '0');
const CYCLE_ID = /^FY(\d{4})-Q([1-4])$/;

/**
 * The quarter containing a date, for a fiscal year starting in `fiscalStartMonth` (1–12). The
 * fiscal year is named by the calendar year it ends in (July 2026 starts FY2027); with a January
 * start it equals the calendar year.
 */
export function cycleFor(date: string, fiscalStartMonth: number): Cycle {
  const year = Number(date.slice(0, 4));
  const month = Number(date.slice(5, 7));
  const sinceStart = (month - fiscalStartMonth + 12) % 12;
  const startYear = month >= fiscalStartMonth ? year : year - 1;
  const fiscalYear = fiscalStartMonth === 1 ? startYear : startYear + 1;
  return buildCycle(
    fiscalYear,
    (Math.floor(sinceStart / 3) + 1) as Cycle['quarter'],
    fiscalStartMonth,
  );
}

/** The cycle after `cycle`. */
export function nextCycle(cycle: Cycle, fiscalStartMonth: number): Cycle {
  return cycle.quarter === 4
    ? buildCycle(cycle.fiscalYear + 1, 1, fiscalStartMonth)
    : buildCycle(cycle.fiscalYear, (cycle.quarter + 1) as Cycle['quarter'], fiscalStartMonth);
}

/** The cycle before `cycle`. */
export function previousCycle(cycle: Cycle, fiscalStartMonth: number): Cycle {
  return cycle.quarter === 1
    ? buildCycle(cycle.fiscalYear - 1, 4, fiscalStartMonth)
    : buildCycle(cycle.fiscalYear, (cycle.quarter - 1) as Cycle['quarter'], fiscalStartMonth);
}

/** The cycle named by an id such as `FY2027-Q2`; undefined when malformed. */
export function cycleById(id: string, fiscalStartMonth: number): Cycle | undefined {
  const m = CYCLE_ID.exec(id);
  return m
    ? buildCycle(Number(m[1]), Number(m[2]) as Cycle['quarter'], fiscalStartMonth)
    : undefined;
}

function buildCycle(
  fiscalYear: number,
  quarter: Cycle['quarter'],
  fiscalStartMonth: number,
): Cycle {
  const startYearOfFy = fiscalStartMonth === 1 ? fiscalYear : fiscalYear - 1;
  // Month index counted from January of the fiscal year's first calendar year.
  const first = fiscalStartMonth - 1 + (quarter - 1) * 3;
  const start = new Date(Date.UTC(startYearOfFy, first, 1));
  const end = new Date(Date.UTC(startYearOfFy, first + 3, 1));
  const iso = (d: Date) => `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-01`;
  return {
    id: `FY${fiscalYear}-Q${quarter}`,
    name: `FY${fiscalYear} Q${quarter}`,
    start: iso(start),
    end: iso(end),
    fiscalYear,
    quarter,
  };
}

/** Fraction (0..1) of the cycle elapsed at `now`. */
export function cycleElapsed(cycle: Cycle, now: string): number {
  const start = Date.parse(`${cycle.start}T00:00:00Z`);
  const end = Date.parse(`${cycle.end}T00:00:00Z`);
  return Math.min(1, Math.max(0, (Date.parse(now) - start) / (end - start)));
}
