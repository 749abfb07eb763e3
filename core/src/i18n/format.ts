import type { KeyResult } from '../okr/types';
import { isoWeekStart, parseIsoWeek } from '../schedule/iso-week';
import { en } from './en';

/** Formats a key result value with its unit in the viewer's locale. */
export function formatValue(
  kr: Pick<KeyResult, 'type' | 'unit' | 'target'>,
  value: number,
  locale: string,
): string {
  const safeLocale = supportedLocale(locale);
  if (kr.type === 'boolean') return value >= 1 ? '✓' : '✗';
  if (kr.type === 'milestone') return `${value}/${kr.target}`;
  if (kr.type === 'currency' && kr.unit && /^[A-Z]{3}$/.test(kr.unit)) {
    const currency = kr.unit;
    return cached(
      `currency|${safeLocale}|${currency}`,
      () =>
        new Intl.NumberFormat(safeLocale, {
          style: 'currency',
          currency,
          maximumFractionDigits: 2,
        }),
    ).format(value);
  }
  const n = cached(
    `number|${safeLocale}`,
    () => new Intl.NumberFormat(safeLocale, { maximumFractionDigits: 2 }),
  ).format(value);
  if (kr.type === 'percent' || kr.unit === '%') return `${n}%`;
  if (!kr.unit) return n;
  const one = pluralRules(safeLocale).select(value) === 'one';
  return `${n} ${one ? en.units.singular(kr.unit) : kr.unit}`;
}

const pluralRules = (locale: string) =>
  cached(`plural|${locale}`, () => new Intl.PluralRules(locale));

/**
 * An ISO week (`2026-W49`) as people read it: "week of Nov 30" (en-US), "week of 30 Nov" (en-GB),
 * from its Monday in the viewer's locale. A label that is not a week is returned as it is.
 */
export function formatWeek(week: string, locale: string): string {
  if (!parseIsoWeek(week)) return week;
  const safeLocale = supportedLocale(locale);
  const monday = cached(
    `week|${safeLocale}`,
    () => new Intl.DateTimeFormat(safeLocale, { timeZone: 'UTC', day: 'numeric', month: 'short' }),
  ).format(new Date(`${isoWeekStart(week)}T00:00:00Z`));
  return en.week.of(monday);
}

/** Formats a signed change (+5, −2.5). */
export function formatChange(change: number, locale: string): string {
  const safeLocale = supportedLocale(locale);
  return cached(
    `change|${safeLocale}`,
    () =>
      new Intl.NumberFormat(safeLocale, { maximumFractionDigits: 2, signDisplay: 'exceptZero' }),
  ).format(change);
}

/** Formats an instant as a short date and time in the viewer's zone and locale. */
export function formatInstant(instant: string, timeZone: string, locale: string): string {
  const safeLocale = supportedLocale(locale);
  return cached(
    `instant|${safeLocale}|${timeZone}`,
    () =>
      new Intl.DateTimeFormat(safeLocale, {
        timeZone,
        weekday: 'short',
        day: 'numeric',
        month: 'short',
        hour: '2-digit',
        minute: '2-digit',
      }),
  ).format(new Date(instant));
}

/** The locale if the runtime supports it, else English. */
export function supportedLocale(locale: string | undefined): string {
  if (!locale) return 'en-US';
  return cached(`locale|${locale}`, () => {
    try {
      return Intl.NumberFormat.supportedLocalesOf([locale]).length > 0 ? locale : 'en-US';
    } catch {
      return 'en-US';
    }
  });
}

// Building an Intl formatter costs 40–230 µs, formatting with one about 1 µs: every card and view
// formats many values, so formatters are kept per locale, zone and style. Locales and zones come
// from users, so the cache is bounded (cleared when full; refilling it is cheap).
const MAX_CACHED = 1000;
const cache = new Map<string, unknown>();
function cached<T>(key: string, make: () => T): T {
  let value = cache.get(key) as T | undefined;
  if (value === undefined) {
    if (cache.size >= MAX_CACHED) cache.clear();
    value = make();
    cache.set(key, value);
  }
  return value;
}
