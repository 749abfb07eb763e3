/** @jest-environment jsdom */
import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { teamsDarkTheme, teamsHighContrastTheme } from '@fluentui/react-components';
import { App } from '../../../tab/src/App';
import { ApiRequestError } from '../../../tab/src/api/errors';
import { TeamPage } from '../../../tab/src/components/TeamPage';
import type { TeamsHost } from '../../../tab/src/teams/host';
import {
  FakeApi,
  TEAM_ID,
  dashboardFixture,
  meFixture,
  renderInTab,
  stubBrowserApis,
  teamView,
} from './support';

beforeAll(stubBrowserApis);

describe('TeamPage', () => {
  it('says when the tab runs in local development mode', async () => {
    renderInTab(<TeamPage api={new FakeApi({ alignment: [teamView()] })} />);
    expect(
      await screen.findByText(
        'Local development mode — signed in as Alex Wilber (not through Teams)',
      ),
    ).toBeTruthy();
    expect(await screen.findByRole('heading', { name: 'My Team' })).toBeTruthy();
  });

  it('offers Edit to owners and managers only, going by the server’s roles', async () => {
    const owner = renderInTab(
      <TeamPage api={new FakeApi({ me: meFixture('manager'), alignment: [teamView()] })} />,
    );
    expect((await screen.findAllByRole('button', { name: /^Edit key result/ })).length).toBe(5);
    owner.unmount();
    renderInTab(
      <TeamPage api={new FakeApi({ me: meFixture('member'), alignment: [teamView()] })} />,
    );
    await screen.findByRole('heading', { name: 'My Team' });
    expect(screen.queryByRole('button', { name: /^Edit key result/ })).toBeNull();
  });

  it('loads the team from the URL or Teams without waiting for /me', async () => {
    const api = new FakeApi({ alignment: [teamView()] });
    renderInTab(<TeamPage api={api} teamId={TEAM_ID} cycleId="FY2027-Q2" />);
    await waitFor(() =>
      expect(api.alignmentCalls).toEqual([{ teamId: TEAM_ID, cycleId: 'FY2027-Q2' }]),
    );
  });

  it('explains what to do when the viewer is in no team', async () => {
    const me = { ...meFixture(), teams: [] };
    const onSettled = jest.fn();
    renderInTab(<TeamPage api={new FakeApi({ me })} onSettled={onSettled} />);
    expect(await screen.findByText('You are not in a Bearing team yet')).toBeTruthy();
    expect(onSettled).toHaveBeenCalled();
  });

  it('switches views with keyboard-reachable tabs; editing views only for owners and managers', async () => {
    const api = new FakeApi({
      me: meFixture('member'),
      alignment: [teamView()],
      views: { getDashboard: [dashboardFixture()] },
    });
    renderInTab(<TeamPage api={api} />);
    const nav = await screen.findByRole('tablist', { name: 'Bearing views' });
    // Fluent draws each label twice (one hidden, for layout): check tabs by accessible name.
    const tab = (name: string) => within(nav).queryByRole('tab', { name });
    expect(within(nav).getAllByRole('tab')).toHaveLength(3);
    for (const name of ['Alignment', 'Dashboard', 'Import and export'])
      expect(tab(name)).toBeTruthy();
    expect(tab('Edit OKRs')).toBeNull();
    fireEvent.click(within(nav).getByRole('tab', { name: 'Dashboard' }));
    expect(await screen.findByRole('heading', { name: 'Team dashboard' })).toBeTruthy();
    expect(await screen.findByRole('region', { name: 'KPIs' })).toBeTruthy();
  });

  it('owners also get Edit OKRs and Close cycle', async () => {
    renderInTab(
      <TeamPage api={new FakeApi({ me: meFixture('owner'), alignment: [teamView()] })} />,
    );
    const nav = await screen.findByRole('tablist', { name: 'Bearing views' });
    expect(within(nav).getAllByRole('tab')).toHaveLength(5);
    for (const name of ['Edit OKRs', 'Close cycle'])
      expect(within(nav).getByRole('tab', { name })).toBeTruthy();
  });

  it('shows a sign-in failure with Retry', async () => {
    const api = new FakeApi({ me: new ApiRequestError('AUTH.UNAUTHENTICATED', 'x', 401) });
    renderInTab(<TeamPage api={api} />);
    expect((await screen.findByRole('alert')).textContent).toContain('Reload the tab');
    fireEvent.click(screen.getByRole('button', { name: 'Retry' }));
    await waitFor(() => expect(api.meCalls).toBe(2));
  });
});

describe('App in Teams', () => {
  it('uses the Teams theme and team, and tells Teams once the first data is up', async () => {
    let themeHandler: ((theme: 'default' | 'dark' | 'contrast') => void) | undefined;
    const notifySuccess = jest.fn();
    const host: TeamsHost = {
      kind: 'teams',
      theme: 'dark',
      locale: 'en-US',
      teamGroupId: TEAM_ID,
      frameContext: 'content',
      getToken: async () => 'token',
      onThemeChange: (handler) => {
        themeHandler = handler;
      },
      notifySuccess,
    };
    const api = new FakeApi({
      me: { ...meFixture(), identitySource: 'sso' },
      alignment: [teamView()],
    });
    const { container } = render(
      <App connect={async () => host} params={{ view: 'alignment' }} createApi={() => api} />,
    );
    await screen.findByRole('heading', { name: 'My Team' });
    await waitFor(() => expect(notifySuccess).toHaveBeenCalledTimes(1));
    expect(api.alignmentCalls[0]?.teamId).toBe(TEAM_ID);
    expect(screen.queryByText(/Local development mode/)).toBeNull();
    // FluentProvider writes its theme as CSS variables into a style tag named after its class.
    const provider = container.querySelector('.fui-FluentProvider') as HTMLElement;
    const themeClass = Array.from(provider.classList).find((c) =>
      c.startsWith('fui-FluentProvider_'),
    );
    const rule = () => {
      const style = document.getElementById(themeClass ?? '') as HTMLStyleElement | null;
      return Array.from(style?.sheet?.cssRules ?? [])
        .map((r) => r.cssText)
        .join('\n');
    };
    const background = () => rule().match(/--colorNeutralBackground1: ([^;]+);/)?.[1];
    expect(background()).toBe(teamsDarkTheme.colorNeutralBackground1);
    act(() => themeHandler?.('contrast'));
    await waitFor(() => expect(background()).toBe(teamsHighContrastTheme.colorNeutralBackground1));
  });
});
