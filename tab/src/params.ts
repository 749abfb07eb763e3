/** The tab's views. Team views share a navigation bar; the others are whole pages. */
export type TabView =
  | 'alignment'
  | 'dashboard'
  | 'manage'
  | 'close'
  | 'data'
  | 'meeting'
  | 'stage'
  | 'personal'
  | 'config';

/** Views reached through the team page's navigation. */
export const TEAM_VIEWS = ['alignment', 'dashboard', 'manage', 'close', 'data'] as const;
export type TeamView = (typeof TEAM_VIEWS)[number];

/** What the tab URL asks for (`?view=…&teamId=…&cycleId=…&theme=…`). */
export interface TabParams {
  readonly view: TabView;
  readonly teamId?: string;
  readonly cycleId?: string;
}

const VIEWS: readonly TabView[] = [...TEAM_VIEWS, 'meeting', 'stage', 'personal', 'config'];

/** Cycle ids as the server writes them (`FY2027-Q2`). */
export const CYCLE_ID = /^FY\d{4}-Q[1-4]$/;

/** Reads the query string; unknown values are ignored rather than failing the page. */
export function readParams(search: string): TabParams {
  const query = new URLSearchParams(search);
  const view = query.get('view') as TabView | null;
  const teamId = query.get('teamId') ?? undefined;
  const cycleId = query.get('cycleId') ?? undefined;
  return {
    view: view && VIEWS.includes(view) ? view : 'alignment',
    ...(teamId ? { teamId } : {}),
    ...(cycleId && CYCLE_ID.test(cycleId) ? { cycleId } : {}),
  };
}

/** Teams' frame context wins over the URL: the same content URL opens in a panel or on stage. */
export function viewFor(params: TabParams, frameContext: string | undefined): TabView {
  if (frameContext === 'settings' || frameContext === 'remove') return 'config';
  if (frameContext === 'sidePanel') return 'meeting';
  if (frameContext === 'meetingStage') return 'stage';
  return params.view;
}

/** The cycles around `cycleId` (two back, one ahead), newest first, for the cycle filter. */
export function nearbyCycles(cycleId: string): string[] {
  const match = /^FY(\d{4})-Q([1-4])$/.exec(cycleId);
  if (!match) return [cycleId];
  const index = Number(match[1]) * 4 + Number(match[2]) - 1;
  const name = (i: number) => `FY${Math.floor(i / 4)}-Q${(i % 4) + 1}`;
  return [index + 1, index, index - 1, index - 2].map(name);
}
