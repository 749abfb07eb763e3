/** The locale when nobody told us one. */
export const DEFAULT_LOCALE = 'en-US';

/**
 * A member's locale: their membership's (from Teams, per team), else their profile's, else English.
 * Every card addressed to one member uses it.
 */
export function memberLocale(
  member: { readonly locale?: string } | undefined,
  user: { readonly locale?: string } | undefined,
): string {
  return member?.locale ?? user?.locale ?? DEFAULT_LOCALE;
}

/**
 * A team's locale, for cards to its channel (digest, KPI alerts): the locale most of its active
 * members use (ties go to the alphabetically first), else English.
 */
export function teamLocale(
  members: readonly { readonly active: boolean; readonly locale?: string }[],
): string {
  const counts = new Map<string, number>();
  for (const m of members)
    if (m.active && m.locale) counts.set(m.locale, (counts.get(m.locale) ?? 0) + 1);
  let best: [string, number] | undefined;
  for (const entry of [...counts].sort(([a], [b]) => a.localeCompare(b)))
    if (!best || entry[1] > best[1]) best = entry;
  return best?.[0] ?? DEFAULT_LOCALE;
}
