import type { ReactNode } from 'react';
import { Text, mergeClasses } from '@fluentui/react-components';
import type { AgendaNote } from '@bearing/core';
import type { MeetingAgenda } from '../api/views';
import { ConfidenceBadge } from '../components/ConfidenceBadge';
import { useLocale } from '../i18n/locale';
import { useMeetingStyles as useStyles } from './useMeetingStyles';
import { useSectionKeys } from './useSectionKeys';
import { OpenItemList, type ItemActions } from './OpenItems';

export function isEmpty(a: MeetingAgenda): boolean {
  return a.changes.length + a.openItems.length + a.atRisk.length + a.kpiAlerts.length === 0;
}

/**
 * The five sections, open blockers and decisions first (they stay until resolved, whichever week
 * raised them); on stage they are focusable stops moved through with arrows and paging keys.
 */
export function Agenda({
  agenda,
  stage,
  actions,
}: {
  readonly agenda: MeetingAgenda;
  readonly stage: boolean;
  /** Resolve / Record decision, for managers. */
  readonly actions?: ItemActions;
}) {
  const styles = useStyles();
  const locale = useLocale();
  const m = locale.messages.meeting;
  const { container, onKeyDown } = useSectionKeys();
  const blockers = agenda.openItems.filter((i) => i.kind === 'blocker');
  const decisions = agenda.openItems.filter((i) => i.kind === 'decision');
  const notes = (items: readonly AgendaNote[]) =>
    items.map((n, i) => (
      <li key={i} className={mergeClasses(styles.item, stage && styles.stageItem)}>
        {n.keyResults.length > 0 && (
          <Text weight="semibold" className={stage ? styles.stageItem : undefined}>
            {n.keyResults.map((k) => k.title).join(', ')}:{' '}
          </Text>
        )}
        <Text className={stage ? styles.stageItem : undefined}>{n.text}</Text>{' '}
        <Text className={mergeClasses(styles.muted, stage && styles.stageMeta)}>
          {m.by(n.author.displayName)}
        </Text>
      </li>
    ));
  return (
    <>
      {stage && <Text className={mergeClasses(styles.muted, styles.stageMeta)}>{m.stageKeys}</Text>}
      <div
        ref={container}
        className={mergeClasses(styles.sections, stage && styles.stageSections)}
        onKeyDown={stage ? onKeyDown : undefined}
      >
        <Section title={m.blockers} count={blockers.length} none={m.noneBlockers} stage={stage}>
          <OpenItemList items={blockers} stage={stage} actions={actions} />
        </Section>
        <Section title={m.decisions} count={decisions.length} none={m.noneDecisions} stage={stage}>
          <OpenItemList items={decisions} stage={stage} actions={actions} />
        </Section>
        <Section title={m.changes} count={agenda.changes.length} none={m.noneChanges} stage={stage}>
          {notes(agenda.changes)}
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
              <ConfidenceBadge
                confidence={kr.confidence}
                {...(stage ? { size: 'extra-large', className: styles.stageMeta } : {})}
              />
              <Text className={mergeClasses(styles.muted, stage && styles.stageMeta)}>
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
                <Text className={mergeClasses(styles.muted, stage && styles.stageMeta)}>
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
