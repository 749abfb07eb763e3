import { useState } from 'react';
import {
  Button,
  Field,
  Link,
  MessageBar,
  MessageBarBody,
  Text,
  makeStyles,
  mergeClasses,
  tokens,
} from '@fluentui/react-components';
import type { OkrImportResponse } from '@bearing/core';
import type { TabApi } from '../api/client';
import { asApiError } from '../api/errors';
import { saveFile } from '../api/save-file';
import { AlertMessage, ErrorState, LoadingState } from '../components/StatusStates';
import { describeError } from '../components/describe-error';
import { useLoad, useMe, useSettled } from '../hooks/useLoad';
import { useViewStyles } from '../components/viewStyles';
import { useLocale } from '../i18n/locale';

const useStyles = makeStyles({
  card: { gap: tokens.spacingVerticalM },
  row: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalM },
  list: { margin: 0, paddingInlineStart: tokens.spacingHorizontalXL },
  file: { maxWidth: '100%' },
});

export interface DataViewProps {
  readonly api: TabApi;
  readonly teamId: string;
  readonly cycleId?: string;
  readonly canEdit?: boolean;
  readonly onSettled?: () => void;
}

type Preview = { readonly csv: string; readonly result: OkrImportResponse };

/** Export the team's OKRs (CSV, JSON) and import OKRs from a CSV after a preview. */
export function DataView({ api, teamId, cycleId, canEdit = false, onSettled }: DataViewProps) {
  const styles = useStyles();
  const layout = useViewStyles();
  const locale = useLocale();
  const m = locale.messages.data;
  // The cycle the export and import are for: the one asked for, else the team's current one.
  const { state, reload } = useLoad(
    `data:${teamId}:${cycleId ?? ''}`,
    async (signal) => cycleId ?? (await api.getTeamAlignment(teamId, {}, signal)).cycle.id,
  );
  useSettled(state.status, onSettled);
  // Moving in from Viva Goals is for admins (the server checks too).
  const me = useMe(api);
  const isAdmin = me.status === 'ready' && me.data.isAdmin === true;
  const [busy, setBusy] = useState<'csv' | 'json' | 'preview' | 'import'>();
  const [failure, setFailure] = useState<string>();
  const [file, setFile] = useState<File>();
  const [preview, setPreview] = useState<Preview>();
  const [imported, setImported] = useState<OkrImportResponse['imported']>();
  const cycle = state.status === 'ready' ? state.data : undefined;

  const run = async (what: NonNullable<typeof busy>, work: () => Promise<void>) => {
    setBusy(what);
    setFailure(undefined);
    try {
      await work();
    } catch (error) {
      setFailure(describeError(asApiError(error), locale));
    } finally {
      setBusy(undefined);
    }
  };
  const download = (format: 'csv' | 'json') =>
    run(format, async () => {
      saveFile(
        await api.exportOkrs(teamId, format, cycle),
        `bearing-okrs-${cycle ?? 'current'}.${format}`,
      );
    });
  const check = () =>
    run('preview', async () => {
      if (!file || !cycle) return setFailure(m.noFile);
      const csv = await file.text();
      setImported(undefined);
      setPreview({
        csv,
        result: await api.importOkrs(teamId, { cycleId: cycle, csv, confirm: false }),
      });
    });
  const confirm = () =>
    run('import', async () => {
      if (!preview || !cycle) return;
      const result = await api.importOkrs(teamId, {
        cycleId: cycle,
        csv: preview.csv,
        confirm: true,
      });
      setPreview(undefined);
      setImported(result.imported);
    });

  return (
    <main className={layout.root}>
      <Text as="h1" size={600} weight="semibold" className={layout.title}>
        {m.title}
      </Text>
      {state.status === 'loading' && <LoadingState />}
      {state.status === 'error' && <ErrorState error={state.error} onRetry={reload} />}
      {failure && <AlertMessage>{failure}</AlertMessage>}
      {cycle && (
        <section className={mergeClasses(layout.card, styles.card)} aria-label={m.export}>
          <h2 className={layout.cardTitle}>{m.export}</h2>
          <div className={styles.row}>
            <Button onClick={() => void download('csv')} disabled={busy !== undefined}>
              {m.exportCsv}
            </Button>
            <Button onClick={() => void download('json')} disabled={busy !== undefined}>
              {m.exportJson}
            </Button>
          </div>
        </section>
      )}
      {cycle && canEdit && (
        <section className={mergeClasses(layout.card, styles.card)} aria-label={m.import}>
          <h2 className={layout.cardTitle}>{m.import}</h2>
          <Text>{m.importHint}</Text>
          {/* A native file input: Field hands it the id its label points at (a render child). */}
          <Field label={m.file}>
            {(control) => (
              <input
                {...control}
                className={styles.file}
                type="file"
                accept=".csv,text/csv"
                onChange={(e) => {
                  setFile(e.target.files?.[0]);
                  setPreview(undefined);
                }}
              />
            )}
          </Field>
          <div className={styles.row}>
            <Button onClick={() => void check()} disabled={busy !== undefined}>
              {busy === 'preview' ? m.previewing : m.preview}
            </Button>
            {preview && preview.result.valid > 0 && preview.result.errors.length === 0 && (
              <Button
                appearance="primary"
                onClick={() => void confirm()}
                disabled={busy !== undefined}
              >
                {busy === 'import' ? m.importing : m.confirm(preview.result.valid)}
              </Button>
            )}
          </div>
          <div role="status" aria-live="polite">
            {preview && <Text block>{m.valid(preview.result.valid)}</Text>}
            {imported && <Text block>{m.imported(imported.objectives, imported.keyResults)}</Text>}
          </div>
          {preview &&
            preview.result.errors.length === 0 &&
            preview.result.objectives.length > 0 && (
              <ul className={styles.list} aria-label={m.preview}>
                {preview.result.objectives.map((o, i) => (
                  <li key={i}>
                    <Text weight="semibold">{o.title}</Text>
                    <ul className={styles.list}>
                      {o.keyResults.map((k, j) => (
                        <li key={j}>
                          <Text>{m.previewRow(k.title, k.baseline, k.target)}</Text>
                        </li>
                      ))}
                    </ul>
                  </li>
                ))}
              </ul>
            )}
          {preview && preview.result.errors.length > 0 && (
            <MessageBar intent="warning" layout="multiline">
              <MessageBarBody>
                <ul className={styles.list}>
                  {preview.result.errors.map((e) => (
                    <li key={e.line}>{m.rowError(e.line, e.message)}</li>
                  ))}
                </ul>
                {preview.result.errorCount > preview.result.errors.length && (
                  <Text block>
                    {m.moreRowErrors(
                      preview.result.errorCount - preview.result.errors.length,
                      preview.result.errorCount,
                    )}
                  </Text>
                )}
              </MessageBarBody>
            </MessageBar>
          )}
        </section>
      )}
      {cycle && !canEdit && <Text>{m.readOnly}</Text>}
      {isAdmin && (
        <section className={mergeClasses(layout.card, styles.card)} aria-label={m.viva}>
          <h2 className={layout.cardTitle}>{m.viva}</h2>
          <Text>{m.vivaHint}</Text>
          <div>
            {/* A page of its own (`?view=import`), loaded only when opened. */}
            <Link href={`?view=import&teamId=${encodeURIComponent(teamId)}`}>{m.vivaOpen}</Link>
          </div>
        </section>
      )}
    </main>
  );
}
