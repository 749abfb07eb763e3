import { useState } from 'react';
import { Button, Field, Select, Text } from '@fluentui/react-components';
import type { TabApi } from '../api/client';
import type { DecisionLogFilter } from '../api/views';
import { asApiError } from '../api/errors';
import { describeError } from '../components/describe-error';
import { AlertMessage, ErrorState, LoadingState } from '../components/StatusStates';
import { useLoad } from '../hooks/useLoad';
import { useLocale } from '../i18n/locale';
import { useMeetingStyles as useStyles } from './useMeetingStyles';

/**
 * The team's decision log under the agenda: every blocker and decision with its outcome (who
 * closed it, when, what was decided), filtered by cycle, objective and person, exported as CSV or
 * JSON. Hidden until asked for, so the agenda stays first.
 */
export function DecisionLog({ api, teamId }: { readonly api: TabApi; readonly teamId: string }) {
  const [open, setOpen] = useState(false);
  const m = useLocale().messages.meeting.log;
  return (
    <section aria-label={m.title}>
      <Button appearance="subtle" aria-expanded={open} onClick={() => setOpen(!open)}>
        {open ? m.hide : m.show}
      </Button>
      {open && <DecisionLogBody api={api} teamId={teamId} />}
    </section>
  );
}

function DecisionLogBody({ api, teamId }: { readonly api: TabApi; readonly teamId: string }) {
  const styles = useStyles();
  const locale = useLocale();
  const m = locale.messages.meeting.log;
  const [filter, setFilter] = useState<DecisionLogFilter>({});
  const [failure, setFailure] = useState<string>();
  const key = `decision-log:${teamId}:${filter.cycleId ?? ''}:${filter.objectiveId ?? ''}:${filter.userId ?? ''}`;
  const { state, reload } = useLoad(key, (signal) => api.getDecisionLog(teamId, filter, signal));
  // The choices come from the unfiltered log, so picking one filter keeps the others' choices.
  const all = useLoad(`decision-log:${teamId}`, (signal) => api.getDecisionLog(teamId, {}, signal));
  const choices = all.state.status === 'ready' ? all.state.data : undefined;
  const set = (change: Partial<DecisionLogFilter>) => {
    const next = { ...filter, ...change };
    for (const k of Object.keys(next) as (keyof DecisionLogFilter)[]) if (!next[k]) delete next[k];
    setFilter(next);
  };
  const download = async (format: 'csv' | 'json') => {
    setFailure(undefined);
    try {
      const blob = await api.exportDecisionLog(teamId, format, filter);
      // The API needs the Teams token, so a plain link cannot fetch it: save the response instead.
      const url = URL.createObjectURL(blob);
      const a = document.createElement('a');
      a.href = url;
      a.download = `bearing-decision-log.${format}`;
      a.click();
      setTimeout(() => URL.revokeObjectURL(url), 0);
    } catch (error) {
      setFailure(describeError(asApiError(error), locale));
    }
  };
  return (
    <div className={styles.section}>
      <h2 className={styles.sectionTitle}>{m.title}</h2>
      <div className={styles.actions}>
        <Field label={m.cycle}>
          <Select value={filter.cycleId ?? ''} onChange={(_, d) => set({ cycleId: d.value })}>
            <option value="">{m.allCycles}</option>
            {choices?.cycleIds.map((c) => (
              <option key={c} value={c}>
                {c}
              </option>
            ))}
          </Select>
        </Field>
        <Field label={m.objective}>
          <Select
            value={filter.objectiveId ?? ''}
            onChange={(_, d) => set({ objectiveId: d.value })}
          >
            <option value="">{m.allObjectives}</option>
            {choices?.objectives.map((o) => (
              <option key={o.id} value={o.id}>
                {o.title}
              </option>
            ))}
          </Select>
        </Field>
        <Field label={m.person}>
          <Select value={filter.userId ?? ''} onChange={(_, d) => set({ userId: d.value })}>
            <option value="">{m.everyone}</option>
            {choices?.people.map((p) => (
              <option key={p.userId} value={p.userId}>
                {p.displayName}
              </option>
            ))}
          </Select>
        </Field>
        <Button onClick={() => void download('csv')}>{m.exportCsv}</Button>
        <Button onClick={() => void download('json')}>{m.exportJson}</Button>
      </div>
      {failure && <AlertMessage>{failure}</AlertMessage>}
      {state.status === 'loading' && <LoadingState />}
      {state.status === 'error' && <ErrorState error={state.error} onRetry={reload} />}
      {state.status === 'ready' && state.data.items.length === 0 && <Text>{m.empty}</Text>}
      {state.status === 'ready' && state.data.items.length > 0 && (
        <ul className={styles.list}>
          {state.data.items.map((i) => (
            <li key={i.id} className={styles.item}>
              <Text weight="semibold">
                {i.resolution ? m.outcome[i.resolution.outcome] : m.open}
                {': '}
              </Text>
              <Text>{i.text}</Text>{' '}
              <Text className={styles.muted}>
                {locale.messages.meeting.by(i.author.displayName)} · {i.createdWeek}
              </Text>
              {i.resolution && (
                <Text block>
                  {i.resolution.text ? `${i.resolution.text} ` : ''}
                  <Text className={styles.muted}>
                    {m.by(i.resolution.by.displayName, locale.date(i.resolution.at))}
                  </Text>
                </Text>
              )}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
