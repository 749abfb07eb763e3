import {
  CARD_VERBS,
  en,
  formatValue,
  formatWeek,
  type CheckIn,
  type KeyResult,
  type TeamMember,
} from '@bearing/core';
import {
  adaptiveCard,
  type AdaptiveCard,
  type CardElement,
  escapeMarkdown,
  heading,
  note,
  text,
  MAX_REFRESH_USERS,
  type TabLink,
} from '../common';

/** What the manager digest shows for a team's week. */
export interface DigestModel {
  readonly teamName: string;
  readonly week: string;
  readonly locale: string;
  readonly members: readonly TeamMember[];
  readonly checkIns: readonly CheckIn[];
  readonly keyResults: readonly KeyResult[];
  /** Open blockers and pending decisions of any week, with age (open-items builds the lines). */
  readonly openItems?: {
    readonly blockers: readonly string[];
    readonly decisions: readonly string[];
  };
}

/** Kept for callers of the old path. */
export { MAX_REFRESH_USERS, refreshUserIds } from '../common';

/** Who is looking at the digest (their own view, through `refresh`). */
export interface DigestViewer {
  readonly userId: string;
  /** Active key results they own this cycle. */
  readonly keyResults: number;
}

/** How the channel card refreshes into each member's own view. */
export interface DigestRefresh {
  readonly teamId: string;
  /** Teams user ids (`29:…`) of the members who get their own view automatically. */
  readonly userIds: readonly string[];
}

/**
 * Weekly digest to the team channel: completion, what moved, at risk, blockers, decisions. With
 * `refresh`, Teams asks the bot for each listed member's own view (at most 60), which adds whether
 * they have checked in and a button to do it.
 */
export function buildDigestCard(
  model: DigestModel,
  options: { refresh?: DigestRefresh; viewer?: DigestViewer; tabLink?: TabLink } = {},
): AdaptiveCard {
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
  const itemLines = (lines: readonly string[]) => lines.map((l) => text(l, { size: 'small' }));
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
  const { refresh, viewer } = options;
  const viewerPending = viewer && !done.has(viewer.userId) && viewer.keyResults > 0;
  const personal: CardElement[] = viewer
    ? done.has(viewer.userId)
      ? [text(en.digest.youCheckedIn, { color: 'good', weight: 'bolder' })]
      : viewer.keyResults > 0
        ? [text(en.digest.youHaveNot(viewer.keyResults), { weight: 'bolder' })]
        : []
    : [];
  return adaptiveCard(
    [
      heading(
        `Weekly digest · ${escapeMarkdown(model.teamName)} · ${formatWeek(model.week, model.locale)}`,
      ),
      ...personal,
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
        model.openItems ? itemLines(model.openItems.blockers) : answers((c) => c.blockers),
      ),
      ...section(
        en.summary.decisionNeeded,
        model.openItems ? itemLines(model.openItems.decisions) : answers((c) => c.decisionNeeded),
      ),
    ],
    [
      ...(viewerPending && refresh
        ? [
            {
              type: 'Action.Execute' as const,
              title: en.checkIn.checkInNow,
              verb: CARD_VERBS.checkInOpen,
              data: { teamId: refresh.teamId, week: model.week },
              associatedInputs: 'none' as const,
              style: 'positive' as const,
            },
          ]
        : []),
      // The team's dashboard in the tab.
      ...(options.tabLink && refresh
        ? [
            {
              type: 'Action.OpenUrl' as const,
              title: en.kpi.openInTab,
              url: options.tabLink({ view: 'dashboard', teamId: refresh.teamId }),
            },
          ]
        : []),
    ],
    {
      fallbackText: `Weekly digest · ${model.teamName}`,
      ...(refresh
        ? {
            refresh: {
              action: {
                type: 'Action.Execute',
                title: en.digest.refresh,
                verb: CARD_VERBS.refresh,
                data: { view: 'digest', teamId: refresh.teamId, week: model.week },
              },
              userIds: refresh.userIds.slice(0, MAX_REFRESH_USERS),
            },
          }
        : {}),
    },
  );
}
