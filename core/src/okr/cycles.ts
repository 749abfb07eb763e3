import type { Cycle } from './types';

const pad = (n: number) => String(n).padStart(2, '0');
const CYCLE_ID = /^FY(\d{4})(?:-Q([1-4]))?$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

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
  return buildCycle(fiscalYear, (Math.floor(sinceStart / 3) + 1) as Quarter, fiscalStartMonth);
}

/** The cycle after `cycle` (the next quarter, or the next fiscal year for a year). */
export function nextCycle(cycle: Cycle, fiscalStartMonth: number): Cycle {
  if (cycle.quarter === undefined) return buildYear(cycle.fiscalYear + 1, fiscalStartMonth);
  return cycle.quarter === 4
    ? buildCycle(cycle.fiscalYear + 1, 1, fiscalStartMonth)
    : buildCycle(cycle.fiscalYear, (cycle.quarter + 1) as Quarter, fiscalStartMonth);
}

/** The cycle before `cycle` (the previous quarter, or the previous fiscal year for a year). */
export function previousCycle(cycle: Cycle, fiscalStartMonth: number): Cycle {
  if (cycle.quarter === undefined) return buildYear(cycle.fiscalYear - 1, fiscalStartMonth);
  return cycle.quarter === 1
    ? buildCycle(cycle.fiscalYear - 1, 4, fiscalStartMonth)
    : buildCycle(cycle.fiscalYear, (cycle.quarter - 1) as Quarter, fiscalStartMonth);
}

/** The cycle named by an id: a quarter `FY2027-Q2` or a fiscal year `FY2027`; undefined when malformed. */
export function cycleById(id: string, fiscalStartMonth: number): Cycle | undefined {
  const m = CYCLE_ID.exec(id);
  if (!m) return undefined;
  return m[2] === undefined
    ? buildYear(Number(m[1]), fiscalStartMonth)
    : buildCycle(Number(m[1]), Number(m[2]) as Quarter, fiscalStartMonth);
}

/** The fiscal year containing `date` as an annual cycle. */
export function fiscalYearFor(date: string, fiscalStartMonth: number): Cycle {
  return buildYear(cycleFor(date, fiscalStartMonth).fiscalYear, fiscalStartMonth);
}

/** The fiscal start month (1–12) a cycle was built with, read back from its dates. */
function startMonthOf(cycle: Cycle): number {
  const month = Number(cycle.start.slice(5, 7));
  return ((month - 1 - ((cycle.quarter ?? 1) - 1) * 3 + 12) % 12) + 1;
}

/** The four quarters of an annual cycle, in order; a quarter gives itself. */
export function quartersOf(year: Cycle): Cycle[] {
  if (year.kind === 'quarter') return [year];
  const fiscalStartMonth = startMonthOf(year);
  return ([1, 2, 3, 4] as const).map((q) => buildCycle(year.fiscalYear, q, fiscalStartMonth));
}

/** The fiscal year a quarter belongs to; a year gives itself. */
export function yearOf(cycle: Cycle): Cycle {
  return cycle.kind === 'year' ? cycle : buildYear(cycle.fiscalYear, startMonthOf(cycle));
}

/** Where a date range (`start` and `lastDay` inclusive, as exports give them) lands. */
export interface ContainingCycle {
  readonly cycle: Cycle;
  /** True when the range is exactly that quarter or fiscal year. */
  readonly exact: boolean;
}

/**
 * The smallest cycle containing the range: its quarter when it fits in one, else its fiscal year.
 * Undefined when the dates are malformed or reversed, or the range spans more than one fiscal
 * year (the caller flags it).
 */
export function containingCycle(
  start: string,
  lastDay: string,
  fiscalStartMonth: number,
): ContainingCycle | undefined {
  if (!DATE.test(start) || !DATE.test(lastDay) || lastDay < start) return undefined;
  if (Number.isNaN(Date.parse(`${start}T00:00:00Z`))) return undefined;
  if (Number.isNaN(Date.parse(`${lastDay}T00:00:00Z`))) return undefined;
  const day = new Date(Date.parse(`${lastDay}T00:00:00Z`) + 86_400_000);
  const endExclusive = day.toISOString().slice(0, 10);
  const exact = (c: Cycle) => c.start === start && c.end === endExclusive;
  const quarter = cycleFor(start, fiscalStartMonth);
  if (lastDay < quarter.end) return { cycle: quarter, exact: exact(quarter) };
  const year = yearOf(quarter);
  if (lastDay < year.end) return { cycle: year, exact: exact(year) };
  return undefined;
}

type Quarter = 1 | 2 | 3 | 4;

const isoMonth = (d: Date) => `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-01`;

function buildYear(fiscalYear: number, fiscalStartMonth: number): Cycle {
  const startYearOfFy = fiscalStartMonth === 1 ? fiscalYear : fiscalYear - 1;
  return {
    id: `FY${fiscalYear}`,
    kind: 'year',
    name: `FY${fiscalYear}`,
    start: isoMonth(new Date(Date.UTC(startYearOfFy, fiscalStartMonth - 1, 1))),
    end: isoMonth(new Date(Date.UTC(startYearOfFy, fiscalStartMonth - 1 + 12, 1))),
    fiscalYear,
  };
}

function buildCycle(fiscalYear: number, quarter: Quarter, fiscalStartMonth: number): Cycle {
  const startYearOfFy = fiscalStartMonth === 1 ? fiscalYear : fiscalYear - 1;
  // Month index counted from January of the fiscal year's first calendar year.
  const first = fiscalStartMonth - 1 + (quarter - 1) * 3;
  const start = new Date(Date.UTC(startYearOfFy, first, 1));
  const end = new Date(Date.UTC(startYearOfFy, first + 3, 1));
  return {
    id: `FY${fiscalYear}-Q${quarter}`,
    kind: 'quarter',
    name: `FY${fiscalYear} Q${quarter}`,
    start: isoMonth(start),
    end: isoMonth(end),
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
