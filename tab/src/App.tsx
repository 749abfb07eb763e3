import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { FluentProvider } from '@fluentui/react-components';
import { createApiClient, type TabApi } from './api/client';
import { LoadingState } from './components/StatusStates';
import { TeamPage } from './components/TeamPage';
import { LocaleContext, createLocale } from './i18n/locale';
import type { TabParams } from './params';
import type { TeamsHost, TeamsTheme } from './teams/host';
import { useTeamsTheme } from './theme';

export interface AppProps {
  /** Resolves once we know whether Teams hosts the tab (`connectTeams`). */
  readonly connect: () => Promise<TeamsHost>;
  readonly params: TabParams;
  readonly themeOverride?: TeamsTheme;
  /** Builds the API client for the host; the default attaches the Teams SSO token in Teams. */
  readonly createApi?: (host: TeamsHost) => TabApi;
}

const defaultApi = (host: TeamsHost): TabApi =>
  createApiClient(host.kind === 'teams' ? { getToken: host.getToken } : {});

/** The tab: Teams connection, theme, locale, then the team page. */
export function App({ connect, params, themeOverride, createApi = defaultApi }: AppProps) {
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

  // Teams says which team the tab is in; that picks the team, the server decides access.
  const teamId = params.teamId ?? (host?.kind === 'teams' ? host.teamGroupId : undefined);
  return (
    <FluentProvider theme={theme}>
      <LocaleContext.Provider value={locale}>
        {api ? (
          <TeamPage
            api={api}
            {...(teamId ? { teamId } : {})}
            {...(params.cycleId ? { cycleId: params.cycleId } : {})}
            onSettled={onSettled}
          />
        ) : (
          <LoadingState />
        )}
      </LocaleContext.Provider>
    </FluentProvider>
  );
}
