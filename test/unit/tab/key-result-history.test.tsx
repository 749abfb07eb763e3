/** @jest-environment jsdom */
import { act, fireEvent, screen, within } from '@testing-library/react';
import { ApiRequestError } from '../../../tab/src/api/errors';
import type { TeamDashboard } from '../../../tab/src/api/views';
import { AlignmentView } from '../../../tab/src/components/AlignmentView';
import {
  FakeApi,
  TEAM_ID,
  dashboardFixture,
  deferred,
  renderInTab,
  stubBrowserApis,
  teamView,
} from './support';

beforeAll(stubBrowserApis);

// The alignment view's "History" disclosure under each key result: the dashboard's chart of the
// cycle shown, fetched when the first disclosure opens and shared by the others.
const ENGAGEMENT = 'History of Raise the engagement score from 7.2 to 8.5';
const TURNOVER = 'History of Cut voluntary turnover from 14% to 9%';

async function renderTree(dashboard: (TeamDashboard | Error | Promise<TeamDashboard>)[]) {
  const api = new FakeApi({ alignment: [teamView()], views: { getDashboard: dashboard } });
  renderInTab(<AlignmentView api={api} teamId={TEAM_ID} canEdit={false} />);
  await screen.findByRole('heading', { name: 'My Team' });
  return api;
}
// An objective aligned to two company objectives shows its key results under each: take the first.
const historyButton = (name: string) => screen.getAllByRole('button', { name })[0]!;
const regionOf = (button: HTMLElement) =>
  document.getElementById(button.getAttribute('aria-controls') ?? '')!;

describe('KeyResultHistory', () => {
  it('fetches nothing until opened, then shows the loading state and the chart', async () => {
    const pending = deferred<TeamDashboard>();
    const api = await renderTree([pending.promise]);
    const button = historyButton(ENGAGEMENT);
    expect(button.getAttribute('aria-expanded')).toBe('false');
    expect(regionOf(button).hidden).toBe(true);
    expect(api.callsOf('getDashboard')).toEqual([]);

    fireEvent.click(button);
    expect(button.getAttribute('aria-expanded')).toBe('true');
    const region = regionOf(button);
    expect(region.hidden).toBe(false);
    expect(within(region).getByRole('status').textContent).toContain('Loading the history…');

    await act(async () => pending.resolve(dashboardFixture()));
    const chart = await within(region).findByRole('img', {
      name: /^Progress history of Raise the engagement score/,
    });
    expect(chart.getAttribute('aria-label')).toContain('2026-W47: 7.6');
    expect(chart.querySelectorAll('circle')).toHaveLength(3);
    expect(within(region).getByText('Show the values as a table')).toBeTruthy();

    // Closing hides it again; the other key results use the same answer.
    fireEvent.click(button);
    expect(button.getAttribute('aria-expanded')).toBe('false');
    expect(regionOf(button).hidden).toBe(true);
    fireEvent.click(historyButton(TURNOVER));
    expect(api.callsOf('getDashboard')).toEqual([[TEAM_ID, 'FY2027-Q2']]);
  });

  it('says there are no check-ins when the dashboard has none for the key result', async () => {
    const none = dashboardFixture();
    const withoutPoints = dashboardFixture({
      keyResults: none.keyResults.map((h) => ({ ...h, points: [] })),
    });
    await renderTree([withoutPoints]);
    const button = historyButton(ENGAGEMENT);
    fireEvent.click(button);
    const region = regionOf(button);
    expect(
      await within(region).findByText('No check-ins yet, so there is no history to chart.'),
    ).toBeTruthy();
    expect(within(region).queryByRole('img')).toBeNull();

    // A key result the dashboard does not chart at all (another cycle's scope) is empty too.
    const turnover = historyButton(TURNOVER);
    fireEvent.click(turnover);
    expect(
      within(regionOf(turnover)).getByText('No check-ins yet, so there is no history to chart.'),
    ).toBeTruthy();
  });

  it('shows an error with Retry, which fetches again', async () => {
    const api = await renderTree([
      new ApiRequestError('INTERNAL', 'x', 500),
      dashboardFixture(),
    ] as (TeamDashboard | Error)[]);
    const button = historyButton(ENGAGEMENT);
    fireEvent.click(button);
    const region = regionOf(button);
    const alert = await within(region).findByRole('alert');
    fireEvent.click(within(alert).getByRole('button', { name: 'Retry' }));
    expect(
      await within(region).findByRole('img', { name: /^Progress history of Raise/ }),
    ).toBeTruthy();
    expect(api.callsOf('getDashboard')).toEqual([
      [TEAM_ID, 'FY2027-Q2'],
      [TEAM_ID, 'FY2027-Q2'],
    ]);
  });
});
