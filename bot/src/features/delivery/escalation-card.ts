import { CARD_VERBS, en } from '@bearing/core';
import {
  adaptiveCard,
  type AdaptiveCard,
  type CardElement,
  escapeMarkdown,
  heading,
  note,
  text,
} from '../shared';

/** One member who has missed check-ins, as the manager's card lists them. */
export interface MissedMember {
  readonly userId: string;
  readonly displayName: string;
  /** Consecutive weeks without a check-in, up to last week. */
  readonly weeks: number;
  /** Titles of their key results at risk or off track. */
  readonly atRisk: readonly string[];
}

/**
 * The managers' card: who has missed check-ins for the team's number of weeks in a row, how many,
 * their key results at risk, and a Nudge per member (a friendly one-off card, once a week).
 */
export function buildMissedCheckInsCard(
  teamId: string,
  teamName: string,
  week: string,
  missed: readonly MissedMember[],
): AdaptiveCard {
  const rows = missed.flatMap((m): CardElement[] => [
    text(`**${escapeMarkdown(m.displayName)}** · missed ${m.weeks} weeks in a row`, {
      separator: true,
    }),
    note(
      m.atRisk.length
        ? `At risk: ${m.atRisk.map(escapeMarkdown).join('; ')}`
        : 'No key results at risk',
    ),
    {
      type: 'ActionSet',
      actions: [
        {
          type: 'Action.Execute',
          title: `Nudge ${m.displayName}`.slice(0, 60),
          verb: CARD_VERBS.nudge,
          associatedInputs: 'none',
          data: { teamId, userId: m.userId, week },
        },
      ],
    } as unknown as CardElement,
  ]);
  return adaptiveCard(
    [
      heading(`Missed check-ins · ${escapeMarkdown(teamName)}`),
      text(
        `${missed.length} ${missed.length === 1 ? 'person has' : 'people have'} not checked in lately.`,
      ),
      ...rows,
      note('A nudge is a friendly reminder, sent at most once a week per person.'),
    ],
    [],
    { fallbackText: `Missed check-ins in ${teamName}` },
  );
}

/** The friendly one-off card a nudged member gets. */
export function buildNudgeCard(teamId: string, teamName: string, fromName: string): AdaptiveCard {
  return adaptiveCard(
    [
      heading(`A quick check-in for ${escapeMarkdown(teamName)}?`),
      text(
        `${escapeMarkdown(fromName)} would love to hear how your key results are going. It takes a minute.`,
      ),
    ],
    [
      {
        type: 'Action.Execute',
        title: en.checkIn.checkInNow,
        verb: CARD_VERBS.checkInOpen,
        associatedInputs: 'none',
        data: { teamId },
      },
    ],
    { fallbackText: `Check in for ${teamName}` },
  );
}
