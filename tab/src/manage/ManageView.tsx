import { Suspense, lazy, useState } from 'react';
import { Button, Text, makeStyles, tokens } from '@fluentui/react-components';
import type { KeyResultView, ObjectiveView } from '@bearing/core';
import type { TabApi } from '../api/client';
import { asApiError } from '../api/errors';
import { ConfidenceBadge } from '../components/ConfidenceBadge';
import { AlertMessage, EmptyState, ErrorState, LoadingState } from '../components/StatusStates';
import { WarningList } from '../components/WarningList';
import { describeError } from '../components/describe-error';
import { useLoad, useSettled } from '../hooks/useLoad';
import { useViewStyles } from '../components/viewStyles';
import { useLocale } from '../i18n/locale';
import { KeyResultForm } from './KeyResultForm';
import { ObjectiveForm } from './ObjectiveForm';
import { SettingsForm } from './SettingsForm';
import { ConfirmDialog, type Confirmation } from './ConfirmDialog';
import { PeopleSection } from './PeopleSection';

// The key result editor the alignment view uses, loaded when someone clicks Edit.
const EditKeyResultDialog = lazy(() =>
  import('../components/EditKeyResultDialog').then((m) => ({ default: m.EditKeyResultDialog })),
);

const useStyles = makeStyles({
  toolbar: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
  list: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalM,
    listStyleType: 'none',
    margin: 0,
    padding: 0,
  },
  head: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalS },
  name: { overflowWrap: 'anywhere', flexGrow: 1, minWidth: '12em' },
  kr: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalS },
  sectionTitle: {
    margin: 0,
    fontSize: tokens.fontSizeBase500,
    fontWeight: tokens.fontWeightSemibold,
  },
});

export interface ManageViewProps {
  readonly api: TabApi;
  readonly teamId: string;
  readonly cycleId?: string;
  readonly canEdit?: boolean;
  readonly onSettled?: () => void;
}

type Editing =
  | { readonly kind: 'newObjective' }
  | { readonly kind: 'objective'; readonly id: string }
  | { readonly kind: 'keyResult'; readonly objectiveId: string };

/** Create, edit and archive objectives and key results; the team's check-in settings. */
export function ManageView(props: ManageViewProps) {
  const { messages } = useLocale();
  const readOnly = messages.manage.readOnly;
  // Members see why, and nothing is loaded for them.
  return props.canEdit ? <ManageViewEditor {...props} /> : <EmptyState title={readOnly} />;
}

function ManageViewEditor({ api, teamId, cycleId, onSettled }: ManageViewProps) {
  const styles = useStyles();
  const layout = useViewStyles();
  const locale = useLocale();
  const m = locale.messages.manage;
  const { state, reload } = useLoad(`manage:${teamId}:${cycleId ?? ''}`, (signal) =>
    api.getTeamAlignment(teamId, cycleId ? { cycleId } : {}, signal),
  );
  const [editing, setEditing] = useState<Editing>();
  const [notice, setNotice] = useState<string>();
  const [confirming, setConfirming] = useState<Confirmation>();
  const [editingKr, setEditingKr] = useState<{ id: string; conflict: boolean }>();
  const [failure, setFailure] = useState<string>();
  useSettled(state.status, onSettled);
  const view = state.status === 'ready' ? state.data : undefined;

  const done = (saved: boolean) => {
    setEditing(undefined);
    if (saved) {
      setNotice(m.saved);
      reload();
    }
  };
  const act = async (run: () => Promise<unknown>, message: string) => {
    setFailure(undefined);
    try {
      await run();
      setNotice(message);
    } catch (error) {
      setFailure(describeError(asApiError(error), locale));
    }
    // After a conflict too: the latest version is what the next attempt must start from.
    reload();
  };
  // Archiving asks first (the tab has no way back); then it runs and reloads.
  const archiveObjective = (o: ObjectiveView) =>
    setConfirming({
      title: m.archiveAsk(o.title),
      body: m.archiveObjectiveBody,
      action: m.archive,
      run: () =>
        act(
          () => api.updateObjective(teamId, o.id, { etag: o.etag, status: 'archived' }),
          m.archived(o.title),
        ),
    });
  const archiveKeyResult = (kr: KeyResultView) =>
    setConfirming({
      title: m.archiveAsk(kr.title),
      body: m.archiveKeyResultBody,
      action: m.archive,
      run: () => act(() => api.archiveKeyResult(teamId, kr.id, kr.etag), m.archived(kr.title)),
    });
  const editedKr = view?.objectives
    .flatMap((o) => o.keyResults)
    .find((k) => k.id === editingKr?.id);

  return (
    <main className={layout.root}>
      <Text as="h1" size={600} weight="semibold" className={layout.title}>
        {m.title}
      </Text>
      <div role="status" aria-live="polite">
        {notice && <Text>{notice}</Text>}
      </div>
      {failure && <AlertMessage>{failure}</AlertMessage>}
      {state.status === 'loading' && <LoadingState />}
      {state.status === 'error' && <ErrorState error={state.error} onRetry={reload} />}
      {view && (
        <div className={styles.toolbar}>
          <Button appearance="primary" onClick={() => setEditing({ kind: 'newObjective' })}>
            {m.newObjective}
          </Button>
        </div>
      )}
      {view && editing?.kind === 'newObjective' && (
        <ObjectiveForm
          view={view}
          save={(d) =>
            api.createObjective(teamId, {
              cycleId: view.cycle.id,
              level: 'team',
              status: 'active',
              ...d,
            })
          }
          onDone={done}
        />
      )}
      {view && view.objectives.length === 0 && editing?.kind !== 'newObjective' && (
        <EmptyState title={m.empty} />
      )}
      {view && view.objectives.length > 0 && (
        <ul className={styles.list}>
          {view.objectives.map((o) => (
            <li key={o.id} className={layout.card}>
              {editing?.kind === 'objective' && editing.id === o.id ? (
                <ObjectiveForm
                  view={view}
                  objective={o}
                  save={(d) =>
                    api.updateObjective(teamId, o.id, {
                      etag: o.etag,
                      title: d.title,
                      ownerId: d.ownerId,
                      parentIds: d.parentIds,
                    })
                  }
                  onDone={done}
                />
              ) : (
                <div className={styles.head}>
                  <Text weight="semibold" size={400} className={styles.name}>
                    {o.title}
                  </Text>
                  <Button
                    size="small"
                    aria-label={m.editLabel(o.title)}
                    onClick={() => setEditing({ kind: 'objective', id: o.id })}
                  >
                    {locale.messages.edit.button}
                  </Button>
                  <Button
                    size="small"
                    aria-label={m.archiveLabel(o.title)}
                    onClick={() => archiveObjective(o)}
                  >
                    {m.archive}
                  </Button>
                </div>
              )}
              <WarningList warnings={o.warnings} label={locale.messages.tree.warnings} />
              <ul className={styles.list}>
                {o.keyResults.map((kr) => (
                  <li key={kr.id} className={styles.kr}>
                    <Text className={styles.name}>{kr.title}</Text>
                    <ConfidenceBadge confidence={kr.confidence} />
                    <Button
                      size="small"
                      aria-label={locale.messages.edit.buttonLabel(kr.title)}
                      onClick={() => setEditingKr({ id: kr.id, conflict: false })}
                    >
                      {locale.messages.edit.button}
                    </Button>
                    <Button
                      size="small"
                      aria-label={m.archiveLabel(kr.title)}
                      onClick={() => archiveKeyResult(kr)}
                    >
                      {m.archive}
                    </Button>
                  </li>
                ))}
              </ul>
              {editing?.kind === 'keyResult' && editing.objectiveId === o.id ? (
                <KeyResultForm
                  view={view}
                  objective={o}
                  save={(d) => api.createKeyResult(teamId, o.id, { ...d, confidence: 'onTrack' })}
                  onDone={done}
                />
              ) : (
                <div>
                  <Button
                    size="small"
                    appearance="subtle"
                    aria-label={m.addKeyResultLabel(o.title)}
                    onClick={() => setEditing({ kind: 'keyResult', objectiveId: o.id })}
                  >
                    {m.addKeyResult}
                  </Button>
                </div>
              )}
            </li>
          ))}
        </ul>
      )}
      {view && (
        <section aria-label={m.settings}>
          <h2 className={styles.sectionTitle}>{m.settings}</h2>
          <SettingsForm api={api} teamId={teamId} />
        </section>
      )}
      {view && <PeopleSection api={api} teamId={teamId} />}
      {confirming && (
        <ConfirmDialog confirmation={confirming} onClose={() => setConfirming(undefined)} />
      )}
      {editingKr && (
        <Suspense fallback={null}>
          <EditKeyResultDialog
            keyResult={editedKr}
            conflict={editingKr.conflict}
            save={(id, changes) => api.updateKeyResult(teamId, id, changes)}
            onSaved={(kr) => {
              setEditingKr(undefined);
              setNotice(locale.messages.edit.saved(kr.title));
              reload();
            }}
            onConflict={() => {
              setEditingKr((e) => e && { ...e, conflict: true });
              reload();
            }}
            onClose={() => setEditingKr(undefined)}
          />
        </Suspense>
      )}
    </main>
  );
}
