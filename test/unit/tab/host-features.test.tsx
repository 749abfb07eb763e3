/** @jest-environment jsdom */
import { render, screen, waitFor } from '@testing-library/react';
import { App } from '../../../tab/src/App';
import type { TabView } from '../../../tab/src/params';
import { connectTeams, type TeamsHost } from '../../../tab/src/teams/host';
import { hostFeatures, viewInHost } from '../../../tab/src/teams/host-features';
import { meFixture } from './fixtures';
import { FakeApi, TEAM_ID, agendaFixture, myOkrsFixture, stubBrowserApis } from './support';

// My OKRs in Outlook and the Microsoft 365 app: the personal tab works there; what needs a channel
// or a meeting (side panel, stage, tab configuration) is hidden, never a page that cannot work.
// teams-js itself is not loaded (it fetches its list of hosts from a CDN): a stand-in host answers.
jest.mock('@microsoft/teams-js', () => ({
  app: {
    initialize: jest.fn(async () => undefined),
    getContext: jest.fn(),
    registerOnThemeChangeHandler: jest.fn(),
    notifySuccess: jest.fn(),
  },
  authentication: { getAuthToken: jest.fn(async () => 'token') },
  meeting: { shareAppContentToStage: jest.fn() },
  pages: { config: {} },
}));
const teamsJs = jest.requireMock('@microsoft/teams-js') as {
  app: { getContext: jest.Mock };
};

beforeAll(stubBrowserApis);

const host = (hostName: string | undefined, frameContext = 'content'): TeamsHost => ({
  kind: 'teams',
  theme: 'default',
  ...(hostName ? { hostName } : {}),
  teamGroupId: TEAM_ID,
  frameContext,
  getToken: async () => 'token',
  onThemeChange: () => undefined,
  notifySuccess: () => undefined,
  shareToStage: async () => undefined,
});

describe('host features', () => {
  it.each(['Outlook', 'OutlookWin32', 'Office'])('%s hosts the personal tab only', (name) => {
    expect(hostFeatures(host(name))).toEqual({ channels: false, meetings: false });
  });

  it.each(['Teams', 'TeamsModern', undefined])('%s offers channels and meetings', (name) => {
    expect(hostFeatures(host(name))).toEqual({ channels: true, meetings: true });
  });

  it('offers everything in a plain browser (local development)', () => {
    expect(hostFeatures({ kind: 'standalone' })).toEqual({ channels: true, meetings: true });
  });

  it('opens My OKRs instead of a view that needs a meeting or a channel', () => {
    const outlook = hostFeatures(host('Outlook'));
    const teams = hostFeatures(host('Teams'));
    const views: TabView[] = ['meeting', 'stage', 'config', 'personal', 'alignment', 'dashboard'];
    expect(views.map((v) => viewInHost(v, outlook))).toEqual([
      'personal',
      'personal',
      'personal',
      'personal',
      'alignment',
      'dashboard',
    ]);
    expect(views.map((v) => viewInHost(v, teams))).toEqual(views);
  });
});

describe('App in Outlook', () => {
  const api = () =>
    new FakeApi({
      me: { ...meFixture(), identitySource: 'sso' },
      views: { getMyOkrs: [myOkrsFixture()], getMeetingAgenda: [agendaFixture()] },
    });

  it('shows My OKRs where a link asked for the meeting view, and never loads the agenda', async () => {
    const fake = api();
    render(
      <App
        connect={async () => host('Outlook')}
        params={{ view: 'meeting' }}
        createApi={() => fake}
      />,
    );
    expect(await screen.findByRole('region', { name: 'Team: My Team' })).toBeTruthy();
    expect(screen.queryByRole('heading', { name: /agenda/ })).toBeNull();
    expect(screen.queryByRole('button', { name: /stage/i })).toBeNull();
    expect(fake.callsOf('getMeetingAgenda')).toEqual([]);
  });

  it('shows the same link as the meeting agenda in Teams (the check can fail)', async () => {
    const fake = api();
    render(
      <App
        connect={async () => host('Teams')}
        params={{ view: 'meeting' }}
        createApi={() => fake}
      />,
    );
    expect(
      await screen.findByRole('heading', { name: 'This week’s agenda — My Team' }),
    ).toBeTruthy();
    await waitFor(() => expect(fake.callsOf('getMeetingAgenda').length).toBeGreaterThan(0));
  });
});

describe('connecting to the host', () => {
  const context = (hostName: string, frameContext: string) => ({
    app: { theme: 'default', locale: 'en-US', host: { name: hostName } },
    page: { frameContext, id: 'myOkrs' },
  });

  it('offers share to stage in a Teams meeting side panel', async () => {
    teamsJs.app.getContext.mockResolvedValueOnce(context('Teams', 'sidePanel'));
    const connected = await connectTeams();
    expect(connected).toMatchObject({ kind: 'teams', hostName: 'Teams' });
    expect(connected.kind === 'teams' && connected.shareToStage).toEqual(expect.any(Function));
  });

  it('reports Outlook as the host and offers no share to stage there', async () => {
    teamsJs.app.getContext.mockResolvedValueOnce(context('Outlook', 'sidePanel'));
    const connected = await connectTeams();
    expect(connected).toMatchObject({ kind: 'teams', hostName: 'Outlook' });
    expect(connected.kind === 'teams' && connected.shareToStage).toBeUndefined();
    expect(hostFeatures(connected)).toEqual({ channels: false, meetings: false });
  });
});
