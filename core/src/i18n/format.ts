import type { KeyResult } from '../okr/types';

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
    return new Intl.NumberFormat(safeLocale, {
      style: 'currency',
      currency: kr.unit,
      maximumFractionDigits: 2,
    }).format(value);
  }
  const n = new Intl.NumberFormat(safeLocale, { maximumFractionDigits: 2 }).format(value);
  if (kr.type === 'percent' || kr.unit === '%') return `${n}%`;
  return kr.unit ? `${n} ${kr.unit}` : n;
}

/** Formats a signed change (+5, −2.5). */
export function formatChange(change: number, locale: string): string {
  const n = new Intl.NumberFormat(supportedLocale(locale), {
    maximumFractionDigits: 2,
    signDisplay: 'exceptZero',
  });
  return n.format(change);
}

/** Formats an instant as a short date and time in the viewer's zone and locale. */
export function formatInstant(instant: string, timeZone: string, locale: string): string {
  return new Intl.DateTimeFormat(supportedLocale(locale), {
    timeZone,
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    hour: '2-digit',
    minute: '2-digit',
  }).format(new Date(instant));
}

/** The locale if the runtime supports it, else English. */
export function supportedLocale(locale: string | undefined): string {
  if (!locale) return 'en-US';
  try {
    return Intl.NumberFormat.supportedLocalesOf([locale]).length > 0 ? locale : 'en-US';
  } catch {
    return 'en-US';
  }
}
