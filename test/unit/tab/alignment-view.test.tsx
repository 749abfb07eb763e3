/** @jest-environment jsdom */
import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { ApiRequestError } from '../../../tab/src/api/errors';
import { AlignmentView } from '../../../tab/src/components/AlignmentView';
import {
  FakeApi,
  TEAM_ID,
  deferred,
  objective,
  renderInTab,
  stubBrowserApis,
  teamView,
} from './support';
import type { TeamViewResponse } from '@bearing/core';

beforeAll(stubBrowserApis);

function renderView(api: FakeApi, canEdit = false) {
  return renderInTab(<AlignmentView api={api} teamId={TEAM_ID} canEdit={canEdit} />);
}

describe('AlignmentView', () => {
  it('shows a loading skeleton while the team view loads', async () => {
    const pending = deferred<TeamViewResponse>();
    const api = new FakeApi({ alignment: [pending.promise] });
    renderView(api);
    expect(screen.getByRole('status', { name: 'Loading your team’s goals…' })).toBeTruthy();
    await act(async () => pending.resolve(teamView()));
    expect(await screen.findByRole('heading', { name: 'My Team' })).toBeTruthy();
    expect(screen.queryByRole('status', { name: 'Loading your team’s goals…' })).toBeNull();
  });

  it('explains an empty cycle instead of showing a blank page', async () => {
    renderView(new FakeApi({ alignment: [teamView({ objectives: [] })] }));
    expect(await screen.findByText('No objectives for My Team in FY2027 Q2 yet.')).toBeTruthy();
    expect(screen.getByText(/Add the first one/)).toBeTruthy();
  });

  it('shows what went wrong and loads again on Retry', async () => {
    const api = new FakeApi({
      alignment: [new ApiRequestError('INTERNAL', 'boom', 500), teamView()],
    });
    renderView(api);
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain(
      'Something went wrong on the server. Try again in a moment.',
    );
    fireEvent.click(within(alert).getByRole('button', { name: 'Retry' }));
    expect(await screen.findByRole('heading', { name: 'My Team' })).toBeTruthy();
    expect(api.alignmentCalls).toHaveLength(2);
  });

  it('says when the team does not exist or the viewer is not in it', async () => {
    renderView(new FakeApi({ alignment: [new ApiRequestError('HTTP.NOT_FOUND', 'x', 404)] }));
    expect((await screen.findByRole('alert')).textContent).toContain(
      'This team does not exist in Bearing, or you are not a member of it.',
    );
  });

  it('renders company objective → team objective → key results, and calls out the unaligned', async () => {
    renderView(new FakeApi({ alignment: [teamView()] }));
    const people = await screen.findByRole('region', { name: 'Be the place great people choose' });
    const growth = screen.getByRole('region', { name: 'Grow a business our customers love' });
    // An objective with two parents appears under each.
    for (const company of [people, growth]) {
      const objective = within(company).getByRole('heading', {
        name: 'Make My Team a place people want to stay',
      });
      expect(objective.tagName).toBe('H3');
      expect(within(company).getByText('Raise the engagement score from 7.2 to 8.5')).toBeTruthy();
      expect(within(company).getByText('Now 7.6 points · target 8.5 points')).toBeTruthy();
      expect(within(company).getByText('eNPS: Healthy')).toBeTruthy();
    }
    // Confidence is text, not only colour.
    expect(within(people).getAllByText('At risk').length).toBeGreaterThanOrEqual(2);
    expect(within(people).getAllByText('On track')).toHaveLength(1);
    expect(within(people).getByText('Owner: Megan Bowen')).toBeTruthy();
    expect(within(people).getAllByText(/^Last check-in /).length).toBeGreaterThan(0);
    expect(
      within(people).getByRole('progressbar', {
        name: 'Progress of Make My Team a place people want to stay',
      }),
    ).toBeTruthy();

    const unaligned = screen.getByRole('region', { name: 'Not aligned' });
    expect(within(unaligned).getByRole('heading', { name: 'Refresh the team wiki' })).toBeTruthy();
    expect(within(unaligned).getByText('Off track')).toBeTruthy();
    expect(within(unaligned).getByText('No check-in yet')).toBeTruthy();
    expect(
      within(unaligned).getByText('This objective is not aligned to any company objective.'),
    ).toBeTruthy();
    // Header figures.
    expect(screen.getByText('Cycle FY2027 Q2')).toBeTruthy();
    expect(
      screen.getByRole('progressbar', { name: 'Team progress' }).getAttribute('aria-valuetext'),
    ).toBe('42%');
    // Members read only.
    expect(screen.queryByRole('button', { name: /^Edit key result/ })).toBeNull();
  });

  it('collapses and expands a branch with a button that reports its state', async () => {
    renderView(new FakeApi({ alignment: [teamView()] }));
    const people = await screen.findByRole('region', { name: 'Be the place great people choose' });
    const toggle = within(people).getByRole('button', { name: 'Be the place great people choose' });
    expect(toggle.getAttribute('aria-expanded')).toBe('true');
    const content = document.getElementById(toggle.getAttribute('aria-controls') ?? '');
    expect(content?.hidden).toBe(false);
    fireEvent.click(toggle);
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    expect(content?.hidden).toBe(true);
    // The same objective under the other company objective keeps its own state.
    const growth = screen.getByRole('region', { name: 'Grow a business our customers love' });
    expect(within(growth).getByText('Raise the engagement score from 7.2 to 8.5')).toBeTruthy();
    fireEvent.click(toggle);
    expect(content?.hidden).toBe(false);
  });

  it('searches on the server once typing pauses, and says when nothing matches', async () => {
    const api = new FakeApi({ alignment: [teamView(), teamView({ objectives: [] })] });
    renderView(api);
    const box = await screen.findByRole('searchbox', { name: 'Search objectives and key results' });
    fireEvent.change(box, { target: { value: 'w' } });
    fireEvent.change(box, { target: { value: 'wiki pages' } });
    expect(
      await screen.findByText('No objectives or key results match “wiki pages”.'),
    ).toBeTruthy();
    expect(api.alignmentCalls.map((c) => c.search)).toEqual([undefined, 'wiki pages']);
    fireEvent.click(screen.getByRole('button', { name: 'Clear search' }));
    await waitFor(() => expect(api.alignmentCalls).toHaveLength(3));
    expect(api.alignmentCalls[2]?.search).toBeUndefined();
  });

  it('filters by cycle: the fiscal year and its quarters as the server lists them', async () => {
    const q1 = teamView({
      cycle: {
        id: 'FY2027-Q1',
        kind: 'quarter',
        name: 'FY2027 Q1',
        start: '2026-07-01',
        end: '2026-09-30',
      },
      objectives: [],
    });
    const year = teamView({
      cycle: { id: 'FY2027', kind: 'year', name: 'FY2027', start: '2026-07-01', end: '2027-07-01' },
      objectives: [objective({ id: 'obj-annual', title: 'Grow the platform', cycleId: 'FY2027' })],
    });
    const api = new FakeApi({ alignment: [teamView(), q1, year] });
    renderView(api);
    const cycle = (await screen.findByRole('combobox', { name: 'Cycle' })) as HTMLSelectElement;
    expect(cycle.value).toBe('FY2027-Q2');
    expect(Array.from(cycle.options).map((o) => [o.value, o.text])).toEqual([
      ['FY2028', 'FY2028 (whole year)'],
      ['FY2027', 'FY2027 (whole year)'],
      ['FY2027-Q1', 'FY2027 Q1'],
      ['FY2027-Q2', 'FY2027 Q2'],
      ['FY2027-Q3', 'FY2027 Q3'],
      ['FY2027-Q4', 'FY2027 Q4'],
      ['FY2026', 'FY2026 (whole year)'],
    ]);
    fireEvent.change(cycle, { target: { value: 'FY2027-Q1' } });
    expect(await screen.findByText('No objectives for My Team in FY2027 Q1 yet.')).toBeTruthy();
    fireEvent.change(screen.getByRole('combobox', { name: 'Cycle' }), {
      target: { value: 'FY2027' },
    });
    // An annual objective wears its badge.
    expect(await screen.findByText('Annual FY2027')).toBeTruthy();
    expect(api.alignmentCalls.map((c) => c.cycleId)).toEqual([undefined, 'FY2027-Q1', 'FY2027']);
  });
});
