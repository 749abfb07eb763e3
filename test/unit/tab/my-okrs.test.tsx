/** @jest-environment jsdom */
import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { ApiRequestError } from '../../../tab/src/api/errors';
import type { MyOkrs } from '../../../tab/src/api/views';
import { MyOkrsPage } from '../../../tab/src/personal/MyOkrsPage';
import {
  FakeApi,
  TEAM_ID,
  deferred,
  myCheckInAnswer,
  myOkrsFixture,
  myTeamFixture,
  renderInTab,
  stubBrowserApis,
} from './support';

beforeAll(stubBrowserApis);

const KR = 'Raise the engagement score from 7.2 to 8.5';

describe('MyOkrsPage', () => {
  it('shows a skeleton while loading, and the local-mode banner', async () => {
    const pending = deferred<MyOkrs>();
    renderInTab(<MyOkrsPage api={new FakeApi({ views: { getMyOkrs: [pending.promise] } })} />);
    expect(screen.getByRole('status', { name: 'Loading your team’s goals…' })).toBeTruthy();
    expect(await screen.findByText(/Local development mode/)).toBeTruthy();
    await act(async () => pending.resolve(myOkrsFixture()));
    expect(await screen.findByRole('region', { name: 'Team: My Team' })).toBeTruthy();
  });

  it('says what to do when the user owns no key results', async () => {
    renderInTab(
      <MyOkrsPage
        api={
          new FakeApi({
            views: { getMyOkrs: [myOkrsFixture([myTeamFixture({ keyResults: [] })])] },
          })
        }
      />,
    );
    expect(await screen.findByText(/You own no key results in this cycle/)).toBeTruthy();
  });

  it('shows an error with Retry', async () => {
    const api = new FakeApi({
      views: { getMyOkrs: [new ApiRequestError('CLIENT.NETWORK', 'offline', 0), myOkrsFixture()] },
    });
    renderInTab(<MyOkrsPage api={api} />);
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('could not reach its server');
    fireEvent.click(within(alert).getByRole('button', { name: 'Retry' }));
    expect(await screen.findByRole('region', { name: 'Check-in history: My Team' })).toBeTruthy();
  });

  it('shows my key results and history, and submits a check-in', async () => {
    const api = new FakeApi({
      views: { getMyOkrs: [myOkrsFixture()], submitMyCheckIn: [myCheckInAnswer()] },
    });
    renderInTab(<MyOkrsPage api={api} />);
    const history = await screen.findByRole('region', { name: 'Check-in history: My Team' });
    expect(within(history).getByText('2026-W46')).toBeTruthy();
    expect(within(history).getByText(`${KR}: 7.4`)).toBeTruthy();
    expect(within(history).getByText('Blocker: Survey tool licence expired')).toBeTruthy();

    const value = screen.getByRole('textbox', { name: `New value (${KR})` });
    fireEvent.change(value, { target: { value: 'eight' } });
    fireEvent.click(screen.getByRole('button', { name: 'Submit check-in' }));
    expect(await screen.findByText('Enter a number, such as 8.5.')).toBeTruthy();
    expect(api.callsOf('submitMyCheckIn')).toHaveLength(0);

    fireEvent.change(value, { target: { value: '7,9' } });
    fireEvent.change(screen.getByRole('combobox', { name: `Confidence (${KR})` }), {
      target: { value: 'atRisk' },
    });
    fireEvent.change(screen.getByRole('textbox', { name: 'Blocker' }), {
      target: { value: 'Waiting on HR data' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Submit check-in' }));
    expect(await screen.findByText('Check-in saved.')).toBeTruthy();
    const [body] = api.callsOf('submitMyCheckIn')[0] as [Record<string, unknown>];
    expect(body).toMatchObject({
      teamId: TEAM_ID,
      cycleId: 'FY2027-Q2',
      week: '2026-W47',
      updates: [{ keyResultId: 'kr-engagement', value: 7.9, confidence: 'atRisk' }],
      blockers: 'Waiting on HR data',
    });
    expect(body.submissionId).toMatch(/^[A-Za-z0-9._:-]{8,100}$/);
    await waitFor(() => expect(api.callsOf('getMyOkrs')).toHaveLength(2));
  });

  it('confirms the first check-in of the week after the page reloads the week', async () => {
    // The reload after sending answers with this week's check-in: the form must keep the
    // confirmation (and what was sent), not start over.
    const sent = myCheckInAnswer();
    const afterSend = myOkrsFixture([myTeamFixture({ thisWeek: sent.checkIn })]);
    const api = new FakeApi({
      views: { getMyOkrs: [myOkrsFixture(), afterSend], submitMyCheckIn: [sent] },
    });
    renderInTab(<MyOkrsPage api={api} />);
    const value = await screen.findByRole('textbox', { name: `New value (${KR})` });
    fireEvent.change(value, { target: { value: '7.9' } });
    fireEvent.click(screen.getByRole('button', { name: 'Submit check-in' }));
    await waitFor(() => expect(api.callsOf('getMyOkrs')).toHaveLength(2));
    await waitFor(() =>
      expect(screen.getByRole('status', { name: '' }).textContent).toBe('Check-in saved.'),
    );
    expect(
      (screen.getByRole('textbox', { name: `New value (${KR})` }) as HTMLInputElement).value,
    ).toBe('7.9');
  });

  it('keeps the form and says why when the server refuses the check-in', async () => {
    const api = new FakeApi({
      views: {
        getMyOkrs: [myOkrsFixture()],
        submitMyCheckIn: [new ApiRequestError('AUTH.FORBIDDEN', 'no', 403)],
      },
    });
    renderInTab(<MyOkrsPage api={api} />);
    fireEvent.click(await screen.findByRole('button', { name: 'Submit check-in' }));
    expect((await screen.findByRole('alert')).textContent).toContain(
      'Only team owners and managers can change this.',
    );
    expect(screen.getByRole('button', { name: 'Submit check-in' })).toBeTruthy();
  });

  it('shows what a manager decided about my blocker, and marks me away until a date', async () => {
    const decided = {
      id: 'blocker.u-alex.2026-W46',
      kind: 'blocker' as const,
      text: 'Survey licence expired',
      author: { userId: 'u-alex', displayName: 'Alex Wilber' },
      keyResults: [],
      cycleId: 'FY2027-Q2',
      createdWeek: '2026-W46',
      createdAt: '2026-11-10T09:00:00Z',
      ageWeeks: 1,
      isNew: false,
      status: 'resolved' as const,
      resolution: {
        outcome: 'resolved' as const,
        text: 'Renewed for a year',
        by: { userId: 'u-owner', displayName: 'Sam Owner' },
        at: '2026-11-17T10:00:00Z',
      },
    };
    const api = new FakeApi({
      views: {
        getMyOkrs: [
          myOkrsFixture([myTeamFixture({ openItems: [decided] })]),
          myOkrsFixture([myTeamFixture({ openItems: [decided], awayUntil: '2026-12-04' })]),
        ],
        setAway: [{ teamId: TEAM_ID, userId: 'u-alex', awayUntil: '2026-12-04' }],
      },
    });
    renderInTab(<MyOkrsPage api={api} />);
    const items = await screen.findByRole('region', { name: 'My blockers and decisions: My Team' });
    expect(within(items).getByText(/Resolved: Renewed for a year by Sam Owner/)).toBeTruthy();
    const away = screen.getByRole('region', { name: 'Away: My Team' });
    fireEvent.change(within(away).getByLabelText('Away until'), {
      target: { value: '2026-12-04' },
    });
    fireEvent.click(within(away).getByRole('button', { name: 'Save' }));
    await waitFor(() =>
      expect(api.callsOf('setAway')).toEqual([[TEAM_ID, 'u-alex', '2026-12-04']]),
    );
    expect(await screen.findByRole('button', { name: 'I’m back' })).toBeTruthy();
  });
});
