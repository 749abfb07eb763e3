import { Suspense, lazy, useEffect, useMemo, useRef, useState } from 'react';
import { SearchBox, Select, Spinner, makeStyles, tokens } from '@fluentui/react-components';
import type { KeyResultView, TeamViewResponse } from '@bearing/core';
import { findKeyResult, groupAlignment, withKeyResult } from '../alignment/group';
import type { KeyResultChanges, TabApi } from '../api/client';
import { useDebouncedValue } from '../hooks/useDebouncedValue';
import { useLoad, useSettled, type LoadState } from '../hooks/useLoad';
import { useLocale } from '../i18n/locale';
import { AlignmentHeader } from './AlignmentHeader';
import { AlignmentTree } from './AlignmentTree';
import { KeyResultHistoryProvider } from '../dashboard/KeyResultHistory';
import { EmptyState, ErrorState, LoadingState } from './StatusStates';

// The editor (dialog, inputs, radios) is only for owners and managers who click Edit: load it then.
const EditKeyResultDialog = lazy(() =>
  import('./EditKeyResultDialog').then((m) => ({ default: m.EditKeyResultDialog })),
);

/** How long typing must pause before the search goes to the server. */
export const SEARCH_DEBOUNCE_MS = 300;

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL },
  toolbar: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    gap: tokens.spacingHorizontalS,
  },
  cycle: { minWidth: '140px' },
  search: { flexGrow: 1, maxWidth: '480px', minWidth: 0 },
  visuallyHidden: {
    position: 'absolute',
    width: '1px',
    height: '1px',
    margin: '-1px',
    padding: 0,
    overflow: 'hidden',
    clipPath: 'inset(50%)',
    whiteSpace: 'nowrap',
    border: 0,
  },
});

export interface AlignmentViewProps {
  readonly api: TabApi;
  readonly teamId: string;
  readonly cycleId?: string;
  /** Called with the cycle picked, so the team's other views follow it. */
  readonly onCycleChange?: (cycleId: string) => void;
  /** From `/me`: owners and managers may edit; members only read. */
  readonly canEdit: boolean;
  /** Called once, when the first load has settled (Teams' `notifySuccess`). */
  readonly onSettled?: () => void;
}

interface Editing {
  readonly keyResultId: string;
  readonly conflict: boolean;
}

/** The team's alignment: header, search, the tree, and the key result editor. */
export function AlignmentView({
  api,
  teamId,
  cycleId,
  onCycleChange,
  canEdit,
  onSettled,
}: AlignmentViewProps) {
  const styles = useStyles();
  const locale = useLocale();
  const [searchText, setSearchText] = useState('');
  const search = useDebouncedValue(searchText.trim(), SEARCH_DEBOUNCE_MS);
  const [pickedCycle, setPickedCycle] = useState(cycleId);
  // Another team's view must not linger while this one loads; a new cycle or search keeps it shown.
  const query = { ...(pickedCycle ? { cycleId: pickedCycle } : {}), ...(search ? { search } : {}) };
  const { state, reload, replace } = useLoad(
    `alignment:${teamId}`,
    (signal) => api.getTeamAlignment(teamId, query, signal),
    JSON.stringify(query),
  );
  const [editing, setEditing] = useState<Editing>();
  const [announcement, setAnnouncement] = useState('');
  // Focus goes back to the Edit button when the dialog closes (the dialog unmounts with it).
  const returnFocus = useRef<HTMLElement | null>(null);
  const closeEditor = () => {
    setEditing(undefined);
    setTimeout(() => returnFocus.current?.focus(), 0);
  };

  useSettled(state.status, onSettled);

  const view = state.status === 'ready' ? state.data : undefined;
  // The server lists the picker's cycles in the organisation's calendar: the fiscal year of the
  // cycle shown with its quarters, and the years around it. The last list stays while one loads.
  const [cycles, setCycles] = useState<TeamViewResponse['cycles']>([]);
  useEffect(() => {
    if (view) setCycles(view.cycles);
  }, [view]);
  const pick = (id: string) => {
    setPickedCycle(id);
    onCycleChange?.(id);
  };
  const groups = useMemo(() => view && groupAlignment(view, search !== ''), [view, search]);
  const editingKeyResult = view && editing && findKeyResult(view, editing.keyResultId);

  const save = (keyResultId: string, changes: KeyResultChanges) =>
    api.updateKeyResult(teamId, keyResultId, changes);
  const onSaved = (kr: KeyResultView) => {
    replace((v) => withKeyResult(v, kr));
    closeEditor();
    setAnnouncement(locale.messages.edit.saved(kr.title));
    // Objective and team progress roll up on the server; fetch them quietly.
    reload();
  };
  const onConflict = () => {
    setEditing((e) => e && { ...e, conflict: true });
    reload();
  };
  const onEdit = canEdit
    ? (kr: KeyResultView) => {
        returnFocus.current = document.activeElement as HTMLElement | null;
        setEditing({ keyResultId: kr.id, conflict: false });
      }
    : undefined;

  return (
    <main className={styles.root}>
      {view && <AlignmentHeader view={view} />}
      {(view || cycles.length > 0) && (
        <div className={styles.toolbar} role="search">
          {cycles.length > 0 && (
            <Select
              className={styles.cycle}
              value={pickedCycle ?? view?.cycle.id}
              onChange={(_, d) => pick(d.value)}
              aria-label={locale.messages.search.cycle}
            >
              {cycles.map((c) => (
                <option key={c.id} value={c.id}>
                  {c.kind === 'year' ? locale.messages.search.year(c.name) : c.name}
                </option>
              ))}
            </Select>
          )}
          <SearchBox
            className={styles.search}
            value={searchText}
            onChange={(_, d) => setSearchText(d.value)}
            placeholder={locale.messages.search.placeholder}
            aria-label={locale.messages.search.label}
          />
          {isRefreshing(state) && <Spinner size="tiny" aria-label={locale.messages.loading} />}
        </div>
      )}
      {state.status === 'loading' && <LoadingState />}
      {state.status === 'error' && <ErrorState error={state.error} onRetry={reload} />}
      {view && groups && view.objectives.length === 0 && !search && (
        <EmptyState
          title={locale.messages.empty.title(view.team.name, view.cycle.name)}
          body={locale.messages.empty.body}
        />
      )}
      {view && groups && view.objectives.length === 0 && search && (
        <EmptyState
          title={locale.messages.search.noMatches(search)}
          action={{ label: locale.messages.search.clear, onClick: () => setSearchText('') }}
        />
      )}
      {view && groups && view.objectives.length > 0 && (
        <KeyResultHistoryProvider api={api} teamId={teamId} cycleId={view.cycle.id}>
          <AlignmentTree groups={groups} {...(onEdit ? { onEdit } : {})} />
        </KeyResultHistoryProvider>
      )}
      {editing && (
        <Suspense fallback={null}>
          <EditKeyResultDialog
            keyResult={editingKeyResult}
            conflict={editing.conflict}
            save={save}
            onSaved={onSaved}
            onConflict={onConflict}
            onClose={closeEditor}
          />
        </Suspense>
      )}
      <div className={styles.visuallyHidden} role="status" aria-live="polite">
        {announcement}
      </div>
    </main>
  );
}

function isRefreshing(state: LoadState<TeamViewResponse>): boolean {
  return state.status === 'ready' && state.refreshing;
}
