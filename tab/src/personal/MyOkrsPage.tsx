import { useMemo, useState, type FormEvent } from 'react';
import {
  Button,
  Field,
  Input,
  MessageBar,
  MessageBarBody,
  Select,
  Text,
  Textarea,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import type { KeyResultView, MyTeamOkrs } from '@bearing/core';
import type { TabApi } from '../api/client';
import { asApiError } from '../api/errors';
import { ConfidenceBadge } from '../components/ConfidenceBadge';
import { parseNumber } from '../components/EditKeyResultDialog';
import { ProgressMeter } from '../components/ProgressMeter';
import { EmptyState, ErrorState, LoadingState } from '../components/StatusStates';
import { describeError } from '../components/describe-error';
import { useLoad, useSettled } from '../hooks/useLoad';
import { useMe } from '../hooks/useMe';
import { useLocale } from '../i18n/locale';

type Confidence = KeyResultView['confidence'];

const useStyles = makeStyles({
  root: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalL,
    boxSizing: 'border-box',
    maxWidth: '960px',
    marginInline: 'auto',
    padding: `${tokens.spacingVerticalL} ${tokens.spacingHorizontalL}`,
    '@media (max-width: 480px)': {
      padding: `${tokens.spacingVerticalM} ${tokens.spacingHorizontalS}`,
    },
  },
  title: { margin: 0 },
  card: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalM,
    padding: tokens.spacingHorizontalM,
    borderRadius: tokens.borderRadiusLarge,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  cardTitle: { margin: 0, fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold },
  kr: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXS,
    padding: tokens.spacingHorizontalS,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground2,
  },
  row: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'flex-end',
    gap: tokens.spacingHorizontalM,
  },
  list: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
    listStyleType: 'none',
    margin: 0,
    padding: 0,
  },
  muted: { color: tokens.colorNeutralForeground2 },
  name: { overflowWrap: 'anywhere' },
});

/** The personal tab: my key results, a check-in form per team, and my check-in history. */
export function MyOkrsPage({
  api,
  onSettled,
}: {
  readonly api: TabApi;
  readonly onSettled?: () => void;
}) {
  const styles = useStyles();
  const locale = useLocale();
  const m = locale.messages.personal;
  const me = useMe(api);
  const { state, reload } = useLoad('my-okrs', (signal) => api.getMyOkrs(signal));
  useSettled(state.status, onSettled);
  const data = state.status === 'ready' ? state.data : undefined;
  const teams = useMemo(() => data?.teams.filter((t) => t.keyResults.length > 0) ?? [], [data]);

  return (
    <main className={styles.root}>
      {me.status === 'ready' && me.me.identitySource === 'local' && (
        <MessageBar intent="info" layout="multiline">
          <MessageBarBody>{locale.messages.localMode(me.me.displayName)}</MessageBarBody>
        </MessageBar>
      )}
      <Text as="h1" size={700} weight="semibold" className={styles.title}>
        {m.title}
      </Text>
      {state.status === 'loading' && <LoadingState />}
      {state.status === 'error' && <ErrorState error={state.error} onRetry={reload} />}
      {data && teams.length === 0 && <EmptyState title={m.empty} />}
      {teams.map((t) => (
        <TeamOkrs key={t.team.id} api={api} okrs={t} onSubmitted={reload} />
      ))}
    </main>
  );
}

/** One team: the check-in form for my key results there, then my check-in history. */
function TeamOkrs({
  api,
  okrs,
  onSubmitted,
}: {
  readonly api: TabApi;
  readonly okrs: MyTeamOkrs;
  readonly onSubmitted: () => void;
}) {
  const styles = useStyles();
  const locale = useLocale();
  const m = locale.messages.personal;
  const titleOf = (id: string) => okrs.keyResults.find((k) => k.id === id)?.title ?? id;
  return (
    <>
      <CheckInCard
        key={okrs.thisWeek?.submittedAt ?? 'new'}
        api={api}
        okrs={okrs}
        onSubmitted={onSubmitted}
      />
      <section className={styles.card} aria-label={`${m.history}: ${okrs.team.name}`}>
        <h2 className={styles.cardTitle}>{`${m.history}: ${okrs.team.name}`}</h2>
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

interface Draft {
  readonly value: string;
  readonly confidence: Confidence;
}

function CheckInCard({
  api,
  okrs,
  onSubmitted,
}: {
  readonly api: TabApi;
  readonly okrs: MyTeamOkrs;
  readonly onSubmitted: () => void;
}) {
  const styles = useStyles();
  const locale = useLocale();
  const m = locale.messages.personal;
  const { keyResults, thisWeek } = okrs;
  // This week's check-in, if sent already, pre-fills the form (sending again updates it).
  const [drafts, setDrafts] = useState<Record<string, Draft>>(() =>
    Object.fromEntries(
      keyResults.map((k) => {
        const sent = thisWeek?.updates.find((u) => u.keyResultId === k.id);
        return [
          k.id,
          { value: String(sent?.value ?? k.current), confidence: sent?.confidence ?? k.confidence },
        ];
      }),
    ),
  );
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [notes, setNotes] = useState({
    whatChanged: thisWeek?.whatChanged ?? '',
    blockers: thisWeek?.blockers ?? '',
    decisionNeeded: thisWeek?.decisionNeeded ?? '',
  });
  const [status, setStatus] = useState<'idle' | 'saving' | 'saved'>('idle');
  const [formError, setFormError] = useState<string>();
  const set = (id: string, change: Partial<Draft>) =>
    setDrafts((d) => ({ ...d, [id]: { ...(d[id] as Draft), ...change } }));

  async function submit(event: FormEvent) {
    event.preventDefault();
    const found: Record<string, string> = {};
    const updates = keyResults.map((k) => {
      const draft = drafts[k.id] as Draft;
      const value = parseNumber(draft.value);
      if (value === undefined) found[k.id] = locale.messages.edit.notANumber;
      return { keyResultId: k.id, value: value ?? 0, confidence: draft.confidence };
    });
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    setStatus('saving');
    setFormError(undefined);
    const text = (s: string) => (s.trim() ? s.trim() : undefined);
    const whatChanged = text(notes.whatChanged);
    const blockers = text(notes.blockers);
    const decisionNeeded = text(notes.decisionNeeded);
    try {
      await api.submitMyCheckIn({
        teamId: okrs.team.id,
        submissionId: `tab-${okrs.week}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`,
        cycleId: okrs.cycle.id,
        week: okrs.week,
        nothingChanged: false,
        updates,
        ...(whatChanged ? { whatChanged } : {}),
        ...(blockers ? { blockers } : {}),
        ...(decisionNeeded ? { decisionNeeded } : {}),
      });
      setStatus('saved');
      onSubmitted();
    } catch (error) {
      setStatus('idle');
      setFormError(describeError(asApiError(error), locale));
    }
  }

  return (
    <section className={styles.card} aria-label={m.team(okrs.team.name)}>
      <h2 className={styles.cardTitle}>{m.team(okrs.team.name)}</h2>
      <form onSubmit={submit} noValidate>
        <ul className={styles.list}>
          {keyResults.map((kr) => (
            <li key={kr.id} className={styles.kr}>
              <Text weight="semibold" className={styles.name}>
                {kr.title}
              </Text>
              <Text size={200} className={styles.muted}>
                {locale.messages.tree.values(
                  locale.number(kr.current, kr.unit),
                  locale.number(kr.target, kr.unit),
                )}
              </Text>
              <ProgressMeter
                value={kr.progress}
                label={locale.messages.tree.progressOf(kr.title)}
              />
              <div className={styles.row}>
                <Field
                  label={`${m.value} (${kr.title})`}
                  validationMessage={errors[kr.id]}
                  validationState={errors[kr.id] ? 'error' : 'none'}
                >
                  <Input
                    inputMode="decimal"
                    value={drafts[kr.id]?.value ?? ''}
                    onChange={(_, d) => set(kr.id, { value: d.value })}
                  />
                </Field>
                <Field label={`${m.confidence} (${kr.title})`}>
                  <Select
                    value={drafts[kr.id]?.confidence}
                    onChange={(_, d) => set(kr.id, { confidence: d.value as Confidence })}
                  >
                    {(['onTrack', 'atRisk', 'offTrack'] as const).map((c) => (
                      <option key={c} value={c}>
                        {locale.messages.confidence[c]}
                      </option>
                    ))}
                  </Select>
                </Field>
              </div>
            </li>
          ))}
        </ul>
        <Field label={m.note}>
          <Textarea
            value={notes.whatChanged}
            onChange={(_, d) => setNotes((n) => ({ ...n, whatChanged: d.value }))}
          />
        </Field>
        <Field label={m.blocker}>
          <Textarea
            value={notes.blockers}
            onChange={(_, d) => setNotes((n) => ({ ...n, blockers: d.value }))}
          />
        </Field>
        <Field label={m.decision}>
          <Textarea
            value={notes.decisionNeeded}
            onChange={(_, d) => setNotes((n) => ({ ...n, decisionNeeded: d.value }))}
          />
        </Field>
        {formError && (
          <MessageBar intent="error" layout="multiline" role="alert">
            <MessageBarBody>{formError}</MessageBarBody>
          </MessageBar>
        )}
        <div className={styles.row}>
          <Button type="submit" appearance="primary" disabled={status === 'saving'}>
            {status === 'saving' ? m.submitting : m.submit}
          </Button>
          <div role="status" aria-live="polite">
            {status === 'saved' && <Text>{m.submitted}</Text>}
          </div>
        </div>
      </form>
    </section>
  );
}
