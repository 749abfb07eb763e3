import {
  formatChange,
  formatInstant,
  formatValue,
  formatWeek,
  supportedLocale,
} from '@bearing/core';

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

describe('counts with a unit word', () => {
  const of = (unit: string) => ({ type: 'number', unit, target: 3 }) as const;
  it.each([
    ['features', 1, '1 feature'],
    ['features', 3, '3 features'],
    ['features', 0, '0 features'],
    ['days', 1, '1 day'],
    ['stories', 1, '1 story'],
    ['boxes', 1, '1 box'],
    ['people', 1, '1 person'],
    ['points', 1.5, '1.5 points'],
    ['eNPS', 1, '1 eNPS'],
    ['min', 1, '1 min'],
    ['ms', 1, '1 ms'],
  ])('%s, %d → %s', (unit, value, shown) => {
    expect(formatValue(of(unit), value, 'en-US')).toBe(shown);
  });
});

describe('weeks as dates', () => {
  it('names the Monday of the ISO week in the viewer’s locale', () => {
    expect(formatWeek('2026-W49', 'en-GB')).toBe('week of 30 Nov');
    expect(formatWeek('2026-W49', 'en-US')).toBe('week of Nov 30');
    expect(formatWeek('2027-W01', 'en-GB')).toBe('week of 4 Jan');
  });
  it('leaves a label that is not a week as it is', () => {
    expect(formatWeek('2026-W54', 'en-GB')).toBe('2026-W54');
    expect(formatWeek('soon', 'en-GB')).toBe('soon');
  });
});
