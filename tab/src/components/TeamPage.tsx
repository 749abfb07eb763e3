import { Suspense, lazy, useEffect, useState, type ComponentProps } from 'react';
import {
  MessageBar,
  MessageBarBody,
  Select,
  Field,
  makeStyles,
  mergeClasses,
  tokens,
} from '@fluentui/react-components';
import type { TabApi } from '../api/client';
import { useMe } from '../hooks/useLoad';
import { useLocale } from '../i18n/locale';
import { TEAM_VIEWS, type TabView, type TeamView } from '../params';
import { TeamNav } from '../nav/TeamNav';
import { AlignmentView } from './AlignmentView';
import { EmptyState, ErrorState, LoadingState } from './StatusStates';
import { useViewStyles } from './viewStyles';

// Each view beyond the alignment tree is its own chunk, fetched when first opened.
const DashboardView = lazy(() =>
  import('../dashboard/DashboardView').then((m) => ({ default: m.DashboardView })),
);
const ManageView = lazy(() =>
  import('../manage/ManageView').then((m) => ({ default: m.ManageView })),
);
const CycleCloseView = lazy(() =>
  import('../close/CycleCloseView').then((m) => ({ default: m.CycleCloseView })),
);
const DataView = lazy(() => import('../data/DataView').then((m) => ({ default: m.DataView })));

// Editing, cycle close and data take the same props: one element renders whichever is open.
const EDITING_VIEWS = { manage: ManageView, close: CycleCloseView, data: DataView } as const;
type EditingViewName = keyof typeof EDITING_VIEWS;
const isEditingView = (view: string): view is EditingViewName => view in EDITING_VIEWS;
function EditingView({
  view,
  ...props
}: { readonly view: EditingViewName } & ComponentProps<typeof ManageView>) {
  const View = EDITING_VIEWS[view];
  return <View {...props} />;
}
const MeetingView = lazy(() =>
  import('../meeting/MeetingView').then((m) => ({ default: m.MeetingView })),
);

const useStyles = makeStyles({
  root: { maxWidth: '1200px' },
  // The stage is a wide, shared screen: use all of it.
  stage: {
    maxWidth: 'none',
    padding: `${tokens.spacingVerticalXXL} ${tokens.spacingHorizontalXXXL}`,
  },
  picker: { maxWidth: '320px' },
});

export interface TeamPageProps {
  readonly api: TabApi;
  readonly view?: Exclude<TabView, 'config' | 'personal'>;
  /** The team asked for by the URL or by the Teams context (a hint; the server checks access). */
  readonly teamId?: string;
  readonly cycleId?: string;
  /** This page's URL without query, for the stage URL. */
  readonly tabUrl?: string;
  /** In a meeting side panel: Teams' share-to-stage. */
  readonly shareToStage?: (url: string) => Promise<void>;
  /** Called once the first screen with content (or a clear error) is up. */
  readonly onSettled?: () => void;
}

/** Who is signed in, which team to show, and the chosen view of that team. */
export function TeamPage({
  api,
  view = 'alignment',
  teamId: requestedTeamId,
  cycleId,
  tabUrl = '/tab/',
  shareToStage,
  onSettled,
}: TeamPageProps) {
  const styles = useStyles();
  const layout = useViewStyles();
  const locale = useLocale();
  const m = locale.messages;
  const me = useMe(api);
  const [pickedTeamId, setPickedTeamId] = useState<string>();
  const [current, setCurrent] = useState<TeamView>(isTeamView(view) ? view : 'alignment');
  // The cycle picked in the alignment view: the dashboard, close and data views follow it.
  const [pickedCycle, setPickedCycle] = useState<string>();
  const teams = me.status === 'ready' ? me.data.teams : [];
  // The URL or Teams says which team; otherwise the viewer picks, starting with their first team.
  const teamId = requestedTeamId ?? pickedTeamId ?? teams[0]?.id;
  const role = teams.find((t) => t.id === teamId)?.role;
  const canEdit = role === 'owner' || role === 'manager';
  const inMeeting = view === 'meeting' || view === 'stage';

  const meFailed = me.status === 'error';
  const noTeam = me.status === 'ready' && !teamId;
  useEffect(() => {
    if (meFailed || noTeam) onSettled?.();
  }, [meFailed, noTeam, onSettled]);

  const settled = onSettled ? { onSettled } : {};
  const shownCycle = pickedCycle ?? cycleId;
  const cycle = shownCycle ? { cycleId: shownCycle } : {};
  return (
    <div className={mergeClasses(layout.page, styles.root, view === 'stage' && styles.stage)}>
      {me.status === 'ready' && me.data.identitySource === 'local' && (
        <MessageBar intent="info" layout="multiline">
          <MessageBarBody>{m.localMode(me.data.displayName)}</MessageBarBody>
        </MessageBar>
      )}
      {me.status === 'error' && <ErrorState error={me.error} onRetry={me.retry} />}
      {noTeam && <EmptyState title={m.noTeams.title} body={m.noTeams.body} />}
      {!requestedTeamId && teams.length > 1 && (
        <Field label={m.teamPicker} className={styles.picker}>
          <Select value={teamId} onChange={(_, d) => setPickedTeamId(d.value)}>
            {teams.map((t) => (
              <option key={t.id} value={t.id}>
                {t.name}
              </option>
            ))}
          </Select>
        </Field>
      )}
      {!inMeeting && !meFailed && teamId && (
        <TeamNav
          views={TEAM_VIEWS.filter((v) => canEdit || (v !== 'manage' && v !== 'close'))}
          current={current}
          onSelect={setCurrent}
        />
      )}
      {!meFailed && teamId && (
        <Suspense fallback={<LoadingState />}>
          {inMeeting && (
            <MeetingView
              key={teamId}
              api={api}
              teamId={teamId}
              surface={view === 'stage' ? 'stage' : 'panel'}
              stageUrl={`${tabUrl}?view=stage&teamId=${encodeURIComponent(teamId)}`}
              {...(shareToStage ? { shareToStage } : {})}
              {...settled}
            />
          )}
          {!inMeeting && current === 'alignment' && (
            <AlignmentView
              key={teamId}
              api={api}
              teamId={teamId}
              canEdit={canEdit}
              onCycleChange={setPickedCycle}
              {...cycle}
              {...settled}
            />
          )}
          {!inMeeting && current === 'dashboard' && (
            <DashboardView key={teamId} api={api} teamId={teamId} {...cycle} {...settled} />
          )}
          {!inMeeting && isEditingView(current) && (
            <EditingView
              view={current}
              key={teamId}
              api={api}
              teamId={teamId}
              canEdit={canEdit}
              {...cycle}
              {...settled}
            />
          )}
        </Suspense>
      )}
      {me.status === 'loading' && !teamId && <LoadingState />}
    </div>
  );
}

function isTeamView(view: TabView): view is TeamView {
  return (TEAM_VIEWS as readonly string[]).includes(view);
}
