/** @jest-environment jsdom */
import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import type { CycleCloseResponse } from '@bearing/core';
import { ApiRequestError } from '../../../tab/src/api/errors';
import { CycleCloseView, parseScore } from '../../../tab/src/close/CycleCloseView';
import {
  FakeApi,
  TEAM_ID,
  closePreviewFixture,
  deferred,
  renderInTab,
  stubBrowserApis,
} from './support';

beforeAll(stubBrowserApis);

const renderClose = (api: FakeApi, canEdit = true) =>
  renderInTab(<CycleCloseView api={api} teamId={TEAM_ID} canEdit={canEdit} />);

describe('CycleCloseView', () => {
  it('is for owners and managers only', () => {
    renderClose(new FakeApi({}), false);
    expect(screen.getByText('Only team owners and managers can close a cycle.')).toBeTruthy();
  });

  it('shows a skeleton while loading', async () => {
    const pending = deferred<CycleCloseResponse>();
    const api = new FakeApi({ views: { getCycleClose: [pending.promise] } });
    renderClose(api);
    expect(screen.getByRole('status', { name: 'Loading your team’s goals…' })).toBeTruthy();
    await act(async () => pending.resolve(closePreviewFixture()));
    expect(await screen.findByRole('heading', { name: 'Close FY2027 Q2' })).toBeTruthy();
  });

  it('asks only for scores of an annual objective the quarter leaves open', async () => {
    const annual = {
      objectiveId: 'obj-annual',
      title: 'Grow the platform business',
      closes: false,
      status: 'active' as const,
      keyResults: [
        { keyResultId: 'kr-q2', title: 'Teams onboarded', progress: 0.5, suggestedScore: 0.5 },
      ],
    };
    const preview = closePreviewFixture();
    renderClose(
      new FakeApi({
        views: { getCycleClose: [{ ...preview, objectives: [...preview.objectives, annual] }] },
      }),
    );
    const card = await screen.findByRole('region', { name: 'Grow the platform business' });
    expect(within(card).getByText(/Teams onboarded/)).toBeTruthy();
    expect(within(card).queryByRole('checkbox')).toBeNull();
    const closing = screen.getByRole('region', { name: 'Refresh the team wiki' });
    expect(within(closing).getByRole('checkbox')).toBeTruthy();
  });

  it('says there is nothing to score in an empty cycle', async () => {
    renderClose(
      new FakeApi({ views: { getCycleClose: [closePreviewFixture({ objectives: [] })] } }),
    );
    expect(await screen.findByText(/There is nothing to score/)).toBeTruthy();
  });

  it('shows an error with Retry', async () => {
    renderClose(
      new FakeApi({
        views: {
          getCycleClose: [new ApiRequestError('CLIENT.NETWORK', 'x', 0), closePreviewFixture()],
        },
      }),
    );
    fireEvent.click(
      within(await screen.findByRole('alert')).getByRole('button', { name: 'Retry' }),
    );
    expect(await screen.findByRole('heading', { name: 'Close FY2027 Q2' })).toBeTruthy();
  });

  it('prefills scores from progress, validates 0.0–1.0, and closes with retro and carry-over', async () => {
    const closed = closePreviewFixture({
      closed: true,
      objectives: closePreviewFixture().objectives.map((o) => ({ ...o, score: 0.4 })),
      carriedOver: [
        { fromObjectiveId: 'obj-side-project', objectiveId: 'obj-new', keyResultIds: ['kr-new'] },
      ],
    });
    const api = new FakeApi({
      views: { getCycleClose: [closePreviewFixture()], closeCycle: [closed] },
    });
    renderClose(api);
    const score = (await screen.findByRole('textbox', {
      name: 'Score for Raise the engagement score from 7.2 to 8.5',
    })) as HTMLInputElement;
    expect(score.value).toBe('0.3');
    fireEvent.change(score, { target: { value: '1.4' } });
    fireEvent.click(screen.getByRole('button', { name: 'Close the cycle' }));
    expect(await screen.findByText('Enter a score from 0.0 to 1.0.')).toBeTruthy();
    expect(document.activeElement).toBe(score);
    expect(api.callsOf('closeCycle')).toHaveLength(0);

    fireEvent.change(score, { target: { value: '0,7' } });
    fireEvent.change(screen.getByRole('textbox', { name: 'What worked (Refresh the team wiki)' }), {
      target: { value: 'Pairing on pages' },
    });
    fireEvent.click(
      screen.getByRole('checkbox', { name: 'Carry over to the next cycle: Refresh the team wiki' }),
    );
    fireEvent.click(screen.getByRole('button', { name: 'Close the cycle' }));
    // Closing cannot be undone: it asks first, and Cancel leaves everything as it was.
    const ask = await screen.findByRole('alertdialog', { name: 'Close FY2027 Q2?' });
    fireEvent.click(await within(ask).findByRole('button', { name: 'Cancel' }));
    await waitFor(() => expect(screen.queryByRole('alertdialog', { hidden: true })).toBeNull());
    expect(api.callsOf('closeCycle')).toHaveLength(0);
    fireEvent.click(screen.getByRole('button', { name: 'Close the cycle' }));
    const again = await screen.findByRole('alertdialog', { name: 'Close FY2027 Q2?' });
    fireEvent.click(await within(again).findByRole('button', { name: 'Close FY2027 Q2' }));
    expect((await screen.findByRole('status')).textContent).toContain(
      'FY2027 Q2 is closed. 1 carried over to FY2027 Q3 as drafts.',
    );
    expect(screen.getAllByText('— score 0.4')).toHaveLength(2);
    expect(api.callsOf('closeCycle')).toEqual([
      [
        TEAM_ID,
        'FY2027-Q2',
        {
          scores: [
            { keyResultId: 'kr-engagement', score: 0.7 },
            { keyResultId: 'kr-turnover', score: 0.3 },
            { keyResultId: 'kr-wiki', score: 0.3 },
          ],
          retrospectives: [
            { objectiveId: 'obj-side-project', whatWorked: 'Pairing on pages', whatDidNot: '' },
          ],
          carryOverObjectiveIds: ['obj-side-project'],
        },
      ],
    ]);
  });

  it('keeps the form when the server refuses', async () => {
    const api = new FakeApi({
      views: {
        getCycleClose: [closePreviewFixture()],
        closeCycle: [new ApiRequestError('VALIDATION.FAILED', 'Cycle already closed.', 400)],
      },
    });
    renderClose(api);
    fireEvent.click(await screen.findByRole('button', { name: 'Close the cycle' }));
    const ask = await screen.findByRole('alertdialog', { name: 'Close FY2027 Q2?' });
    fireEvent.click(await within(ask).findByRole('button', { name: 'Close FY2027 Q2' }));
    expect((await screen.findByRole('alert')).textContent).toContain('Cycle already closed.');
    expect(screen.getByRole('button', { name: 'Close the cycle' })).toBeTruthy();
  });

  it('shows a cycle that is already closed instead of the form', async () => {
    renderClose(new FakeApi({ views: { getCycleClose: [closePreviewFixture({ closed: true })] } }));
    expect(await screen.findByText(/FY2027 Q2 is closed\./)).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Close the cycle' })).toBeNull();
  });

  it('parses scores as people type them', () => {
    expect(parseScore('0.7')).toBe(0.7);
    expect(parseScore('.5')).toBe(0.5);
    expect(parseScore('1')).toBe(1);
    expect(parseScore('1.01')).toBeUndefined();
    expect(parseScore('-0.1')).toBeUndefined();
    expect(parseScore('')).toBeUndefined();
  });
});
