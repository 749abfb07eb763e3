/** @jest-environment jsdom */
import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { ApiRequestError } from '../../../tab/src/api/errors';
import type { MeetingAgenda } from '../../../tab/src/api/views';
import { MeetingView } from '../../../tab/src/meeting/MeetingView';
import {
  FakeApi,
  TEAM_ID,
  agendaFixture,
  deferred,
  openItem,
  renderInTab,
  stubBrowserApis,
} from './support';

beforeAll(stubBrowserApis);

const STAGE_URL = `https://bearing.example/tab/?view=stage&teamId=${TEAM_ID}`;

function renderMeeting(
  api: FakeApi,
  surface: 'panel' | 'stage',
  shareToStage?: (url: string) => Promise<void>,
) {
  return renderInTab(
    <MeetingView
      api={api}
      teamId={TEAM_ID}
      surface={surface}
      stageUrl={STAGE_URL}
      {...(shareToStage ? { shareToStage } : {})}
    />,
  );
}

describe('MeetingView', () => {
  it('shows a skeleton while the agenda loads', async () => {
    const pending = deferred<MeetingAgenda>();
    renderMeeting(new FakeApi({ views: { getMeetingAgenda: [pending.promise] } }), 'panel');
    expect(screen.getByRole('status', { name: 'Loading your team’s goals…' })).toBeTruthy();
    await act(async () => pending.resolve(agendaFixture()));
    expect(
      await screen.findByRole('heading', { name: 'This week’s agenda — My Team' }),
    ).toBeTruthy();
  });

  it('says what to do when nobody has checked in yet', async () => {
    const empty = agendaFixture({
      changes: [],
      blockers: [],
      decisions: [],
      openItems: [],
      atRisk: [],
      kpiAlerts: [],
    });
    renderMeeting(new FakeApi({ views: { getMeetingAgenda: [empty] } }), 'panel');
    expect(await screen.findByText(/nobody has checked in this week/)).toBeTruthy();
  });

  it('says when the notes are last week’s because nobody has checked in this week', async () => {
    renderMeeting(
      new FakeApi({ views: { getMeetingAgenda: [agendaFixture({ notesWeek: '2026-W46' })] } }),
      'stage',
    );
    expect(
      await screen.findByText(
        'Nobody has checked in this week yet: what changed is from last week’s check-ins (2026-W46). Blockers and decisions stay until they are resolved.',
      ),
    ).toBeTruthy();
  });

  it('marks this week’s blockers and decisions new and keeps last week’s open ones', async () => {
    const agenda = agendaFixture({
      openItems: [
        openItem('blocker', 'u-isaiah', 'Isaiah Langer', 'Survey tool licence expired', 1),
        openItem('blocker', 'u-megan', 'Megan Bowen', 'Flaky deploys eat a day a week', 0),
        openItem('decision', 'u-alex', 'Alex Wilber', 'Pause feature work for one sprint?', 0),
      ],
    });
    renderMeeting(new FakeApi({ views: { getMeetingAgenda: [agenda] } }), 'panel');
    const blockers = await screen.findByRole('region', { name: 'Blockers (2)' });
    const [open, fresh] = within(blockers).getAllByRole('listitem');
    expect(open!.textContent).toContain('Survey tool licence expired');
    expect(open!.textContent).toContain('Open 1 week, since 2026-W46');
    expect(open!.textContent).not.toContain('New this week');
    expect(fresh!.textContent).toContain('New this week');
    const decisions = screen.getByRole('region', { name: 'Decisions needed (1)' });
    expect(within(decisions).getByText('New this week')).toBeTruthy();
  });

  it('says nothing about last week when the notes are this week’s', async () => {
    renderMeeting(new FakeApi({ views: { getMeetingAgenda: [agendaFixture()] } }), 'stage');
    await screen.findByRole('region', { name: 'Blockers (1)' });
    expect(screen.queryByText(/from last week’s check-ins/)).toBeNull();
  });

  it('shows an error with Retry, and a missing route as a server that lacks the view', async () => {
    const api = new FakeApi({
      views: {
        getMeetingAgenda: [
          new ApiRequestError('HTTP.NOT_FOUND', 'No such endpoint: GET /x', 404),
          agendaFixture(),
        ],
      },
    });
    renderMeeting(api, 'panel');
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('This server does not offer this view yet');
    fireEvent.click(within(alert).getByRole('button', { name: 'Retry' }));
    expect(await screen.findByRole('region', { name: 'Blockers (1)' })).toBeTruthy();
    expect(api.callsOf('getMeetingAgenda')).toEqual([[TEAM_ID], [TEAM_ID]]);
  });

  it('side panel: lists the agenda and shares the stage URL to the meeting stage', async () => {
    const share = jest.fn(async () => undefined);
    renderMeeting(new FakeApi({ views: { getMeetingAgenda: [agendaFixture()] } }), 'panel', share);
    const blockers = await screen.findByRole('region', { name: 'Blockers (1)' });
    expect(within(blockers).getByText('Flaky deploys eat a day a week')).toBeTruthy();
    expect(within(blockers).getByText('— Isaiah Langer')).toBeTruthy();
    expect(screen.getByRole('region', { name: 'What changed (1)' }).textContent).toContain(
      'Raise offer acceptance from 70% to 85%',
    );
    expect(screen.getByRole('region', { name: 'Decisions needed (1)' }).textContent).toContain(
      'Pause feature work for one sprint?',
    );
    expect(
      within(screen.getByRole('region', { name: 'At-risk key results (1)' })).getByText('At risk'),
    ).toBeTruthy();
    expect(screen.getByRole('region', { name: 'KPI alerts (1)' }).textContent).toContain(
      'Uptime: Breach',
    );
    fireEvent.click(screen.getByRole('button', { name: 'Share to stage' }));
    expect(await screen.findByText('Shared to the meeting stage.')).toBeTruthy();
    expect(share).toHaveBeenCalledWith(STAGE_URL);
  });

  it('side panel: says why sharing failed', async () => {
    const share = jest.fn(async () => {
      throw new Error('Not in a meeting');
    });
    renderMeeting(new FakeApi({ views: { getMeetingAgenda: [agendaFixture()] } }), 'panel', share);
    fireEvent.click(await screen.findByRole('button', { name: 'Share to stage' }));
    expect((await screen.findByRole('alert')).textContent).toContain(
      'Teams could not share to the stage: Not in a meeting',
    );
  });

  it('outside Teams offers a link to the stage view instead of sharing', async () => {
    renderMeeting(new FakeApi({ views: { getMeetingAgenda: [agendaFixture()] } }), 'panel');
    const link = await screen.findByRole('link', { name: 'Open the stage view' });
    expect(link.getAttribute('href')).toBe(STAGE_URL);
    expect(screen.queryByRole('button', { name: 'Share to stage' })).toBeNull();
  });

  it('stage: sections are keyboard stops moved through with arrows, Home and End', async () => {
    renderMeeting(new FakeApi({ views: { getMeetingAgenda: [agendaFixture()] } }), 'stage');
    // Open blockers and decisions come first.
    const blockers = await screen.findByRole('region', { name: 'Blockers (1)' });
    expect(screen.queryByRole('button', { name: 'Share to stage' })).toBeNull();
    const regions = screen.getAllByRole('region');
    expect(regions.map((r) => r.getAttribute('tabindex'))).toEqual(['0', '0', '0', '0', '0']);
    blockers.focus();
    fireEvent.keyDown(blockers, { key: 'ArrowDown' });
    await waitFor(() =>
      expect(document.activeElement).toBe(
        screen.getByRole('region', { name: 'Decisions needed (1)' }),
      ),
    );
    fireEvent.keyDown(document.activeElement as Element, { key: 'End' });
    expect(document.activeElement).toBe(screen.getByRole('region', { name: 'KPI alerts (1)' }));
    fireEvent.keyDown(document.activeElement as Element, { key: 'PageUp' });
    expect(document.activeElement).toBe(
      screen.getByRole('region', { name: 'At-risk key results (1)' }),
    );
  });

  it('managers resolve a blocker and record a decision from the keyboard; the agenda reloads', async () => {
    const after = agendaFixture({ openItems: [], blockers: [], decisions: [] });
    const api = new FakeApi({
      views: {
        getMeetingAgenda: [agendaFixture(), agendaFixture(), after],
        resolveOpenItem: [
          {
            ...agendaFixture().openItems[0],
            status: 'resolved',
            resolution: resolution('resolved'),
          },
        ],
        recordDecision: [
          {
            ...agendaFixture().openItems[1],
            status: 'resolved',
            resolution: resolution('decided'),
          },
        ],
      },
    });
    renderMeeting(api, 'stage');
    const blockers = await screen.findByRole('region', { name: 'Blockers (1)' });
    expect(within(blockers).getByText('Open 1 week, since 2026-W46')).toBeTruthy();
    const decisions = screen.getByRole('region', { name: 'Decisions needed (1)' });
    expect(within(decisions).getByText('New this week')).toBeTruthy();
    fireEvent.click(within(decisions).getByRole('button', { name: 'Record decision' }));
    const input = within(decisions).getByRole('textbox', { name: 'What was decided' });
    fireEvent.change(input, { target: { value: 'Yes, one sprint' } });
    fireEvent.submit(input.closest('form') as HTMLFormElement);
    await waitFor(() =>
      expect(api.callsOf('recordDecision')).toEqual([
        [TEAM_ID, 'decision.u-alex.2026-W47', 'Yes, one sprint'],
      ]),
    );
    await waitFor(() => expect(api.callsOf('getMeetingAgenda')).toHaveLength(2));
    const reloaded = await screen.findByRole('region', { name: 'Blockers (1)' });
    fireEvent.click(await within(reloaded).findByRole('button', { name: 'Resolve' }));
    await waitFor(() =>
      expect(api.callsOf('resolveOpenItem')).toEqual([[TEAM_ID, 'blocker.u-isaiah.2026-W46']]),
    );
    expect(await screen.findByRole('region', { name: 'Blockers (0)' })).toBeTruthy();
  });

  it('members see the open items without the manager buttons, and who has not checked in', async () => {
    const agenda = agendaFixture({
      canManage: false,
      notCheckedIn: [{ userId: 'u-megan', displayName: 'Megan Bowen' }],
    });
    renderMeeting(new FakeApi({ views: { getMeetingAgenda: [agenda] } }), 'panel');
    expect(await screen.findByText('Not checked in yet: Megan Bowen')).toBeTruthy();
    expect(screen.getByText('Flaky deploys eat a day a week')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Resolve' })).toBeNull();
  });
});

function resolution(outcome: 'resolved' | 'decided') {
  return {
    outcome,
    by: { userId: 'u-owner', displayName: 'Owner' },
    at: '2026-11-17T10:00:00Z',
    ...(outcome === 'decided' ? { text: 'Yes, one sprint' } : {}),
  };
}
