/** The tab's views; only `alignment` exists so far, the others fall back to it. */
export type TabView = 'alignment' | 'meeting' | 'stage' | 'personal';

/** What the tab URL asks for (`?view=…&teamId=…&cycleId=…&theme=…`). */
export interface TabParams {
  readonly view: TabView;
  readonly teamId?: string;
  readonly cycleId?: string;
}

const VIEWS: readonly TabView[] = ['alignment', 'meeting', 'stage', 'personal'];

/** Reads the query string; unknown values are ignored rather than failing the page. */
export function readParams(search: string): TabParams {
  const query = new URLSearchParams(search);
  const view = query.get('view') as TabView | null;
  const teamId = query.get('teamId') ?? undefined;
  const cycleId = query.get('cycleId') ?? undefined;
  return {
    view: view && VIEWS.includes(view) ? view : 'alignment',
    ...(teamId ? { teamId } : {}),
    ...(cycleId && /^FY\d{4}-Q[1-4]$/.test(cycleId) ? { cycleId } : {}),
  };
}
