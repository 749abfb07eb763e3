import { useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import {
  Button,
  Link,
  MessageBar,
  MessageBarBody,
  Text,
  makeStyles,
  mergeClasses,
  tokens,
} from '@fluentui/react-components';
import type { TabApi } from '../api/client';
import type { AgendaNote } from '@bearing/core';
import type { MeetingAgenda } from '../api/views';
import { ConfidenceBadge } from '../components/ConfidenceBadge';
import { EmptyState, ErrorState, LoadingState } from '../components/StatusStates';
import { useLoad, useSettled } from '../hooks/useLoad';
import { useLocale } from '../i18n/locale';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, minWidth: 0 },
  stageRoot: { gap: tokens.spacingVerticalXXL },
  head: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  title: { margin: 0, overflowWrap: 'anywhere' },
  stageTitle: { fontSize: tokens.fontSizeHero900, lineHeight: tokens.lineHeightHero900 },
  muted: { color: tokens.colorNeutralForeground2 },
  sections: {
    display: 'grid',
    gap: tokens.spacingVerticalM,
    gridTemplateColumns: 'minmax(0, 1fr)',
  },
  stageSections: {
    gap: tokens.spacingHorizontalXXL,
    '@media (min-width: 1000px)': { gridTemplateColumns: 'repeat(2, minmax(0, 1fr))' },
  },
  section: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
    padding: tokens.spacingHorizontalM,
    borderRadius: tokens.borderRadiusLarge,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    backgroundColor: tokens.colorNeutralBackground1,
    ':focus-visible': {
      outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}`,
      outlineOffset: '2px',
    },
  },
  stageSection: { padding: tokens.spacingHorizontalXL },
  sectionTitle: {
    margin: 0,
    fontSize: tokens.fontSizeBase400,
    fontWeight: tokens.fontWeightSemibold,
  },
  stageSectionTitle: { fontSize: tokens.fontSizeHero700, lineHeight: tokens.lineHeightHero700 },
  list: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
    listStyleType: 'none',
    margin: 0,
    padding: 0,
  },
  item: { overflowWrap: 'anywhere' },
  stageItem: { fontSize: tokens.fontSizeBase600, lineHeight: tokens.lineHeightBase600 },
  row: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalS },
  actions: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    gap: tokens.spacingHorizontalM,
  },
});

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

type Share =
  | { readonly status: 'idle' | 'sharing' | 'shared' }
  | { readonly status: 'failed'; readonly reason: string };

/** This week's agenda: what changed, blockers, decisions, at-risk key results and KPI alerts. */
export function MeetingView({
  api,
  teamId,
  surface,
  stageUrl,
  shareToStage,
  onSettled,
}: MeetingViewProps) {
  const styles = useStyles();
  const locale = useLocale();
  const m = locale.messages.meeting;
  const { state, reload } = useLoad(`agenda:${teamId}`, (signal) =>
    api.getMeetingAgenda(teamId, signal),
  );
  const [share, setShare] = useState<Share>({ status: 'idle' });
  const stage = surface === 'stage';

  useSettled(state.status, onSettled);

  const onShare = async () => {
    if (!shareToStage) return;
    setShare({ status: 'sharing' });
    try {
      await shareToStage(stageUrl);
      setShare({ status: 'shared' });
    } catch (error) {
      setShare({
        status: 'failed',
        reason: error instanceof Error ? error.message : String(error),
      });
    }
  };

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
      {share.status === 'failed' && (
        <MessageBar intent="error" layout="multiline" role="alert">
          <MessageBarBody>{m.shareFailed(share.reason)}</MessageBarBody>
        </MessageBar>
      )}
      {state.status === 'loading' && <LoadingState />}
      {state.status === 'error' && <ErrorState error={state.error} onRetry={reload} />}
      {agenda && isEmpty(agenda) && <EmptyState title={m.empty} />}
      {agenda && !isEmpty(agenda) && <Agenda agenda={agenda} stage={stage} />}
    </main>
  );
}

function isEmpty(a: MeetingAgenda): boolean {
  return (
    a.changes.length +
      a.blockers.length +
      a.decisions.length +
      a.atRisk.length +
      a.kpiAlerts.length ===
    0
  );
}

/** The five sections; on stage they are focusable stops moved through with arrows and paging keys. */
function Agenda({ agenda, stage }: { readonly agenda: MeetingAgenda; readonly stage: boolean }) {
  const styles = useStyles();
  const locale = useLocale();
  const m = locale.messages.meeting;
  const container = useRef<HTMLDivElement>(null);
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const sections = Array.from(container.current?.querySelectorAll<HTMLElement>('section') ?? []);
    const at = sections.indexOf(document.activeElement as HTMLElement);
    const next: Record<string, number> = {
      ArrowDown: at + 1,
      ArrowRight: at + 1,
      PageDown: at + 1,
      ArrowUp: at - 1,
      ArrowLeft: at - 1,
      PageUp: at - 1,
      Home: 0,
      End: sections.length - 1,
    };
    const target = next[event.key];
    if (target === undefined || at < 0) return;
    event.preventDefault();
    sections[Math.max(0, Math.min(sections.length - 1, target))]?.focus();
  };
  const notes = (items: readonly AgendaNote[]) =>
    items.map((n, i) => (
      <li key={i} className={mergeClasses(styles.item, stage && styles.stageItem)}>
        {n.keyResults.length > 0 && (
          <Text weight="semibold" className={stage ? styles.stageItem : undefined}>
            {n.keyResults.map((k) => k.title).join(', ')}:{' '}
          </Text>
        )}
        <Text className={stage ? styles.stageItem : undefined}>{n.text}</Text>{' '}
        <Text className={styles.muted}>{m.by(n.author.displayName)}</Text>
      </li>
    ));
  return (
    <>
      {stage && <Text className={styles.muted}>{m.stageKeys}</Text>}
      <div
        ref={container}
        className={mergeClasses(styles.sections, stage && styles.stageSections)}
        onKeyDown={stage ? onKeyDown : undefined}
      >
        <Section title={m.changes} count={agenda.changes.length} none={m.noneChanges} stage={stage}>
          {notes(agenda.changes)}
        </Section>
        <Section
          title={m.blockers}
          count={agenda.blockers.length}
          none={m.noneBlockers}
          stage={stage}
        >
          {notes(agenda.blockers)}
        </Section>
        <Section
          title={m.decisions}
          count={agenda.decisions.length}
          none={m.noneDecisions}
          stage={stage}
        >
          {notes(agenda.decisions)}
        </Section>
        <Section title={m.atRisk} count={agenda.atRisk.length} none={m.noneAtRisk} stage={stage}>
          {agenda.atRisk.map((kr) => (
            <li
              key={kr.id}
              className={mergeClasses(styles.item, styles.row, stage && styles.stageItem)}
            >
              <Text weight="semibold" className={stage ? styles.stageItem : undefined}>
                {kr.title}
              </Text>
              <ConfidenceBadge confidence={kr.confidence} />
              <Text className={styles.muted}>
                {locale.messages.tree.values(
                  locale.number(kr.current, kr.unit),
                  locale.number(kr.target, kr.unit),
                )}
              </Text>
            </li>
          ))}
        </Section>
        <Section
          title={m.kpiAlerts}
          count={agenda.kpiAlerts.length}
          none={m.noneKpiAlerts}
          stage={stage}
        >
          {agenda.kpiAlerts.map(({ kpi: k }) => (
            <li key={k.id} className={mergeClasses(styles.item, stage && styles.stageItem)}>
              <Text weight="semibold" className={stage ? styles.stageItem : undefined}>
                {locale.messages.guardrail(k.name, locale.messages.kpiStatus[k.status])}
              </Text>{' '}
              {k.lastReading && (
                <Text className={styles.muted}>
                  {locale.messages.dashboard.lastReading(
                    locale.number(k.lastReading.value, k.unit),
                    locale.date(k.lastReading.at),
                  )}
                </Text>
              )}
            </li>
          ))}
        </Section>
      </div>
    </>
  );
}

function Section({
  title,
  count,
  none,
  stage,
  children,
}: {
  readonly title: string;
  readonly count: number;
  readonly none: string;
  readonly stage: boolean;
  readonly children: ReactNode;
}) {
  const styles = useStyles();
  const { messages } = useLocale();
  const label = messages.meeting.section(title, count);
  return (
    <section
      className={mergeClasses(styles.section, stage && styles.stageSection)}
      aria-label={label}
      tabIndex={stage ? 0 : undefined}
    >
      <h2 className={mergeClasses(styles.sectionTitle, stage && styles.stageSectionTitle)}>
        {label}
      </h2>
      {count === 0 ? (
        <Text className={stage ? styles.stageItem : undefined}>{none}</Text>
      ) : (
        <ul className={styles.list}>{children}</ul>
      )}
    </section>
  );
}
