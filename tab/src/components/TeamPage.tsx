import { useEffect, useState } from 'react';
import {
  MessageBar,
  MessageBarBody,
  Select,
  Field,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import type { TabApi } from '../api/client';
import { useMe } from '../hooks/useMe';
import { useLocale } from '../i18n/locale';
import { AlignmentView } from './AlignmentView';
import { EmptyState, ErrorState, LoadingState } from './StatusStates';

const useStyles = makeStyles({
  root: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalL,
    boxSizing: 'border-box',
    minHeight: '100vh',
    maxWidth: '1200px',
    marginInline: 'auto',
    padding: `${tokens.spacingVerticalL} ${tokens.spacingHorizontalL}`,
    '@media (max-width: 480px)': {
      padding: `${tokens.spacingVerticalM} ${tokens.spacingHorizontalS}`,
    },
  },
  picker: { maxWidth: '320px' },
});

export interface TeamPageProps {
  readonly api: TabApi;
  /** The team asked for by the URL or by the Teams context (a hint; the server checks access). */
  readonly teamId?: string;
  readonly cycleId?: string;
  /** Called once the first screen with content (or a clear error) is up. */
  readonly onSettled?: () => void;
}

/** Who is signed in, which team to show, and that team's alignment. */
export function TeamPage({ api, teamId: requestedTeamId, cycleId, onSettled }: TeamPageProps) {
  const styles = useStyles();
  const locale = useLocale();
  const me = useMe(api);
  const [pickedTeamId, setPickedTeamId] = useState<string>();
  const teams = me.status === 'ready' ? me.me.teams : [];
  // The URL or Teams says which team; otherwise the viewer picks, starting with their first team.
  const teamId = requestedTeamId ?? pickedTeamId ?? teams[0]?.id;
  const role = teams.find((t) => t.id === teamId)?.role;
  const canEdit = role === 'owner' || role === 'manager';

  const meFailed = me.status === 'error';
  const noTeam = me.status === 'ready' && !teamId;
  useEffect(() => {
    if (meFailed || noTeam) onSettled?.();
  }, [meFailed, noTeam, onSettled]);

  return (
    <div className={styles.root}>
      {me.status === 'ready' && me.me.identitySource === 'local' && (
        <MessageBar intent="info" layout="multiline">
          <MessageBarBody>{locale.messages.localMode(me.me.displayName)}</MessageBarBody>
        </MessageBar>
      )}
      {me.status === 'error' && <ErrorState error={me.error} onRetry={me.retry} />}
      {noTeam && (
        <EmptyState title={locale.messages.noTeams.title} body={locale.messages.noTeams.body} />
      )}
      {!requestedTeamId && teams.length > 1 && (
        <Field label={locale.messages.teamPicker} className={styles.picker}>
          <Select value={teamId} onChange={(_, d) => setPickedTeamId(d.value)}>
            {teams.map((t) => (
              <option key={t.id} value={t.id}>
                {t.name}
              </option>
            ))}
          </Select>
        </Field>
      )}
      {!meFailed && teamId && (
        <AlignmentView
          key={teamId}
          api={api}
          teamId={teamId}
          {...(cycleId ? { cycleId } : {})}
          canEdit={canEdit}
          {...(onSettled ? { onSettled } : {})}
        />
      )}
      {me.status === 'loading' && !teamId && <LoadingState />}
    </div>
  );
}
