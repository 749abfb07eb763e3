/** Lenient readers for export values: real exports hold nulls, numbers as text, and odd types. */

/** A trimmed non-empty string, or undefined (numbers become their decimal text). */
export function text(value: unknown): string | undefined {
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  if (typeof value !== 'string') return undefined;
  const t = value.trim();
  return t === '' ? undefined : t;
}

/** A finite number from a number or numeric text (`"40.0%"`, `"1,234.5"`, `"$ 12"`), else undefined. */
export function num(value: unknown): number | undefined {
  if (typeof value === 'number') return Number.isFinite(value) ? value : undefined;
  const t = text(value);
  if (t === undefined) return undefined;
  const cleaned = t.replace(/[\s%$€£,]/g, '');
  if (!/^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i.test(cleaned)) return undefined;
  const n = Number(cleaned);
  return Number.isFinite(n) ? n : undefined;
}

const DATE_TIME =
  /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?)?\s*(Z|UTC|[+-]\d{2}:?\d{2})?$/i;

/** An ISO instant from `YYYY-MM-DD[ HH:MM[:SS]][ UTC|Z|±hh:mm]` (no zone means UTC), else undefined. */
export function instant(value: unknown): string | undefined {
  const t = text(value);
  if (!t) return undefined;
  const m = DATE_TIME.exec(t);
  if (!m) return undefined;
  const zone =
    !m[7] || /^(z|utc)$/i.test(m[7]) ? 'Z' : m[7].replace(/^([+-]\d{2})(\d{2})$/, '$1:$2');
  const iso = `${m[1]}-${m[2]}-${m[3]}T${m[4] ?? '00'}:${m[5] ?? '00'}:${m[6] ?? '00'}${zone}`;
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) return undefined;
  const back = new Date(ms).toISOString();
  // Reject dates that do not exist (2024-02-31 rolls over).
  if (zone === 'Z' && back.slice(0, 10) !== `${m[1]}-${m[2]}-${m[3]}`) return undefined;
  return back;
}

/** A calendar date `YYYY-MM-DD` from any value {@link instant} accepts (its UTC date). */
export function day(value: unknown): string | undefined {
  return instant(value)?.slice(0, 10);
}

/**
 * True for text a spreadsheet would run as a formula (`=HYPERLINK(…)`, `+cmd|…`, `@SUM(…)`).
 * Bearing keeps such text as plain text (its CSV export escapes it); the import says so.
 */
export function looksLikeFormula(value: string): boolean {
  return /^[=+\-@]\s*[A-Za-z_][A-Za-z0-9_.]*\s*[(|!]/.test(value) || /^=/.test(value);
}

/** A short stable id from text (FNV-1a, 64 bit as two 32-bit halves), for rows without an id. */
export function stableHash(value: string): string {
  let h1 = 0x811c9dc5;
  let h2 = 0x01000193 ^ value.length;
  for (let i = 0; i < value.length; i += 1) {
    const c = value.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 0x01000193) >>> 0;
    h2 = Math.imul(h2 ^ c, 0x5bd1e995) >>> 0;
  }
  return `${h1.toString(36)}${h2.toString(36)}`;
}

/** Lower-case, single-spaced text for name matching. */
export function normalName(value: string): string {
  return value.normalize('NFKC').trim().replace(/\s+/g, ' ').toLowerCase();
}

// eslint-disable-next-line no-control-regex -- control characters are what is removed
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g;
/** Text as Bearing stores it: no control characters, at most `max` characters. */
export const clip = (s: string, max: number) => {
  const clean = s.replace(CONTROL, '').trim();
  return clean.length > max ? `${clean.slice(0, max - 1)}…` : clean;
};
