import { memberLocale, teamLocale } from '@bearing/core';

// The locale rules every card follows: a member's own, and a team's for its channel.
const m = (locale?: string, active = true) => ({ active, ...(locale ? { locale } : {}) });

it("a member's locale: the membership's, else the profile's, else en-US", () => {
  expect(memberLocale({ locale: 'de-DE' }, { locale: 'fr-FR' })).toBe('de-DE');
  expect(memberLocale({}, { locale: 'fr-FR' })).toBe('fr-FR');
  expect(memberLocale(undefined, undefined)).toBe('en-US');
});

it("a team's locale: what most active members use, ties to the first by name, else en-US", () => {
  expect(teamLocale([m('de-DE'), m('de-DE'), m('en-US'), m()])).toBe('de-DE');
  expect(teamLocale([m('fr-FR'), m('de-DE')])).toBe('de-DE');
  expect(teamLocale([m('ja-JP', false), m('ja-JP', false), m('en-GB')])).toBe('en-GB');
  expect(teamLocale([m(), m()])).toBe('en-US');
  expect(teamLocale([])).toBe('en-US');
});
