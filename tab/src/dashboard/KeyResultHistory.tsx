import {
  Suspense,
  createContext,
  lazy,
  useCallback,
  useContext,
  useId,
  useMemo,
  useRef,
  useState,
  type ReactNode,
} from 'react';
import { Button, Spinner, Text, makeStyles, tokens } from '@fluentui/react-components';
import type { KeyResultView } from '@bearing/core';
import type { TabApi } from '../api/client';
import { asApiError } from '../api/errors';
import type { TeamDashboard } from '../api/views';
import { DisclosureChevron } from '../components/Disclosure';
import { ErrorState } from '../components/StatusStates';
import type { LoadState } from '../hooks/useLoad';
import { useLocale } from '../i18n/locale';

// A key result's history in the alignment tree, behind a disclosure. Nothing is fetched or loaded
// for the first screen: the dashboard's answer for the cycle shown is fetched when the first
// disclosure opens (once per team and cycle, shared by every key result), and the dashboard's own
// chart code comes with it.
const HistoryChart = lazy(() => import('./charts').then((m) => ({ default: m.HistoryChart })));

interface HistorySource {
  readonly state: LoadState<TeamDashboard> | undefined;
  /** Fetches the cycle's history unless it is here or on its way (after an error: again). */
  readonly request: () => void;
}

const HistoryContext = createContext<HistorySource | undefined>(undefined);

/** Holds the key results' history of one team's cycle for the disclosures under it. */
export function KeyResultHistoryProvider({
  api,
  teamId,
  cycleId,
  children,
}: {
  readonly api: TabApi;
  readonly teamId: string;
  readonly cycleId: string;
  readonly children: ReactNode;
}) {
  const key = `${teamId}:${cycleId}`;
  const [states, setStates] = useState<ReadonlyMap<string, LoadState<TeamDashboard>>>(
    () => new Map(),
  );
  // What was asked for, by key, so that many disclosures opening together fetch once.
  const asked = useRef(new Set<string>());
  const set = useCallback((k: string, state: LoadState<TeamDashboard>) => {
    setStates((prev) => new Map(prev).set(k, state));
  }, []);
  const request = useCallback(() => {
    if (asked.current.has(key)) return;
    asked.current.add(key);
    set(key, { status: 'loading' });
    api.getDashboard(teamId, cycleId).then(
      (data) => set(key, { status: 'ready', data, refreshing: false }),
      (error: unknown) => {
        asked.current.delete(key);
        set(key, { status: 'error', error: asApiError(error) });
      },
    );
  }, [api, teamId, cycleId, key, set]);
  const source = useMemo(() => ({ state: states.get(key), request }), [states, key, request]);
  return <HistoryContext.Provider value={source}>{children}</HistoryContext.Provider>;
}

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS, minWidth: 0 },
  toggle: { alignSelf: 'flex-start' },
  muted: { color: tokens.colorNeutralForeground2 },
});

/** "History" under a key result: opens its weekly history chart (when a provider is above). */
export function KeyResultHistory({ keyResult }: { readonly keyResult: KeyResultView }) {
  const styles = useStyles();
  const m = useLocale().messages.tree;
  const source = useContext(HistoryContext);
  const [open, setOpen] = useState(false);
  const contentId = useId();
  if (!source) return null;
  const toggle = () => {
    if (!open) source.request();
    setOpen(!open);
  };
  return (
    <div className={styles.root}>
      <Button
        className={styles.toggle}
        size="small"
        appearance="subtle"
        icon={<DisclosureChevron expanded={open} />}
        aria-expanded={open}
        aria-controls={contentId}
        aria-label={m.historyOf(keyResult.title)}
        onClick={toggle}
      >
        {m.history}
      </Button>
      <div id={contentId} hidden={!open}>
        {open && <HistoryBody keyResult={keyResult} source={source} />}
      </div>
    </div>
  );
}

function HistoryBody({
  keyResult,
  source,
}: {
  readonly keyResult: KeyResultView;
  readonly source: HistorySource;
}) {
  const styles = useStyles();
  const m = useLocale().messages.tree;
  const { state } = source;
  const loading = <Spinner size="tiny" labelPosition="after" label={m.historyLoading} />;
  if (!state || state.status === 'loading') return <div role="status">{loading}</div>;
  if (state.status === 'error') return <ErrorState error={state.error} onRetry={source.request} />;
  // The dashboard may not chart this key result (another cycle's scope): nothing to draw, then.
  const history = state.data.keyResults.find((h) => h.id === keyResult.id);
  if (!history || history.points.length === 0)
    return (
      <Text size={200} className={styles.muted}>
        {m.historyEmpty}
      </Text>
    );
  return (
    <Suspense fallback={<div role="status">{loading}</div>}>
      <HistoryChart history={history} />
    </Suspense>
  );
}
