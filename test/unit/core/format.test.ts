import { formatChange, formatInstant, formatValue, supportedLocale } from '@bearing/core';

const number = { type: 'number', unit: 'days', target: 30 } as const;
const euros = { type: 'currency', unit: 'EUR', target: 100 } as const;

describe('formatting values for cards and views', () => {
  it('formats in the viewer’s locale, and the same way on every call', () => {
    for (let i = 0; i < 3; i++) {
      expect(formatValue(number, 1234.567, 'en-US')).toBe('1,234.57 days');
      expect(formatValue(number, 1234.567, 'de-DE')).toBe('1.234,57 days');
      expect(formatValue(euros, 12.5, 'en-US')).toBe('€12.50');
      expect(formatChange(-2.5, 'en-US')).toBe('-2.5');
      expect(formatChange(5, 'en-US')).toBe('+5');
    }
  });

  it('keeps time zones apart (the formatter for one zone is not reused for another)', () => {
    const at = '2026-11-23T08:00:00Z';
    expect(formatInstant(at, 'Europe/Berlin', 'en-GB')).toContain('09:00');
    expect(formatInstant(at, 'America/New_York', 'en-GB')).toContain('03:00');
    expect(formatInstant(at, 'Europe/Berlin', 'en-GB')).toContain('09:00');
  });

  it('falls back to English for unknown or malformed locales, however many it sees', () => {
    for (let i = 0; i < 2500; i++) expect(supportedLocale(`x-bogus-${i}`)).toBe('en-US');
    expect(supportedLocale('not a locale!')).toBe('en-US');
    expect(supportedLocale(undefined)).toBe('en-US');
    expect(formatValue(number, 3, 'fr-FR')).toBe('3 days');
  });
});
