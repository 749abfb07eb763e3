import { Text, mergeClasses } from '@fluentui/react-components';
import type { OpenItemView } from '@bearing/core';
import { useViewStyles } from '../components/viewStyles';
import { useLocale } from '../i18n/locale';
import { useMyOkrsStyles as useStyles } from './useMyOkrsStyles';

/**
 * My blockers and decisions in a team: open ones with how long they have waited, and what the
 * manager resolved or decided (with who and when). Nothing when there are none.
 */
export function MyItems({
  teamName,
  items,
}: {
  readonly teamName: string;
  readonly items: readonly OpenItemView[];
}) {
  const styles = useStyles();
  const layout = useViewStyles();
  const locale = useLocale();
  const m = locale.messages.personal.items;
  const log = locale.messages.meeting.log;
  if (items.length === 0) return null;
  const title = `${m.title}: ${teamName}`;
  return (
    <section className={mergeClasses(layout.card, styles.card)} aria-label={title}>
      <h2 className={layout.cardTitle}>{title}</h2>
      <ul className={styles.list}>
        {items.map((i) => (
          <li key={i.id}>
            <Text weight="semibold">
              {i.kind === 'blocker'
                ? locale.messages.personal.blocker
                : locale.messages.personal.decision}
              {': '}
            </Text>
            <Text>{i.text}</Text>
            <Text block className={styles.muted}>
              {i.resolution
                ? `${log.outcome[i.resolution.outcome]}${i.resolution.text ? `: ${i.resolution.text}` : ''} ${log.by(i.resolution.by.displayName, locale.date(i.resolution.at))}`
                : locale.messages.meeting.since(i.createdWeek, i.ageWeeks)}
            </Text>
          </li>
        ))}
      </ul>
    </section>
  );
}
