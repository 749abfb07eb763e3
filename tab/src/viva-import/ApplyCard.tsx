import { Button, Field, ProgressBar, Text } from '@fluentui/react-components';
import { useViewStyles } from '../components/viewStyles';
import { AlertMessage } from '../components/StatusStates';
import { vivaImportMessages as m } from '../i18n/en-viva-import';
import { useImportStyles } from './styles';
import type { VivaImportState } from './useVivaImport';

/**
 * Preview again, import (with its progress bar), what the import wrote, and the report downloads
 * (the preview's, or the import's once it ran).
 */
export function ApplyCard({ state }: { readonly state: VivaImportState }) {
  const layout = useViewStyles();
  const styles = useImportStyles();
  const report = state.report!;
  const { phase } = state;
  const errors = report.counts.errors;
  const applied = !report.dryRun;
  return (
    <section className={layout.card} aria-label={m.apply}>
      <h2 className={layout.cardTitle}>{applied ? m.result.title : m.apply}</h2>
      {errors > 0 && <AlertMessage intent="warning">{m.issues.blocking(errors)}</AlertMessage>}
      {state.changed && <Text>{m.changed}</Text>}
      <div className={styles.row}>
        {state.changed && (
          <Button disabled={state.busy} onClick={() => void state.preview()}>
            {phase.kind === 'previewing' ? m.previewing : m.previewAgain}
          </Button>
        )}
        <Button
          appearance="primary"
          disabled={state.busy || errors > 0}
          onClick={() => void state.apply()}
        >
          {phase.kind === 'applying' ? m.applying : m.apply}
        </Button>
        <Button disabled={state.busy} onClick={() => void state.download('csv')}>
          {m.report.csv}
        </Button>
        <Button disabled={state.busy} onClick={() => void state.download('json')}>
          {m.report.json}
        </Button>
      </div>
      {phase.kind === 'applying' && (
        <Field label={m.progress(phase.done, phase.total)}>
          <ProgressBar
            value={phase.total === 0 ? undefined : phase.done}
            max={Math.max(phase.total, 1)}
            thickness="large"
          />
        </Field>
      )}
      <div role="status" aria-live="polite">
        {applied && phase.kind === 'idle' && (
          <>
            <Field label={m.progressDone}>
              <ProgressBar value={1} max={1} thickness="large" />
            </Field>
            <Text block weight="semibold">
              {m.result.written(report.counts.written)}
            </Text>
          </>
        )}
      </div>
    </section>
  );
}
