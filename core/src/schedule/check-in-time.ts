import type { Instant, IsoWeek } from '../common/ids';
import { err, ok, type Result } from '../common/result';
import type { LocalTime, Weekday } from '../team/types';
import { isoWeekday, isoWeekStart } from './iso-week';
import { fromLocal, isValidTimeZone, toLocal } from './zoned-time';

const DAY = 86_400_000;
const TIME_PATTERN = /^([01]\d|2[0-3]):([0-5]\d)$/;

/** Parses `HH:MM` (24 h). */
export function parseLocalTime(time: string): Result<{ hour: number; minute: number }> {
  const m = TIME_PATTERN.exec(time);
  if (!m) {
    return err({
      code: 'SCHEDULE.INVALID_TIME',
      message: 'Use a 24-hour time such as 09:00.',
      field: 'time',
    });
  }
  return ok({ hour: Number(m[1]), minute: Number(m[2]) });
}

/** When a member is due: weekday and local time in their zone. */
export interface CheckInSlot {
  readonly day: Weekday;
  readonly time: LocalTime;
  readonly timeZone: string;
}

/** The first instant strictly after `after` when it is `slot.day` at `slot.time` in `slot.timeZone`. */
export function nextCheckInInstant(slot: CheckInSlot, after: Instant): Instant {
  const { hour, minute } = unwrapTime(slot.time);
  const afterMs = Date.parse(after);
  const start = toLocal(afterMs, slot.timeZone);
  const base = Date.UTC(start.year, start.month - 1, start.day);
  for (let i = 0; i <= 8; i += 1) {
    const d = new Date(base + i * DAY);
    const [year, month, day] = [d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate()];
    if (isoWeekday(year, month, day) !== slot.day) continue;
    const at = fromLocal({ year, month, day, hour, minute }, slot.timeZone);
    if (at > afterMs) return new Date(at).toISOString();
  }
  throw new RangeError('no check-in instant within 8 days'); // unreachable for valid input
}

/** The check-in instant of a given ISO week for one zone (deterministic planning). */
export function checkInInstantForWeek(week: IsoWeek, slot: CheckInSlot): Instant {
  const { hour, minute } = unwrapTime(slot.time);
  const monday = Date.parse(isoWeekStart(week));
  const d = new Date(monday + (slot.day - 1) * DAY);
  const local = {
    year: d.getUTCFullYear(),
    month: d.getUTCMonth() + 1,
    day: d.getUTCDate(),
    hour,
    minute,
  };
  return new Date(fromLocal(local, slot.timeZone)).toISOString();
}

/** The reminder instant: `offsetMinutes` after the check-in instant. */
export function reminderInstant(checkInAt: Instant, offsetMinutes: number): Instant {
  return new Date(Date.parse(checkInAt) + offsetMinutes * 60_000).toISOString();
}

/** The first valid IANA zone of member, team and organisation, else UTC. */
export function resolveMemberTimeZone(...candidates: readonly (string | undefined)[]): string {
  return candidates.find((tz): tz is string => tz !== undefined && isValidTimeZone(tz)) ?? 'UTC';
}

function unwrapTime(time: LocalTime): { hour: number; minute: number } {
  const parsed = parseLocalTime(time);
  if (!parsed.ok) throw new RangeError(parsed.error.message);
  return parsed.value;
}
