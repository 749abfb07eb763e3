/** @jest-environment jsdom */
import { act, fireEvent, screen, within } from '@testing-library/react';
import { ApiRequestError } from '../../../tab/src/api/errors';
import type { TeamDashboard } from '../../../tab/src/api/views';
import { DashboardView } from '../../../tab/src/dashboard/DashboardView';
import {
  FakeApi,
  TEAM_ID,
  dashboardFixture,
  deferred,
  renderInTab,
  stubBrowserApis,
} from './support';

beforeAll(stubBrowserApis);

const renderDashboard = (api: FakeApi, cycleId?: string) =>
  renderInTab(<DashboardView api={api} teamId={TEAM_ID} {...(cycleId ? { cycleId } : {})} />);

describe('DashboardView', () => {
  it('shows a skeleton while loading, then the dashboard', async () => {
    const pending = deferred<TeamDashboard>();
    const onSettled = jest.fn();
    renderInTab(
      <DashboardView
        api={new FakeApi({ views: { getDashboard: [pending.promise] } })}
        teamId={TEAM_ID}
        onSettled={onSettled}
      />,
    );
    expect(screen.getByRole('status', { name: 'Loading your team’s goals…' })).toBeTruthy();
    expect(onSettled).not.toHaveBeenCalled();
    await act(async () => pending.resolve(dashboardFixture()));
    expect(await screen.findByRole('region', { name: 'KPIs' })).toBeTruthy();
    expect(onSettled).toHaveBeenCalledTimes(1);
  });

  it('explains an empty cycle', async () => {
    const empty = dashboardFixture({
      keyResults: [],
      checkInCompletion: [],
      kpis: [],
      atRisk: [],
    });
    renderDashboard(new FakeApi({ views: { getDashboard: [empty] } }));
    expect(await screen.findByText(/No objectives in this cycle yet/)).toBeTruthy();
  });

  it('shows an error with Retry', async () => {
    const api = new FakeApi({
      views: { getDashboard: [new ApiRequestError('INTERNAL', 'x', 500), dashboardFixture()] },
    });
    renderDashboard(api, 'FY2027-Q1');
    const alert = await screen.findByRole('alert');
    fireEvent.click(within(alert).getByRole('button', { name: 'Retry' }));
    expect(await screen.findByRole('region', { name: 'At risk' })).toBeTruthy();
    expect(api.callsOf('getDashboard')).toEqual([
      [TEAM_ID, 'FY2027-Q1'],
      [TEAM_ID, 'FY2027-Q1'],
    ]);
  });

  it('charts KR history and completion with text alternatives, KPIs with ranges and trends', async () => {
    renderDashboard(new FakeApi({ views: { getDashboard: [dashboardFixture()] } }));
    // The charts are lazy-loaded: they arrive after the data.
    const history = await screen.findByRole('img', {
      name: /^Progress history of Raise the engagement score/,
    });
    expect(history.getAttribute('aria-label')).toContain('2026-W47: 7.6 points');
    expect(history.querySelectorAll('circle')).toHaveLength(3);
    const completion = await screen.findByRole('img', { name: /^Weekly check-in completion/ });
    expect(completion.getAttribute('aria-label')).toContain('2026-W46: 80%');
    expect(completion.getAttribute('aria-label')).toContain('2026-W47: 50%');
    expect(
      screen.getByRole('progressbar', { name: 'Team progress' }).getAttribute('aria-valuetext'),
    ).toBe('42%');
    const kpis = screen.getByRole('region', { name: 'KPIs' });
    expect(within(kpis).getByText('Breach')).toBeTruthy();
    expect(within(kpis).getByText('Worsening')).toBeTruthy();
    expect(within(kpis).getByText(/Target at least 99\.9%/)).toBeTruthy();
    expect(within(kpis).getByText(/Target range 30 – 80/)).toBeTruthy();
    expect(within(kpis).getByText('Improving')).toBeTruthy();
    const atRisk = screen.getByRole('region', { name: 'At risk' });
    expect(within(atRisk).getByText('Cut voluntary turnover')).toBeTruthy();
    expect(within(atRisk).getByText('Off track')).toBeTruthy();
  });

  it('says so per card when one part has no data', async () => {
    renderDashboard(
      new FakeApi({ views: { getDashboard: [dashboardFixture({ kpis: [], atRisk: [] })] } }),
    );
    expect(await screen.findByText(/No KPIs yet/)).toBeTruthy();
    expect(screen.getByText('No key result is at risk or off track.')).toBeTruthy();
  });

  it('labels the axes and bars, offers the values as a table, and says when a chart has no data', async () => {
    const base = dashboardFixture();
    const [kr] = base.keyResults;
    const data = dashboardFixture({
      keyResults: [kr!, { ...kr!, id: 'kr-new', title: 'A brand new key result', points: [] }],
    });
    renderDashboard(new FakeApi({ views: { getDashboard: [data] } }));
    const history = await screen.findByRole('img', {
      name: /^Progress history of Raise the engagement score/,
    });
    // The value axis runs from the baseline to the target, in the key result's unit.
    const labels = Array.from(history.querySelectorAll('text')).map((t) => t.textContent);
    expect(labels).toEqual(expect.arrayContaining(['7.2 points', '8.5 points', 'W45', 'W47']));
    const completion = screen.getByRole('img', { name: /^Weekly check-in completion/ });
    const bars = Array.from(completion.querySelectorAll('text')).map((t) => t.textContent);
    expect(bars).toEqual(expect.arrayContaining(['0%', '100%', '80%', '50%', 'W46', 'W47']));
    const tables = screen.getAllByRole('table', { hidden: true });
    const completionTable = tables.find((t) => t.textContent?.includes('Checked in'));
    expect(completionTable?.textContent).toContain('2026-W464 / 580%');
    expect(screen.getByText('No data yet')).toBeTruthy();
  });

  it('draws the warning part of a KPI’s range, not only the healthy part', async () => {
    renderDashboard(new FakeApi({ views: { getDashboard: [dashboardFixture()] } }));
    const kpis = await screen.findByRole('region', { name: 'KPIs' });
    await within(kpis).findAllByText('41');
    // eNPS 30–80 with a margin of 0.05: a striped zone inside each bound, the bounds as values.
    const svg = within(kpis).getByText('41').closest('svg') as SVGSVGElement;
    expect(svg.querySelectorAll('rect[fill^="url(#warn-"]')).toHaveLength(2);
    const texts = Array.from(svg.querySelectorAll('text')).map((t) => t.textContent);
    expect(texts).toEqual(['30', '80', '41']);
  });
});
