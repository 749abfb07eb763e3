import { encodeTabContext } from '@bearing/core';
import { linkedParams, readParams } from '../../../tab/src/params';

const TEAM = '00000000-0000-0000-0000-000000000031';

describe('what the tab opens', () => {
  it('reads the URL in local mode, with the KPI or key result to highlight', () => {
    expect(readParams(`?view=dashboard&teamId=${TEAM}&kpi=kpi-uptime&theme=dark`)).toEqual({
      view: 'dashboard',
      teamId: TEAM,
      highlight: { kpiId: 'kpi-uptime' },
    });
    expect(readParams('?view=nope&cycleId=2027')).toEqual({ view: 'alignment' });
  });

  it('lets a deep link’s context (Teams subPageId) pick the team, view and item', () => {
    const staticTab = readParams('?view=personal');
    const sub = encodeTabContext({ view: 'alignment', teamId: TEAM, keyResultId: 'kr-mrr' });
    expect(linkedParams(staticTab, sub)).toEqual({
      view: 'alignment',
      teamId: TEAM,
      highlight: { keyResultId: 'kr-mrr' },
    });
    // A context without a view keeps the tab's own.
    expect(linkedParams(staticTab, encodeTabContext({ teamId: TEAM }))).toEqual({
      view: 'personal',
      teamId: TEAM,
    });
    expect(linkedParams(staticTab, undefined)).toBe(staticTab);
  });

  it('opens the dashboard for a KPI, even when an older link asked for the alignment view', () => {
    const sub = `view=alignment&team=${TEAM}&kpi=kpi-csat`;
    expect(linkedParams(readParams(''), sub)).toMatchObject({
      view: 'dashboard',
      highlight: { kpiId: 'kpi-csat' },
    });
  });
});
