import { DEFAULT_LOCALE, en, formatWeek } from '@bearing/core';
import type { MemberStatus, WhoManages } from './team-status';
import { adaptiveCard, type AdaptiveCard, escapeMarkdown, heading, note, text } from '../common';

const LABEL: Record<MemberStatus['state'], string> = {
  checkedIn: '✓ Checked in',
  notYet: 'Not yet',
  deliveryFailed: '⚠ Card not delivered',
  inactive: 'Left the team or blocked the app',
  away: 'Away',
};

/** Team status for managers: who has checked in this week, and failed deliveries with the reason. */
export function buildTeamStatusCard(
  teamName: string,
  week: string,
  members: readonly MemberStatus[],
  who: WhoManages = { owners: [], managers: [] },
  locale: string = DEFAULT_LOCALE,
): AdaptiveCard {
  const done = members.filter((m) => m.state === 'checkedIn').length;
  const active = members.filter((m) => m.state !== 'inactive').length;
  return adaptiveCard(
    [
      heading(`${escapeMarkdown(teamName)} · ${formatWeek(week, locale)}`),
      text(`${done} of ${active} checked in`),
      ...whoManagesLines(who).map((line) => text(line)),
      {
        type: 'FactSet',
        facts: members.map((m) => ({
          title: escapeMarkdown(m.name),
          value: LABEL[m.state] + (m.detail ? ` (${escapeMarkdown(m.detail)})` : ''),
        })),
      },
      note(
        'Cards that could not be delivered are retried automatically; a blocked app needs the person to reinstall it.',
      ),
    ],
    [],
    { fallbackText: `${teamName} status` },
  );
}

/** "Owners: …" and "Managers: …" lines (names escaped for Markdown). */
export function whoManagesLines(who: WhoManages): string[] {
  const list = (names: readonly string[]) =>
    names.length ? names.map(escapeMarkdown).join(', ') : en.whoManages.none;
  return [en.whoManages.owners(list(who.owners)), en.whoManages.managers(list(who.managers))];
}
