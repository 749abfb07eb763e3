import { Link, Text, mergeClasses } from '@fluentui/react-components';
import type { TabApi } from '../api/client';
import { AlertMessage, EmptyState, ErrorState, LoadingState } from '../components/StatusStates';
import { useViewStyles } from '../components/viewStyles';
import { useMe, useSettled } from '../hooks/useLoad';
import { vivaImportMessages as m } from '../i18n/en-viva-import';
import { ApplyCard } from './ApplyCard';
import { ChoicesCard } from './ChoicesCard';
import { DropZone } from './DropZone';
import { PeopleTable, TeamsTable } from './MatchTables';
import { CountsTable, CyclesTable, DecisionsTable, ProblemTables } from './SummaryTables';
import { useImportStyles } from './styles';
import { useVivaImport } from './useVivaImport';

export interface VivaImportPageProps {
  readonly api: TabApi;
  /** Where "Back" goes (the Data view of the team the admin came from). */
  readonly backHref?: string;
  readonly onSettled?: () => void;
}

/**
 * "Import from Viva Goals", for admins: drop the export files, see the preview (counts, cycles,
 * team and people matches to change, guardrails, warnings, rows not imported), import with a
 * progress bar, and download the report. Who is an admin comes from the server (`/me`), which
 * refuses everyone else's import requests too.
 */
export function VivaImportPage({ api, backHref, onSettled }: VivaImportPageProps) {
  const layout = useViewStyles();
  const styles = useImportStyles();
  const me = useMe(api);
  useSettled(me.status, onSettled);
  const state = useVivaImport(api);
  const { report, phase } = state;
  const isAdmin = me.status === 'ready' && me.data.isAdmin === true;
  return (
    <main className={mergeClasses(layout.page, layout.root, styles.page)}>
      <Text as="h1" size={600} weight="semibold" className={layout.title}>
        {m.title}
      </Text>
      {backHref && (
        <div>
          <Link href={backHref}>{m.back}</Link>
        </div>
      )}
      {me.status === 'loading' && <LoadingState />}
      {me.status === 'error' && <ErrorState error={me.error} onRetry={me.retry} />}
      {me.status === 'ready' && !isAdmin && (
        <EmptyState title={m.adminsOnly.title} body={m.adminsOnly.body} />
      )}
      {isAdmin && (
        <>
          <Text>{m.intro}</Text>
          <DropZone
            names={state.files.map((f) => f.name)}
            disabled={state.busy}
            onFiles={(files) => void state.choose(files)}
          />
          {state.failure && <AlertMessage>{state.failure}</AlertMessage>}
          {(phase.kind === 'reading' || phase.kind === 'previewing') && (
            <div role="status" aria-busy="true" aria-label={m.previewing}>
              <Text>{phase.kind === 'reading' ? m.files.reading : m.previewing}</Text>
            </div>
          )}
          {report && (
            <>
              <ApplyCard state={state} />
              <CountsTable report={report} />
              <ChoicesCard state={state} />
              <CyclesTable report={report} />
              <TeamsTable state={state} />
              <PeopleTable state={state} />
              <DecisionsTable report={report} />
              <ProblemTables report={report} />
            </>
          )}
        </>
      )}
    </main>
  );
}
