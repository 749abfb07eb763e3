import { decodeTabContext } from '../../core/src/links/deep-link';
import type { Highlight } from './nav/highlight';

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
  | 'config'
  | 'import';

/** Views reached through the team page's navigation. */
export const TEAM_VIEWS = ['alignment', 'dashboard', 'manage', 'close', 'data'] as const;
export type TeamView = (typeof TEAM_VIEWS)[number];

const VIEWS: readonly TabView[] = [
  ...TEAM_VIEWS,
  'meeting',
  'stage',
  'personal',
  'config',
  // Admins: moving in from Viva Goals (a whole page; the Data view links to it).
  'import',
];

/** What the tab URL (or a deep link) asks for (`?view=…&teamId=…&cycleId=…&kpi=…&theme=…`). */
export interface TabParams {
  readonly view: TabView;
  readonly teamId?: string;
  readonly cycleId?: string;
  /** The KPI or key result a link points at. */
  readonly highlight?: Highlight;
}

/** Cycle ids as the server writes them: a quarter `FY2027-Q2` or a fiscal year `FY2027`. */
export const CYCLE_ID = /^FY\d{4}(-Q[1-4])?$/;

/**
 * Reads the query string, or Teams' `subPageId` (the deep link's `subEntityId`): both are written
 * by core's `encodeTabContext`. Unknown values are ignored rather than failing the page.
 */
export function readParams(search: string): TabParams {
  const query = new URLSearchParams(search);
  const view = query.get('view') as TabView | null;
  const { teamId, cycleId, kpiId, keyResultId } = decodeTabContext(search);
  return {
    view: view && VIEWS.includes(view) ? view : 'alignment',
    ...(teamId ? { teamId } : {}),
    ...(cycleId ? { cycleId } : {}),
    ...(kpiId || keyResultId
      ? { highlight: { ...(kpiId ? { kpiId } : {}), ...(keyResultId ? { keyResultId } : {}) } }
      : {}),
  };
}

/**
 * What the tab opens: the URL's params, with a deep link's context (Teams' `subPageId`) over them.
 * A KPI lives on the dashboard: links that asked for it on the alignment view open the dashboard.
 */
export function linkedParams(params: TabParams, subPageId: string | undefined): TabParams {
  const linked = subPageId ? readParams(subPageId) : undefined;
  const merged: TabParams = linked
    ? {
        ...params,
        ...linked,
        view: decodeTabContext(subPageId).view ?? params.view,
      }
    : params;
  return merged.highlight?.kpiId && merged.view === 'alignment'
    ? { ...merged, view: 'dashboard' }
    : merged;
}

/** Teams' frame context wins over the URL: the same content URL opens in a panel or on stage. */
export function viewFor(params: TabParams, frameContext: string | undefined): TabView {
  if (frameContext === 'settings' || frameContext === 'remove') return 'config';
  if (frameContext === 'sidePanel') return 'meeting';
  if (frameContext === 'meetingStage') return 'stage';
  return params.view;
}
