import { Button, Link, Text, mergeClasses } from '@fluentui/react-components';
import type { TabApi } from '../api/client';
import { AlertMessage, EmptyState, ErrorState, LoadingState } from '../components/StatusStates';
import { useLocale } from '../i18n/locale';
import { Agenda, isEmpty } from './Agenda';
import { useMeetingStyles as useStyles } from './useMeetingStyles';
import { useMeetingView } from './useMeetingView';
import { DecisionLog } from './DecisionLog';

export interface MeetingViewProps {
  readonly api: TabApi;
  readonly teamId: string;
  /** `panel`: the meeting side panel (320 px); `stage`: the shared meeting stage. */
  readonly surface: 'panel' | 'stage';
  /** The URL the stage loads (this tab with `view=stage`). */
  readonly stageUrl: string;
  /** Present in a Teams meeting: shares `stageUrl` to the stage. */
  readonly shareToStage?: (url: string) => Promise<void>;
  readonly onSettled?: () => void;
}

/** This week's agenda: what changed, blockers, decisions, at-risk key results and KPI alerts. */
export function MeetingView(props: MeetingViewProps) {
  const { surface, stageUrl, shareToStage } = props;
  const styles = useStyles();
  const m = useLocale().messages.meeting;
  const { state, reload, share, onShare } = useMeetingView(props);
  const stage = surface === 'stage';

  const agenda = state.status === 'ready' ? state.data : undefined;
  return (
    <main className={mergeClasses(styles.root, stage && styles.stageRoot)}>
      {agenda && (
        <div className={styles.head}>
          <Text
            as="h1"
            size={stage ? 900 : 500}
            weight="semibold"
            className={mergeClasses(styles.title, stage && styles.stageTitle)}
          >
            {m.title(agenda.team.name)}
          </Text>
          <Text size={stage ? 500 : 200} className={styles.muted}>
            {m.week(agenda.week, agenda.cycle.name)}
          </Text>
          <Text size={stage ? 500 : 200} className={styles.muted}>
            {m.checkedIn(agenda.checkInCompletion.done, agenda.checkInCompletion.expected)}
          </Text>
          {agenda.notCheckedIn.length > 0 && (
            <Text size={stage ? 500 : 200} className={styles.muted}>
              {m.notCheckedIn(agenda.notCheckedIn.map((p) => p.displayName).join(', '))}
            </Text>
          )}
          {agenda.notesWeek !== agenda.week && (
            <Text size={stage ? 500 : 200} className={styles.muted}>
              {m.fromLastWeek(agenda.notesWeek)}
            </Text>
          )}
        </div>
      )}
      {!stage && (
        <div className={styles.actions}>
          {shareToStage ? (
            <Button appearance="primary" onClick={onShare} disabled={share.status === 'sharing'}>
              {share.status === 'sharing' ? m.sharing : m.share}
            </Button>
          ) : (
            <Link href={stageUrl} target="_blank">
              {m.openStage}
            </Link>
          )}
          <div role="status" aria-live="polite">
            {share.status === 'shared' && <Text>{m.shared}</Text>}
          </div>
        </div>
      )}
      {share.status === 'failed' && <AlertMessage>{m.shareFailed(share.reason)}</AlertMessage>}
      {state.status === 'loading' && <LoadingState />}
      {state.status === 'error' && <ErrorState error={state.error} onRetry={reload} />}
      {agenda && isEmpty(agenda) && <EmptyState title={m.empty} />}
      {agenda && !isEmpty(agenda) && (
        <Agenda
          agenda={agenda}
          stage={stage}
          actions={
            agenda.canManage
              ? { api: props.api, teamId: props.teamId, onChanged: reload }
              : undefined
          }
        />
      )}
      {agenda && !stage && <DecisionLog api={props.api} teamId={props.teamId} />}
    </main>
  );
}
