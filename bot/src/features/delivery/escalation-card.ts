import { CARD_VERBS, en } from '@bearing/core';
import {
  adaptiveCard,
  type AdaptiveCard,
  type CardElement,
  escapeMarkdown,
  heading,
  note,
  text,
} from '../common';

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
    text(en.missed.member(escapeMarkdown(m.displayName), m.weeks), {
      separator: true,
    }),
    note(
      m.atRisk.length
        ? en.missed.atRisk(m.atRisk.map(escapeMarkdown).join('; '))
        : en.missed.noneAtRisk,
    ),
    {
      type: 'ActionSet',
      actions: [
        {
          type: 'Action.Execute',
          title: en.missed.nudge(m.displayName).slice(0, 60),
          verb: CARD_VERBS.nudge,
          associatedInputs: 'none',
          data: { teamId, userId: m.userId, week },
        },
      ],
    } as unknown as CardElement,
  ]);
  return adaptiveCard(
    [
      heading(en.missed.title(escapeMarkdown(teamName))),
      text(en.missed.intro(missed.length)),
      ...rows,
      note(en.missed.footer),
    ],
    [],
    { fallbackText: en.missed.fallback(teamName) },
  );
}

/** The friendly one-off card a nudged member gets. */
export function buildNudgeCard(teamId: string, teamName: string, fromName: string): AdaptiveCard {
  return adaptiveCard(
    [
      heading(en.missed.nudgeTitle(escapeMarkdown(teamName))),
      text(en.missed.nudgeText(escapeMarkdown(fromName))),
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
    { fallbackText: en.missed.nudgeFallback(teamName) },
  );
}
