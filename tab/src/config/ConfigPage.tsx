import { useEffect, useRef, useState } from 'react';
import {
  Field,
  MessageBar,
  MessageBarBody,
  Radio,
  RadioGroup,
  Select,
  Text,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import type { TabApi } from '../api/client';
import { useMe, useSettled } from '../hooks/useLoad';
import { useLocale } from '../i18n/locale';
import type { ConfigHost, TabInstanceConfig } from '../teams/host';
import { EmptyState, ErrorState, LoadingState } from '../components/StatusStates';

const useStyles = makeStyles({
  root: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalL,
    maxWidth: '560px',
    padding: `${tokens.spacingVerticalL} ${tokens.spacingHorizontalL}`,
  },
  title: { margin: 0 },
});

type StartView = 'alignment' | 'dashboard';

export interface ConfigPageProps {
  readonly api: TabApi;
  /** Absent outside Teams: the page still shows, and says Teams opens it when adding the tab. */
  readonly config?: ConfigHost;
  /** The team the tab is being added to (Teams context); in meeting chats there is none. */
  readonly contextTeamId?: string;
  /** This page's URL without query: the saved tab points back here. */
  readonly tabUrl: string;
  readonly onSettled?: () => void;
}

/** Builds what Teams stores for the tab instance. */
export function instanceConfig(tabUrl: string, teamId: string, view: StartView): TabInstanceConfig {
  const query = `?view=${view}&teamId=${encodeURIComponent(teamId)}`;
  return {
    contentUrl: `${tabUrl}${query}`,
    websiteUrl: `${tabUrl}${query}`,
    entityId: `bearing-${teamId}`,
    suggestedDisplayName: 'Bearing',
  };
}

/** The configuration page Teams shows when the tab is added to a channel or meeting. */
export function ConfigPage({ api, config, contextTeamId, tabUrl, onSettled }: ConfigPageProps) {
  const styles = useStyles();
  const locale = useLocale();
  const m = locale.messages.config;
  const me = useMe(api);
  const teams = me.status === 'ready' ? me.data.teams : [];
  const [picked, setPicked] = useState<string>();
  const [startView, setStartView] = useState<StartView>('alignment');
  const fallback = teams.find((t) => t.id === contextTeamId)?.id ?? teams[0]?.id;
  const teamId = picked ?? fallback;
  const valid = teamId !== undefined;

  // Teams asks for the config when Save is pressed; the handler reads the latest choice.
  const latest = useRef({ teamId, startView });
  latest.current = { teamId, startView };
  useEffect(() => {
    config?.onSave(() => {
      const { teamId: id, startView: v } = latest.current;
      if (!id) throw new Error('No team chosen.');
      return instanceConfig(tabUrl, id, v);
    });
  }, [config, tabUrl]);
  useEffect(() => {
    config?.setValidity(valid);
  }, [config, valid]);
  useSettled(me.status, onSettled);

  return (
    <main className={styles.root}>
      <Text as="h1" size={600} weight="semibold" className={styles.title}>
        {m.title}
      </Text>
      {!config && (
        <MessageBar intent="info" layout="multiline">
          <MessageBarBody>{m.outsideTeams}</MessageBarBody>
        </MessageBar>
      )}
      {me.status === 'loading' && <LoadingState />}
      {me.status === 'error' && <ErrorState error={me.error} onRetry={me.retry} />}
      {me.status === 'ready' && teams.length === 0 && (
        <EmptyState title={locale.messages.noTeams.title} body={m.noTeams} />
      )}
      {me.status === 'ready' && teams.length > 0 && (
        <>
          <Field label={m.team} hint={m.teamHint}>
            <Select value={teamId} onChange={(_, d) => setPicked(d.value)}>
              {teams.map((t) => (
                <option key={t.id} value={t.id}>
                  {t.name}
                </option>
              ))}
            </Select>
          </Field>
          <Field label={m.startView}>
            <RadioGroup value={startView} onChange={(_, d) => setStartView(d.value as StartView)}>
              <Radio value="alignment" label={locale.messages.nav.alignment} />
              <Radio value="dashboard" label={locale.messages.nav.dashboard} />
            </RadioGroup>
          </Field>
          <Text>{m.saveHint}</Text>
        </>
      )}
    </main>
  );
}
