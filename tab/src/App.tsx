import { Suspense, lazy, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { FluentProvider, makeStyles } from '@fluentui/react-components';
import { createApiClient, type TabApi } from './api/client';
import { LoadingState } from './components/StatusStates';
import { TeamPage } from './components/TeamPage';
import { LocaleContext, createLocale } from './i18n/locale';
import { linkedParams, viewFor, type TabParams, type TabView } from './params';
import { HighlightContext } from './nav/highlight';
import type { TeamsHost, TeamsTheme } from './teams/host';
import { hostFeatures, viewInHost } from './teams/host-features';
import { useTeamsTheme } from './theme';

// Pages most people never open in a session are loaded when opened, not with the tab.
const ConfigPage = lazy(() =>
  import('./config/ConfigPage').then((m) => ({ default: m.ConfigPage })),
);
const loadMyOkrs = () => import('./personal/MyOkrsPage');
const MyOkrsPage = lazy(() => loadMyOkrs().then((m) => ({ default: m.MyOkrsPage })));
const VivaImportPage = lazy(() =>
  import('./viva-import/VivaImportPage').then((m) => ({ default: m.VivaImportPage })),
);

/** My OKRs is the personal tab's first view: its code is fetched while Teams connects. */
export function prefetchView(view: TabView): void {
  if (view === 'personal') void loadMyOkrs().catch(() => undefined);
}

export interface AppProps {
  /** Resolves once we know whether Teams hosts the tab (`connectTeams`). */
  readonly connect: () => Promise<TeamsHost>;
  readonly params: TabParams;
  readonly themeOverride?: TeamsTheme;
  /** Builds the API client for the host; the default attaches the Teams SSO token in Teams. */
  readonly createApi?: (host: TeamsHost) => TabApi;
  /** This page's origin and path, for the URLs the config page and Share to stage hand Teams. */
  readonly tabUrl?: string;
}

const defaultApi = (host: TeamsHost): TabApi =>
  createApiClient(host.kind === 'teams' ? { getToken: host.getToken } : {});

const useStyles = makeStyles({ provider: { minHeight: '100vh' } });

/** The tab: Teams connection, theme, locale, then the page the URL or frame context asks for. */
export function App({
  connect,
  params,
  themeOverride,
  createApi = defaultApi,
  tabUrl = defaultTabUrl(),
}: AppProps) {
  const styles = useStyles();
  const [host, setHost] = useState<TeamsHost>();
  useEffect(() => {
    let live = true;
    void connect().then((h) => live && setHost(h));
    return () => {
      live = false;
    };
  }, [connect]);

  const theme = useTeamsTheme(host, themeOverride);
  const api = useMemo(() => host && createApi(host), [host, createApi]);
  const locale = useMemo(
    () => createLocale(host?.kind === 'teams' ? host.locale : navigator.language),
    [host],
  );
  const notified = useRef(false);
  const onSettled = useCallback(() => {
    if (notified.current || host?.kind !== 'teams') return;
    notified.current = true;
    host.notifySuccess();
  }, [host]);

  const teams = host?.kind === 'teams' ? host : undefined;
  // A deep link's context (Teams' subPageId) picks the team, view and item over the URL.
  const opened = useMemo(() => linkedParams(params, teams?.subPageId), [params, teams]);
  // Outside Teams (Outlook, the Microsoft 365 app) views that need a meeting or channel are hidden.
  const view = viewInHost(viewFor(opened, teams?.frameContext), hostFeatures(host));
  // Teams says which team the tab is in; that picks the team, the server decides access.
  const teamId = opened.teamId ?? teams?.teamGroupId;
  const highlight = useMemo(() => opened.highlight ?? {}, [opened]);
  // A dark or high-contrast theme on its way (theme.ts): a moment of nothing, not a light flash.
  if (!theme) return null;
  return (
    <FluentProvider theme={theme} className={styles.provider}>
      <LocaleContext.Provider value={locale}>
        <HighlightContext.Provider value={highlight}>
          {!api && <LoadingState />}
          {api && (
            <Suspense fallback={<LoadingState />}>
              {view === 'config' && (
                <ConfigPage
                  api={api}
                  tabUrl={tabUrl}
                  {...(teams?.config ? { config: teams.config } : {})}
                  {...(teamId ? { contextTeamId: teamId } : {})}
                  onSettled={onSettled}
                />
              )}
              {view === 'personal' && <MyOkrsPage api={api} onSettled={onSettled} />}
              {view === 'import' && (
                <VivaImportPage
                  api={api}
                  backHref={`${tabUrl}?view=data${teamId ? `&teamId=${encodeURIComponent(teamId)}` : ''}`}
                  onSettled={onSettled}
                />
              )}
              {view !== 'config' && view !== 'personal' && view !== 'import' && (
                <TeamPage
                  api={api}
                  view={view}
                  tabUrl={tabUrl}
                  {...(teamId ? { teamId } : {})}
                  {...(opened.cycleId ? { cycleId: opened.cycleId } : {})}
                  {...(teams?.shareToStage ? { shareToStage: teams.shareToStage } : {})}
                  onSettled={onSettled}
                />
              )}
            </Suspense>
          )}
        </HighlightContext.Provider>
      </LocaleContext.Provider>
    </FluentProvider>
  );
}

function defaultTabUrl(): string {
  return typeof window === 'undefined'
    ? '/tab/'
    : `${window.location.origin}${window.location.pathname}`;
}
