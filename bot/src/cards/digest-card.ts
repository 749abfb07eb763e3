import { en, formatValue, type CheckIn, type KeyResult, type TeamMember } from '@bearing/core';
import { adaptiveCard, type AdaptiveCard, type CardElement } from './adaptive-card';
import { escapeMarkdown, heading, note, text } from './text';

/** What the manager digest shows for a team's week. */
export interface DigestModel {
  readonly teamName: string;
  readonly week: string;
  readonly locale: string;
  readonly members: readonly TeamMember[];
  readonly checkIns: readonly CheckIn[];
  readonly keyResults: readonly KeyResult[];
}

/** Weekly digest to the team channel: completion, what moved, at risk, blockers, decisions. */
export function buildDigestCard(model: DigestModel): AdaptiveCard {
  const active = model.members.filter((m) => m.active);
  const done = new Set(model.checkIns.map((c) => c.userId));
  const names = new Map(model.members.map((m) => [m.userId, m.displayName]));
  const krs = new Map(model.keyResults.map((k) => [k.id, k]));
  const moved = model.checkIns.flatMap((c) =>
    c.updates
      .filter((u) => u.value !== u.previousValue && krs.has(u.keyResultId))
      .map((u) => ({ u, kr: krs.get(u.keyResultId) as KeyResult })),
  );
  const risky = model.keyResults.filter((k) => k.status === 'active' && k.confidence !== 'onTrack');
  const answers = (pick: (c: CheckIn) => string | undefined) =>
    model.checkIns.flatMap((c) =>
      pick(c)
        ? [
            text(
              `${escapeMarkdown(names.get(c.userId) ?? '')}: ${escapeMarkdown(pick(c) as string)}`,
              { size: 'small' },
            ),
          ]
        : [],
    );
  const section = (title: string, items: CardElement[]): CardElement[] =>
    items.length
      ? [text(title, { weight: 'bolder', spacing: 'medium', separator: true }), ...items]
      : [];
  const missing = active
    .filter((m) => !done.has(m.userId))
    .map((m) => escapeMarkdown(m.displayName));
  return adaptiveCard(
    [
      heading(`Weekly digest · ${escapeMarkdown(model.teamName)} · ${model.week}`),
      text(
        `${done.size} of ${active.length} checked in (${active.length ? Math.round((done.size / active.length) * 100) : 0}%)`,
      ),
      ...(missing.length ? [note(`Not yet: ${missing.join(', ')}`)] : []),
      ...section(
        'What moved',
        moved.map(({ u, kr }) =>
          text(
            `${escapeMarkdown(kr.title)}: ${formatValue(kr, u.previousValue, model.locale)} → ${formatValue(kr, u.value, model.locale)}`,
            { size: 'small' },
          ),
        ),
      ),
      ...section(
        'At risk or off track',
        risky.map((k) =>
          text(`${escapeMarkdown(k.title)} · ${en.confidence[k.confidence]}`, {
            size: 'small',
            color: k.confidence === 'offTrack' ? 'attention' : 'default',
          }),
        ),
      ),
      ...section(
        en.summary.blockers,
        answers((c) => c.blockers),
      ),
      ...section(
        en.summary.decisionNeeded,
        answers((c) => c.decisionNeeded),
      ),
    ],
    [],
    { fallbackText: `Weekly digest · ${model.teamName}` },
  );
}
