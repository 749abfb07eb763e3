import { MessageBar, MessageBarBody, makeStyles, tokens } from '@fluentui/react-components';
import type { TeamViewResponse } from '@bearing/core';

type LintWarning = TeamViewResponse['warnings'][number];

const useStyles = makeStyles({
  list: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXS,
    listStyleType: 'none',
    margin: 0,
    padding: 0,
  },
});

/** Lint warnings (drift, vague key results, …) as message bars with their text. */
export function WarningList({
  warnings,
  label,
}: {
  readonly warnings: readonly LintWarning[];
  readonly label: string;
}) {
  const styles = useStyles();
  if (warnings.length === 0) return null;
  return (
    <ul className={styles.list} aria-label={label}>
      {warnings.map((w, i) => (
        <li key={`${w.code}-${w.keyResultId ?? w.objectiveId ?? ''}-${i}`}>
          <MessageBar intent={w.severity === 'warning' ? 'warning' : 'info'} layout="multiline">
            <MessageBarBody>{w.message}</MessageBarBody>
          </MessageBar>
        </li>
      ))}
    </ul>
  );
}
