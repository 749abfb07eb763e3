/** @jest-environment jsdom */
import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import type { MeResponse } from '@bearing/core';
import { App } from '../../../tab/src/App';
import { ApiRequestError } from '../../../tab/src/api/errors';
import { ConfigPage, instanceConfig } from '../../../tab/src/config/ConfigPage';
import { readParams, viewFor } from '../../../tab/src/params';
import type { ConfigHost, TabInstanceConfig, TeamsHost } from '../../../tab/src/teams/host';
import {
  FakeApi,
  TEAM_ID,
  agendaFixture,
  deferred,
  meFixture,
  renderInTab,
  stubBrowserApis,
} from './support';

beforeAll(stubBrowserApis);

const TAB_URL = 'https://bearing.example/tab/';
const OTHER_TEAM = '00000000-0000-0000-0000-000000000099';

function fakeConfigHost() {
  const validity: boolean[] = [];
  let save: (() => TabInstanceConfig) | undefined;
  const host: ConfigHost = {
    setValidity: (valid) => validity.push(valid),
    onSave: (build) => {
      save = build;
    },
  };
  return { host, validity, save: () => save?.() };
}

const twoTeams = (): MeResponse => ({
  ...meFixture(),
  teams: [
    { id: TEAM_ID, name: 'My Team', role: 'owner' },
    { id: OTHER_TEAM, name: 'Platform', role: 'member' },
  ],
});

describe('ConfigPage', () => {
  it('shows a skeleton, then is valid with the Teams context team preselected', async () => {
    const pending = deferred<MeResponse>();
    const api = new FakeApi({});
    api.getMe = () => pending.promise;
    const config = fakeConfigHost();
    renderInTab(
      <ConfigPage api={api} config={config.host} contextTeamId={OTHER_TEAM} tabUrl={TAB_URL} />,
    );
    expect(screen.getByRole('status', { name: 'Loading your team’s goals…' })).toBeTruthy();
    expect(config.validity).toEqual([false]);
    await act(async () => pending.resolve(twoTeams()));
    const team = (await screen.findByRole('combobox', { name: /Team/ })) as HTMLSelectElement;
    expect(team.value).toBe(OTHER_TEAM);
    expect(config.validity.at(-1)).toBe(true);
    expect(config.save()).toEqual(instanceConfig(TAB_URL, OTHER_TEAM, 'alignment'));
  });

  it('saves the team and start view the user picked', async () => {
    const config = fakeConfigHost();
    renderInTab(
      <ConfigPage api={new FakeApi({ me: twoTeams() })} config={config.host} tabUrl={TAB_URL} />,
    );
    fireEvent.change(await screen.findByRole('combobox', { name: /Team/ }), {
      target: { value: OTHER_TEAM },
    });
    fireEvent.click(screen.getByRole('radio', { name: 'Dashboard' }));
    expect(config.save()).toEqual({
      contentUrl: `${TAB_URL}?view=dashboard&teamId=${OTHER_TEAM}`,
      websiteUrl: `${TAB_URL}?view=dashboard&teamId=${OTHER_TEAM}`,
      entityId: `bearing-${OTHER_TEAM}`,
      suggestedDisplayName: 'Bearing',
    });
  });

  it('stays invalid and explains what to do when the user is in no team', async () => {
    const config = fakeConfigHost();
    renderInTab(
      <ConfigPage
        api={new FakeApi({ me: { ...meFixture(), teams: [] } })}
        config={config.host}
        tabUrl={TAB_URL}
      />,
    );
    expect(await screen.findByText(/Install Bearing in a team first/)).toBeTruthy();
    expect(config.validity).not.toContain(true);
    expect(() => config.save()).toThrow('No team chosen.');
  });

  it('shows an error with Retry', async () => {
    const api = new FakeApi({ me: new ApiRequestError('AUTH.UNAUTHENTICATED', 'x', 401) });
    renderInTab(<ConfigPage api={api} tabUrl={TAB_URL} />);
    fireEvent.click(
      within(await screen.findByRole('alert')).getByRole('button', { name: 'Retry' }),
    );
    await waitFor(() => expect(api.meCalls).toBe(2));
    expect(screen.getByText(/Teams shows this page when someone adds Bearing/)).toBeTruthy();
  });
});

describe('routing', () => {
  it('reads the view from the URL and lets the Teams frame context win', () => {
    const params = readParams('?view=dashboard&teamId=t1&cycleId=FY2027-Q2');
    expect(params).toEqual({ view: 'dashboard', teamId: 't1', cycleId: 'FY2027-Q2' });
    expect(readParams('?view=nope&cycleId=2027').view).toBe('alignment');
    expect(viewFor(params, undefined)).toBe('dashboard');
    expect(viewFor(params, 'content')).toBe('dashboard');
    expect(viewFor(params, 'settings')).toBe('config');
    expect(viewFor(params, 'sidePanel')).toBe('meeting');
    expect(viewFor(params, 'meetingStage')).toBe('stage');
  });

  it('opens the meeting side panel from the frame context, with Share to stage', async () => {
    const shareToStage = jest.fn(async () => undefined);
    const host: TeamsHost = {
      kind: 'teams',
      theme: 'default',
      frameContext: 'sidePanel',
      meetingId: 'm1',
      getToken: async () => 'token',
      onThemeChange: () => undefined,
      notifySuccess: jest.fn(),
      shareToStage,
    };
    const api = new FakeApi({
      me: { ...meFixture(), identitySource: 'sso' },
      views: { getMeetingAgenda: [agendaFixture()] },
    });
    render(
      <App
        connect={async () => host}
        params={readParams('')}
        createApi={() => api}
        tabUrl={TAB_URL}
      />,
    );
    fireEvent.click(await screen.findByRole('button', { name: 'Share to stage' }));
    await waitFor(() =>
      expect(shareToStage).toHaveBeenCalledWith(`${TAB_URL}?view=stage&teamId=${TEAM_ID}`),
    );
    await waitFor(() => expect(host.notifySuccess).toHaveBeenCalledTimes(1));
    expect(screen.queryByRole('tablist')).toBeNull();
  });
});
