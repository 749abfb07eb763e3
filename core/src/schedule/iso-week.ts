import type { IsoWeek } from '../common/ids';
import { toLocal } from './zoned-time';

const DAY = 86_400_000;
const WEEK_PATTERN = /^(\d{4})-W(\d{2})$/;

/** ISO weekday (1 = Monday … 7 = Sunday) of a calendar date. */
export function isoWeekday(year: number, month: number, day: number): number {
  return ((new Date(Date.UTC(year, month - 1, day)).getUTCDay() + 6) % 7) + 1;
}

/** ISO week label of a calendar date. */
export function isoWeekOfDate(year: number, month: number, day: number): IsoWeek {
  const date = Date.UTC(year, month - 1, day);
  // The ISO week belongs to the year that contains its Thursday.
  const thursday = new Date(date + (4 - isoWeekday(year, month, day)) * DAY);
  const weekYear = thursday.getUTCFullYear();
  const week = Math.floor((thursday.getTime() - Date.UTC(weekYear, 0, 1)) / DAY / 7) + 1;
  return `${weekYear}-W${String(week).padStart(2, '0')}`;
}

/** ISO week of an instant as seen in `timeZone`. */
export function isoWeek(instant: string, timeZone: string): IsoWeek {
  const l = toLocal(Date.parse(instant), timeZone);
  return isoWeekOfDate(l.year, l.month, l.day);
}

/** Parses `YYYY-Www`; undefined when malformed or the week does not exist in that year. */
export function parseIsoWeek(week: string): { year: number; week: number } | undefined {
  const m = WEEK_PATTERN.exec(week);
  if (!m) return undefined;
  const year = Number(m[1]);
  const w = Number(m[2]);
  if (w < 1 || w > 53) return undefined;
  const monday = mondayOf(year, w);
  const back = isoWeekOfDate(
    monday.getUTCFullYear(),
    monday.getUTCMonth() + 1,
    monday.getUTCDate(),
  );
  return back === week ? { year, week: w } : undefined;
}

function mondayOf(year: number, week: number): Date {
  // 4 January is always in week 1.
  const jan4 = Date.UTC(year, 0, 4);
  const week1Monday = jan4 - (isoWeekday(year, 1, 4) - 1) * DAY;
  return new Date(week1Monday + (week - 1) * 7 * DAY);
}

/** Monday of an ISO week as `YYYY-MM-DD`; throws on a malformed label (validate input first). */
export function isoWeekStart(week: IsoWeek): string {
  const parsed = parseIsoWeek(week);
  if (!parsed) throw new RangeError(`not an ISO week: ${week}`);
  return mondayOf(parsed.year, parsed.week).toISOString().slice(0, 10);
}

/** The ISO week `n` weeks after (or before, when negative) `week`. */
export function addWeeks(week: IsoWeek, n: number): IsoWeek {
  const monday = new Date(Date.parse(isoWeekStart(week)) + n * 7 * DAY);
  return isoWeekOfDate(monday.getUTCFullYear(), monday.getUTCMonth() + 1, monday.getUTCDate());
}
