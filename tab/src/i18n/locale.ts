import { createContext, useContext } from 'react';
import { en, type Messages } from './en';

/** Messages plus number and date formatting in the viewer's locale (Teams locale when known). */
export interface Locale {
  readonly tag: string;
  readonly messages: Messages;
  percent(fraction: number): string;
  /** A key result or KPI value with its unit; ISO currency codes (`USD`) format as money. */
  number(value: number, unit?: string): string;
  date(iso: string): string;
}

function supportedTag(tag: string | undefined): string {
  if (!tag) return 'en-US';
  try {
    return Intl.getCanonicalLocales(tag)[0] ?? 'en-US';
  } catch {
    return 'en-US';
  }
}

/** Builds the formatters once per locale (Intl formatters are costly to create). */
export function createLocale(tag?: string): Locale {
  const resolved = supportedTag(tag);
  const percent = new Intl.NumberFormat(resolved, { style: 'percent', maximumFractionDigits: 0 });
  const number = new Intl.NumberFormat(resolved, { maximumFractionDigits: 2 });
  // No timeZone option: dates show in the viewer's own time zone.
  const date = new Intl.DateTimeFormat(resolved, { dateStyle: 'medium' });
  return {
    tag: resolved,
    messages: en,
    percent: (fraction) => percent.format(Math.min(1, Math.max(0, fraction))),
    number: (value, unit) => {
      if (unit && /^[A-Z]{3}$/.test(unit)) {
        try {
          return new Intl.NumberFormat(resolved, {
            style: 'currency',
            currency: unit,
            maximumFractionDigits: 0,
          }).format(value);
        } catch {
          // Not a currency this runtime knows: fall through to number and unit.
        }
      }
      const text = number.format(value);
      if (!unit) return text;
      return unit === '%' ? `${text}%` : `${text} ${unit}`;
    },
    date: (iso) => {
      const when = new Date(iso);
      return Number.isNaN(when.getTime()) ? iso : date.format(when);
    },
  };
}

export const LocaleContext = createContext<Locale>(createLocale('en-US'));

/** The viewer's locale: messages and formatters. */
export function useLocale(): Locale {
  return useContext(LocaleContext);
}
