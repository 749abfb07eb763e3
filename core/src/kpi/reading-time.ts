/** The earliest time a reading may carry: anything older is a unit or parsing mistake (year 0000). */
export const EARLIEST_READING_AT = '2000-01-01T00:00:00Z';
/** How far ahead of the server's clock a reading may be dated (clock skew, not a forecast). */
export const MAX_READING_FUTURE_MS = 5 * 60_000;

const EARLIEST_MS = Date.parse(EARLIEST_READING_AT);

/**
 * Why a reading's time is implausible (`label` names it in the message), or undefined when it is
 * from 2000-01-01 on and at most five minutes ahead of `nowMs`.
 */
export function readingTimeProblem(atMs: number, nowMs: number, label: string): string | undefined {
  if (atMs < EARLIEST_MS)
    return `${label} is before 2000-01-01: readings must be dated from 2000-01-01 on.`;
  if (atMs > nowMs + MAX_READING_FUTURE_MS) return `${label} is in the future.`;
  return undefined;
}
