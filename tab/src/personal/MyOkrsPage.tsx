import { useMemo } from 'react';
import { MessageBar, MessageBarBody, Text, mergeClasses } from '@fluentui/react-components';
import type { TabApi } from '../api/client';
import { ConfidenceBadge } from '../components/ConfidenceBadge';
import { EmptyState, ErrorState, LoadingState } from '../components/StatusStates';
import { useLoad, useMe, useSettled } from '../hooks/useLoad';
import { useLocale } from '../i18n/locale';
import { CheckInCard } from './CheckInCard';
import { MyItems } from './MyItems';
import { AwaySetting } from './AwaySetting';
import type { TeamOkrsProps } from './useCheckIn';
import { useViewStyles } from '../components/viewStyles';
import { useMyOkrsStyles as useStyles } from './useMyOkrsStyles';

/** The personal tab: my key results, a check-in form per team, and my check-in history. */
export function MyOkrsPage({
  api,
  onSettled,
}: {
  readonly api: TabApi;
  readonly onSettled?: () => void;
}) {
  const styles = useStyles();
  const layout = useViewStyles();
  const locale = useLocale();
  const m = locale.messages.personal;
  const me = useMe(api);
  const { state, reload } = useLoad('my-okrs', (signal) => api.getMyOkrs(signal));
  useSettled(state.status, onSettled);
  const data = state.status === 'ready' ? state.data : undefined;
  const teams = useMemo(() => data?.teams.filter((t) => t.keyResults.length > 0) ?? [], [data]);

  return (
    <main className={mergeClasses(layout.page, styles.root)}>
      {me.status === 'ready' && me.data.identitySource === 'local' && (
        <MessageBar intent="info" layout="multiline">
          <MessageBarBody>{locale.messages.localMode(me.data.displayName)}</MessageBarBody>
        </MessageBar>
      )}
      <Text as="h1" size={700} weight="semibold" className={layout.title}>
        {m.title}
      </Text>
      {state.status === 'loading' && <LoadingState />}
      {state.status === 'error' && <ErrorState error={state.error} onRetry={reload} />}
      {data && teams.length === 0 && <EmptyState title={m.empty} />}
      {teams.map((t) => (
        <TeamOkrs key={t.team.id} api={api} okrs={t} onSubmitted={reload} />
      ))}
      {data &&
        teams.map((t) => (
          <AwaySetting
            key={`away-${t.team.id}`}
            api={api}
            teamId={t.team.id}
            teamName={t.team.name}
            userId={data.userId}
            {...(t.awayUntil ? { awayUntil: t.awayUntil } : {})}
            onSaved={reload}
          />
        ))}
    </main>
  );
}

/** One team: the check-in form for my key results there, then my check-in history. */
function TeamOkrs({ api, okrs, onSubmitted }: TeamOkrsProps) {
  const styles = useStyles();
  const layout = useViewStyles();
  const locale = useLocale();
  const m = locale.messages.personal;
  const titleOf = (id: string) => okrs.keyResults.find((k) => k.id === id)?.title ?? id;
  return (
    <>
      {/* Not re-keyed on the reload after sending: the form keeps what was sent and says so. */}
      <CheckInCard api={api} okrs={okrs} onSubmitted={onSubmitted} />
      <MyItems teamName={okrs.team.name} items={okrs.openItems} />
      <section
        className={mergeClasses(layout.card, styles.card)}
        aria-label={`${m.history}: ${okrs.team.name}`}
      >
        <h2 className={layout.cardTitle}>{`${m.history}: ${okrs.team.name}`}</h2>
        {okrs.checkIns.length === 0 ? (
          <Text>{m.historyEmpty}</Text>
        ) : (
          <ul className={styles.list}>
            {okrs.checkIns.map((c) => (
              <li key={`${c.teamId}-${c.week}`}>
                <Text weight="semibold">{c.week}</Text>{' '}
                <Text className={styles.muted}>{locale.date(c.submittedAt)}</Text>
                <ul className={styles.list}>
                  {c.updates.map((u) => (
                    <li key={u.keyResultId} className={styles.row}>
                      <Text className={styles.name}>
                        {titleOf(u.keyResultId)}: {locale.number(u.value)}
                      </Text>
                      <ConfidenceBadge confidence={u.confidence} />
                    </li>
                  ))}
                </ul>
                {c.whatChanged && <Text block>{`${m.note}: ${c.whatChanged}`}</Text>}
                {c.blockers && <Text block>{`${m.blocker}: ${c.blockers}`}</Text>}
                {c.decisionNeeded && <Text block>{`${m.decision}: ${c.decisionNeeded}`}</Text>}
              </li>
            ))}
          </ul>
        )}
      </section>
    </>
  );
}
