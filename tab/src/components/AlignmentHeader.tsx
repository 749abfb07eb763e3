import { Badge, Text, makeStyles, tokens } from '@fluentui/react-components';
import type { TeamViewResponse } from '@bearing/core';
import { useLocale } from '../i18n/locale';
import { ProgressMeter } from './ProgressMeter';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  titleRow: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    gap: tokens.spacingHorizontalS,
  },
  title: { margin: 0, overflowWrap: 'anywhere' },
  figures: {
    display: 'grid',
    gap: tokens.spacingVerticalS,
    gridTemplateColumns: '1fr',
    '@media (min-width: 640px)': {
      gridTemplateColumns: '1fr 1fr',
      columnGap: tokens.spacingHorizontalXXL,
    },
  },
  figure: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS },
  label: { color: tokens.colorNeutralForeground2 },
});

/** Team name, cycle, overall progress and this week's check-in completion. */
export function AlignmentHeader({ view }: { readonly view: TeamViewResponse }) {
  const styles = useStyles();
  const locale = useLocale();
  const m = locale.messages.header;
  return (
    <header className={styles.root}>
      <div className={styles.titleRow}>
        <Text as="h1" size={600} weight="semibold" className={styles.title}>
          {view.team.name}
        </Text>
        <Badge appearance="outline" shape="rounded" color="brand">
          {m.cycle(view.cycle.name)}
        </Badge>
      </div>
      <div className={styles.figures}>
        <div className={styles.figure}>
          <Text size={200} className={styles.label}>
            {m.progress}
          </Text>
          <ProgressMeter value={view.progress} label={m.progress} />
        </div>
        <div className={styles.figure}>
          <Text size={200} className={styles.label}>
            {m.checkIns(view.week)}
          </Text>
          <ProgressMeter
            value={view.checkInCompletion}
            label={m.checkInsValue(locale.percent(view.checkInCompletion))}
          />
        </div>
      </div>
    </header>
  );
}
