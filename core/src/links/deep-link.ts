// What a link into the tab carries (team, view, the KPI or key result to highlight), written once
// for both sides: the bot builds Teams deep links with it, the tab reads them on load (Teams hands
// the tab `subEntityId` as `page.subPageId`; outside Teams the same text is the URL's query).
// No imports: the tab bundles this file by path, without zod.

/** Views a link can open. */
export const TAB_LINK_VIEWS = [
  'alignment',
  'dashboard',
  'manage',
  'close',
  'data',
  'meeting',
  'personal',
] as const;
export type TabLinkView = (typeof TAB_LINK_VIEWS)[number];

/** Where a link into the tab lands. Every field is optional; the tab fills in the rest. */
export interface TabContext {
  readonly view?: TabLinkView;
  readonly teamId?: string;
  readonly cycleId?: string;
  /** A KPI to highlight (shown on the dashboard). */
  readonly kpiId?: string;
  /** A key result to highlight (in the alignment tree). */
  readonly keyResultId?: string;
}

// Stored ids (core's `id`: 1–128 of letters, digits and `. _ : | @ -`) and cycle ids.
const ID = /^[A-Za-z0-9._:|@-]{1,128}$/;
const CYCLE = /^FY\d{4}-Q[1-4]$/;

/** The query keys, in the order they are written. `team` is read too: links sent before. */
const KEYS = [
  ['view', 'view'],
  ['teamId', 'teamId'],
  ['cycleId', 'cycleId'],
  ['kpiId', 'kpi'],
  ['keyResultId', 'keyResult'],
] as const;

/** The context as `view=…&teamId=…&kpi=…`: a Teams `subEntityId` and a tab URL query alike. */
export function encodeTabContext(context: TabContext): string {
  return KEYS.filter(([field]) => context[field] !== undefined)
    .map(([field, key]) => `${key}=${encodeURIComponent(context[field] as string)}`)
    .join('&');
}

function decodePart(text: string): string | undefined {
  try {
    return decodeURIComponent(text.replace(/\+/g, ' '));
  } catch {
    return undefined;
  }
}

/**
 * Reads what `encodeTabContext` wrote (or a URL query with a leading `?`). Unknown keys and values
 * that are not valid ids, cycles or views are dropped: a bad link opens the tab's start, never fails.
 */
export function decodeTabContext(text: string | null | undefined): TabContext {
  const found = new Map<string, string>();
  for (const pair of (text ?? '').replace(/^\?/, '').split('&')) {
    const at = pair.indexOf('=');
    if (at <= 0) continue;
    const key = decodePart(pair.slice(0, at));
    const value = decodePart(pair.slice(at + 1));
    if (key && value && !found.has(key)) found.set(key, value);
  }
  const view = found.get('view');
  const teamId = found.get('teamId') ?? found.get('team');
  const cycleId = found.get('cycleId');
  const kpiId = found.get('kpi');
  const keyResultId = found.get('keyResult');
  const valid = (v: string | undefined) => v !== undefined && ID.test(v);
  return {
    ...(view && (TAB_LINK_VIEWS as readonly string[]).includes(view)
      ? { view: view as TabLinkView }
      : {}),
    ...(valid(teamId) ? { teamId } : {}),
    ...(cycleId && CYCLE.test(cycleId) ? { cycleId } : {}),
    ...(valid(kpiId) ? { kpiId } : {}),
    ...(valid(keyResultId) ? { keyResultId } : {}),
  };
}

/** What a Teams entity deep link needs besides the context. */
export interface TabDeepLinkTarget {
  /** The Teams app id (the manifest's `id`). */
  readonly appId: string;
  /** The tab's entity id: a static tab's (`myOkrs`) or the one a channel tab was saved with. */
  readonly entityId: string;
  /** For a channel tab: the channel it is in. */
  readonly channelId?: string;
  /** Where a browser without the Teams client goes instead. */
  readonly webUrl?: string;
  /** The tab's name while Teams opens it. */
  readonly label?: string;
}

const TEAMS_ENTITY = 'https://teams.microsoft.com/l/entity/';

/**
 * The Teams deep link that opens the app's tab with `context` (Teams sign-in included):
 * `https://teams.microsoft.com/l/entity/<appId>/<entityId>?context={"subEntityId":"…"}`.
 */
export function tabDeepLink(target: TabDeepLinkTarget, context: TabContext): string {
  const teamsContext = {
    subEntityId: encodeTabContext(context),
    ...(target.channelId ? { channelId: target.channelId } : {}),
  };
  const query = [
    ...(target.webUrl ? [`webUrl=${encodeURIComponent(target.webUrl)}`] : []),
    ...(target.label ? [`label=${encodeURIComponent(target.label)}`] : []),
    `context=${encodeURIComponent(JSON.stringify(teamsContext))}`,
  ].join('&');
  return `${TEAMS_ENTITY}${encodeURIComponent(target.appId)}/${encodeURIComponent(target.entityId)}?${query}`;
}

/** What Teams reads from an entity deep link; undefined for any other address. */
export function readTabDeepLink(
  link: string,
): (TabDeepLinkTarget & { readonly subEntityId?: string }) | undefined {
  if (!link.startsWith(TEAMS_ENTITY)) return undefined;
  const [path = '', query = ''] = link.slice(TEAMS_ENTITY.length).split('?');
  const [appId, entityId, ...rest] = path.split('/').map(decodePart);
  if (!appId || !entityId || rest.length > 0) return undefined;
  const params = new Map(
    query.split('&').map((p) => {
      const at = p.indexOf('=');
      return [p.slice(0, at), decodePart(p.slice(at + 1)) ?? ''] as const;
    }),
  );
  let context: { subEntityId?: unknown; channelId?: unknown } = {};
  try {
    context = JSON.parse(params.get('context') ?? '{}') as typeof context;
  } catch {
    return undefined;
  }
  const text = (v: unknown) => (typeof v === 'string' && v ? v : undefined);
  const subEntityId = text(context.subEntityId);
  const channelId = text(context.channelId);
  const webUrl = text(params.get('webUrl'));
  const label = text(params.get('label'));
  return {
    appId,
    entityId,
    ...(subEntityId ? { subEntityId } : {}),
    ...(channelId ? { channelId } : {}),
    ...(webUrl ? { webUrl } : {}),
    ...(label ? { label } : {}),
  };
}
