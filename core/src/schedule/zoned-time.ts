/** Wall-clock fields of an instant in some time zone. */
export interface LocalDateTime {
  readonly year: number;
  readonly month: number;
  readonly day: number;
  readonly hour: number;
  readonly minute: number;
}

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

/** True when `timeZone` is an IANA zone this runtime knows. */
export function isValidTimeZone(timeZone: string): boolean {
  if (typeof timeZone !== 'string' || timeZone.length === 0 || timeZone.length > 64) return false;
  try {
    formatter(timeZone);
    return true;
  } catch {
    return false;
  }
}

/** The wall-clock date and time of `epochMs` in `timeZone`. */
export function toLocal(epochMs: number, timeZone: string): LocalDateTime {
  const parts: Record<string, number> = {};
  for (const p of formatter(timeZone).formatToParts(new Date(epochMs))) {
    if (p.type !== 'literal') parts[p.type] = Number(p.value);
  }
  return {
    year: parts.year,
    month: parts.month,
    day: parts.day,
    hour: parts.hour % 24,
    minute: parts.minute,
  };
}

/** UTC offset of `timeZone` at `epochMs`, in ms (positive east of Greenwich). */
export function offsetAt(epochMs: number, timeZone: string): number {
  const l = toLocal(epochMs, timeZone);
  const asUtc = Date.UTC(l.year, l.month - 1, l.day, l.hour, l.minute);
  return asUtc - Math.floor(epochMs / MINUTE) * MINUTE;
}

/**
 * The instant a wall-clock time happens in `timeZone`. When it happens twice (autumn fall-back),
 * the first occurrence; when it does not exist (spring-forward gap), the instant the same distance
 * after the gap starts — 02:30 in a 02:00→03:00 gap becomes 03:30.
 */
export function fromLocal(local: LocalDateTime, timeZone: string): number {
  const guess = Date.UTC(local.year, local.month - 1, local.day, local.hour, local.minute);
  const before = offsetAt(guess - 12 * HOUR, timeZone);
  const after = offsetAt(guess + 12 * HOUR, timeZone);
  const matches = (t: number) => {
    const l = toLocal(t, timeZone);
    return (
      l.year === local.year &&
      l.month === local.month &&
      l.day === local.day &&
      l.hour === local.hour &&
      l.minute === local.minute
    );
  };
  const candidates = [guess - before, guess - after].filter(matches).sort((a, b) => a - b);
  return candidates[0] ?? guess - before;
}
