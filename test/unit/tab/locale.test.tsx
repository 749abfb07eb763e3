/** @jest-environment node */
import { createLocale } from '../../../tab/src/i18n/locale';
import { readParams } from '../../../tab/src/params';
import { themeOverride } from '../../../tab/src/theme';

describe('tab locale', () => {
  it('formats values with their units, money as money', () => {
    const en = createLocale('en-US');
    expect(en.number(7.6, 'points')).toBe('7.6 points');
    expect(en.number(12.5, '%')).toBe('12.5%');
    expect(en.number(131000, 'USD')).toBe('$131,000');
    expect(en.percent(0.416)).toBe('42%');
    expect(en.percent(1.7)).toBe('100%');
  });

  it('uses the Teams locale for numbers and falls back on a tag it cannot use', () => {
    expect(createLocale('de-DE').number(1234.5)).toBe('1.234,5');
    expect(createLocale('not a locale!').tag).toBe('en-US');
  });
});

describe('tab URL parameters', () => {
  it('reads view, team and cycle, ignoring what it does not know', () => {
    expect(readParams('?view=meeting&teamId=t1&cycleId=FY2027-Q2')).toEqual({
      view: 'meeting',
      teamId: 't1',
      cycleId: 'FY2027-Q2',
    });
    expect(readParams('?view=bogus&cycleId=2027')).toEqual({ view: 'alignment' });
    expect(themeOverride('?theme=dark')).toBe('dark');
    expect(themeOverride('?theme=light')).toBe('default');
    expect(themeOverride('?theme=pink')).toBeUndefined();
  });
});
