import { Text } from '@fluentui/react-components';
import type { TabApi } from '../api/client';
import { EmptyState, ErrorState, LoadingState } from '../components/StatusStates';
import { useViewStyles } from '../components/viewStyles';
import { useLoad, useSettled } from '../hooks/useLoad';
import { useLocale } from '../i18n/locale';
import { CloseForm, Closed } from './CloseForm';

export { parseScore } from './CloseForm';

export interface CycleCloseViewProps {
  readonly api: TabApi;
  readonly teamId: string;
  readonly cycleId?: string;
  readonly canEdit?: boolean;
  readonly onSettled?: () => void;
}

/** End of cycle: score each key result 0.0–1.0, retro notes per objective, carry over. */
export function CycleCloseView(props: CycleCloseViewProps) {
  const { messages } = useLocale();
  const readOnly = messages.close.readOnly;
  // Members see why, and nothing is loaded for them.
  return props.canEdit ? <CycleCloseViewEditor {...props} /> : <EmptyState title={readOnly} />;
}

function CycleCloseViewEditor({ api, teamId, cycleId, onSettled }: CycleCloseViewProps) {
  const layout = useViewStyles();
  const locale = useLocale();
  const m = locale.messages.close;
  const { state, reload } = useLoad(`close:${teamId}:${cycleId ?? ''}`, (signal) =>
    api.getCycleClose(teamId, cycleId, signal),
  );
  useSettled(state.status, onSettled);
  const preview = state.status === 'ready' ? state.data : undefined;
  return (
    <main className={layout.root}>
      {preview && (
        <Text as="h1" size={600} weight="semibold" className={layout.title}>
          {m.title(preview.cycle.name)}
        </Text>
      )}
      {state.status === 'loading' && <LoadingState />}
      {state.status === 'error' && <ErrorState error={state.error} onRetry={reload} />}
      {preview && preview.closed && <Closed result={preview} />}
      {preview && !preview.closed && preview.objectives.length === 0 && (
        <EmptyState title={m.empty} />
      )}
      {preview && !preview.closed && preview.objectives.length > 0 && (
        <CloseForm key={preview.cycle.id} api={api} teamId={teamId} preview={preview} />
      )}
    </main>
  );
}
