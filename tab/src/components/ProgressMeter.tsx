import { ProgressBar, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useLocale } from '../i18n/locale';

const useStyles = makeStyles({
  root: {
    display: 'grid',
    gridTemplateColumns: 'minmax(0, 1fr) auto',
    alignItems: 'center',
    columnGap: tokens.spacingHorizontalS,
  },
  value: { fontVariantNumeric: 'tabular-nums', minWidth: '3.5em', textAlign: 'end' },
});

/** A progress bar (0..1) named for screen readers, with the percentage also as visible text. */
export function ProgressMeter({
  value,
  label,
}: {
  readonly value: number;
  readonly label: string;
}) {
  const styles = useStyles();
  const locale = useLocale();
  const percent = locale.percent(value);
  return (
    <div className={styles.root}>
      <ProgressBar
        value={Math.min(1, Math.max(0, value))}
        max={1}
        thickness="large"
        aria-label={label}
        aria-valuetext={percent}
      />
      <Text size={200} className={styles.value} aria-hidden>
        {percent}
      </Text>
    </div>
  );
}
