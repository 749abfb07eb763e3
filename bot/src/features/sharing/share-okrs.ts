import {
  cycleScope,
  decodeTabContext,
  en,
  formatValue,
  keyResultProgress,
  liveKeyResults,
  objectiveProgress,
  ok,
  readTabDeepLink,
  worstConfidence,
  type KeyResult,
  type Objective,
  type Result,
  type TabContext,
} from '@bearing/core';
import {
  cycleOf,
  invalid,
  type Caller,
  type OkrStore,
  type OrganizationStore,
  type TabLink,
  type TeamStore,
  type UserStore,
  type Versioned,
} from '../common';
import type { OkrShareModel } from './okr-share-card';

/** What sharing reads: the caller's profile and teams, the calendar and the OKRs. */
export interface SharingStores {
  readonly users: UserStore;
  readonly teams: TeamStore;
  readonly organizations: OrganizationStore;
  readonly okrs: OkrStore;
}

/** The longest search text; Teams' compose box allows more, nobody types a title that long. */
export const MAX_SEARCH_LENGTH = 100;
/** At most this many teams are read for one search (each costs one single-partition query). */
const MAX_TEAMS = 20;
/** The tab shows key results inside the alignment view. */
const VIEW = 'alignment';

/** How results are shown: links into the tab (when it is served) and number formats. */
export interface ShareView {
  /** Builds the "Open in Bearing" links (the one tab linker every card uses). */
  readonly tabLink?: TabLink;
  /** The tab's own address: a pasted link to it unfurls. */
  readonly tabBaseUrl?: string;
  /** The user's locale (the activity's); en-US by default. */
  readonly locale?: string;
}

interface Candidate {
  readonly model: OkrShareModel;
  readonly ownerId: string;
}

/** One owner of OKRs the caller may see: a team they are an active member of, or the company. */
interface Group {
  readonly teamId: string | null;
  readonly teamName?: string;
  /** The team a link into the tab opens (for company OKRs: one of the caller's teams). */
  readonly linkTeamId: string;
  readonly objectives: readonly Versioned<Objective>[];
  readonly keyResults: readonly Versioned<KeyResult>[];
}

/**
 * The objectives and key results the caller may see in a cycle: those of the teams they are an
 * active member of (all teams, or the one given) and the company's. Another tenant's caller, or
 * someone in no team, sees nothing. One single-partition query per team, one for the company.
 */
async function visibleOkrs(
  stores: SharingStores,
  caller: Caller,
  now: Date,
  view: ShareView,
  only: { readonly teamId?: string; readonly cycleId?: string } = {},
): Promise<Candidate[]> {
  const [user, { cycle }] = await Promise.all([
    stores.users.getUser(caller.tenantId, caller.userId),
    cycleOf(stores.organizations, caller.tenantId, now, only.cycleId),
  ]);
  const teamIds = (user?.value.teamIds ?? [])
    .filter((id) => only.teamId === undefined || id === only.teamId)
    .slice(0, MAX_TEAMS);
  const scope = cycleScope(cycle);
  const snapshots = await Promise.all(
    teamIds.map((id) => stores.teams.loadTeamSnapshot(caller.tenantId, id, scope, [])),
  );
  const teams = snapshots.flatMap((s) =>
    s?.members.some((m) => m.userId === caller.userId && m.active) ? [s] : [],
  );
  const first = teams[0];
  if (!first) return [];
  const [companyObjectives, companyKeyResults] = await Promise.all([
    stores.okrs.listObjectives(caller.tenantId, null, scope),
    stores.okrs.listKeyResults(caller.tenantId, null, scope),
  ]);
  const names = new Map(teams.flatMap((s) => s.members.map((m) => [m.userId, m.displayName])));
  const groups: Group[] = [
    ...teams.map((s) => ({
      teamId: s.team.value.id,
      teamName: s.team.value.name,
      linkTeamId: s.team.value.id,
      objectives: s.objectives,
      keyResults: s.keyResults,
    })),
    {
      teamId: null,
      linkTeamId: first.team.value.id,
      objectives: companyObjectives,
      keyResults: companyKeyResults,
    },
  ];
  const nameOf = (id: string) => names.get(id) ?? '';
  return groups.flatMap((g) => candidatesOf(g, nameOf, view));
}

/** The objectives (not archived) of a group and their active key results, as shared cards. */
function candidatesOf(
  group: Group,
  nameOf: (userId: string) => string,
  { tabLink, locale = 'en-US' }: ShareView,
): Candidate[] {
  const live = liveKeyResults(
    group.objectives.map((o) => o.value),
    group.keyResults,
    (k) => k.value,
  );
  const where = {
    teamId: group.teamId,
    ...(group.teamName !== undefined ? { teamName: group.teamName } : {}),
  };
  // Company OKRs can be owned by someone in none of the caller's teams.
  const owner = (id: string) => nameOf(id) || en.share.someone;
  const objectives = group.objectives
    .map((o) => o.value)
    .filter((o) => o.status !== 'archived')
    .map((o): Candidate => {
      const krs = live
        .filter((l) => l.keyResult.value.objectiveId === o.id)
        .map((l) => l.keyResult.value);
      const confidence = worstConfidence(krs.map((k) => k.confidence));
      const url = tabLink?.({ view: VIEW, teamId: group.linkTeamId });
      return {
        ownerId: o.ownerId,
        model: {
          kind: 'objective',
          id: o.id,
          ...where,
          title: o.title,
          progress: objectiveProgress(krs),
          ...(confidence ? { confidence } : {}),
          ownerName: owner(o.ownerId),
          keyResults: krs.map((k) => ({
            title: k.title,
            progress: keyResultProgress(k),
            confidence: k.confidence,
            ownerName: owner(k.ownerId),
          })),
          ...(url ? { url } : {}),
        },
      };
    });
  const keyResults = live.map(({ keyResult: { value: k }, objectiveTitle }): Candidate => {
    const url = tabLink?.({ view: VIEW, teamId: group.linkTeamId, keyResultId: k.id });
    return {
      ownerId: k.ownerId,
      model: {
        kind: 'keyResult',
        id: k.id,
        ...where,
        title: k.title,
        objectiveTitle,
        progress: keyResultProgress(k),
        confidence: k.confidence,
        ownerName: owner(k.ownerId),
        valueText: `${formatValue(k, k.current, locale)} → ${formatValue(k, k.target, locale)}`,
        keyResults: [],
        ...(url ? { url } : {}),
      },
    };
  });
  return [...objectives, ...keyResults];
}

/**
 * The compose box search: objectives and key results the caller may see whose title contains the
 * text (any case), the caller's own first. An empty text (the command's first run) lists what the
 * caller owns first, then the rest. A text over MAX_SEARCH_LENGTH is refused.
 */
export async function searchSharedOkrs(
  stores: SharingStores,
  caller: Caller,
  searchText: string,
  now: Date,
  view: ShareView = {},
): Promise<Result<OkrShareModel[]>> {
  const needle = searchText.trim().toLowerCase();
  if (needle.length > MAX_SEARCH_LENGTH)
    return invalid(en.share.tooLong(MAX_SEARCH_LENGTH), 'query');
  const candidates = await visibleOkrs(stores, caller, now, view);
  const rank = (c: Candidate) => {
    const title = c.model.title.toLowerCase();
    return (c.ownerId === caller.userId ? 0 : 2) + (title.startsWith(needle) ? 0 : 1);
  };
  return ok(
    candidates
      .filter((c) => c.model.title.toLowerCase().includes(needle))
      .map((c, order) => ({ c, order, rank: rank(c) }))
      .sort((a, b) => a.rank - b.rank || a.order - b.order)
      .map(({ c }) => c.model),
  );
}

/** What a link into the tab names, when it is one: the tab's own URL or a Teams entity deep link. */
export function tabContextOfLink(
  link: string,
  tabBaseUrl: string | undefined,
): TabContext | undefined {
  const deep = readTabDeepLink(link);
  if (deep) return decodeTabContext(deep.subEntityId);
  if (!tabBaseUrl) return undefined;
  let url: URL;
  let base: URL;
  try {
    url = new URL(link);
    base = new URL(tabBaseUrl);
  } catch {
    return undefined;
  }
  const path = url.pathname.replace(/\/?$/, '/');
  if (url.host.toLowerCase() !== base.host.toLowerCase() || path !== base.pathname)
    return undefined;
  return decodeTabContext(url.search);
}

/**
 * The card a pasted Bearing link unfurls to: the key result it names, when the caller is an active
 * member of the link's team (or it is a company key result). Undefined for any other link, an
 * unknown key result, or one the caller may not see: the link then stays a plain link.
 */
export async function sharedOkrForLink(
  stores: SharingStores,
  caller: Caller,
  link: string,
  now: Date,
  view: ShareView = {},
): Promise<OkrShareModel | undefined> {
  const context = tabContextOfLink(link, view.tabBaseUrl);
  if (!context?.teamId || !context.keyResultId) return undefined;
  const candidates = await visibleOkrs(stores, caller, now, view, {
    teamId: context.teamId,
    ...(context.cycleId ? { cycleId: context.cycleId } : {}),
  });
  const found = candidates.filter(
    (c) => c.model.kind === 'keyResult' && c.model.id === context.keyResultId,
  );
  return (found.find((c) => c.model.teamId === context.teamId) ?? found[0])?.model;
}
