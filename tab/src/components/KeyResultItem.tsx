import { Badge, Button, Text, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import type { KeyResultView } from '@bearing/core';
import { useLocale } from '../i18n/locale';
import { ConfidenceBadge } from './ConfidenceBadge';
import { useHighlight, useHighlightStyles } from '../nav/highlight';
import { ProgressMeter } from './ProgressMeter';
import { KeyResultHistory } from '../dashboard/KeyResultHistory';

const useStyles = makeStyles({
  root: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXS,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalS}`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground2,
  },
  top: {
    display: 'flex',
    alignItems: 'flex-start',
    justifyContent: 'space-between',
    gap: tokens.spacingHorizontalS,
  },
  title: { minWidth: 0, overflowWrap: 'anywhere' },
  meta: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    columnGap: tokens.spacingHorizontalM,
    rowGap: tokens.spacingVerticalXXS,
    color: tokens.colorNeutralForeground2,
  },
});

/**
 * One key result: values, progress, confidence, owner, last check-in, its history (behind a
 * disclosure) and Edit for managers.
 */
export function KeyResultItem({
  keyResult,
  onEdit,
}: {
  readonly keyResult: KeyResultView;
  /** Present only when the viewer may edit (team owners and managers). */
  readonly onEdit?: (keyResult: KeyResultView) => void;
}) {
  const styles = useStyles();
  const locale = useLocale();
  const m = locale.messages.tree;
  const kr = keyResult;
  const linked = useHighlight<HTMLDivElement>('keyResultId', kr.id);
  const highlight = useHighlightStyles();
  return (
    <div
      ref={linked.ref}
      className={mergeClasses(styles.root, linked.wanted && highlight.on)}
      {...linked.props}
    >
      <div className={styles.top}>
        <Text weight="semibold" className={styles.title}>
          {kr.title}
        </Text>
        {onEdit && (
          <Button
            size="small"
            appearance="secondary"
            aria-label={locale.messages.edit.buttonLabel(kr.title)}
            onClick={() => onEdit(kr)}
          >
            {locale.messages.edit.button}
          </Button>
        )}
      </div>
      <div className={styles.meta}>
        <Text size={200}>
          {m.values(locale.number(kr.current, kr.unit), locale.number(kr.target, kr.unit))}
        </Text>
        <ConfidenceBadge confidence={kr.confidence} />
        {linked.wanted && (
          <Badge appearance="filled" color="brand">
            {locale.messages.linked}
          </Badge>
        )}
      </div>
      <ProgressMeter value={kr.progress} label={m.progressOf(kr.title)} />
      <div className={styles.meta}>
        <Text size={200}>{kr.ownerName ? m.owner(kr.ownerName) : m.noOwner}</Text>
        <Text size={200}>
          {kr.lastCheckInAt ? m.lastCheckIn(locale.date(kr.lastCheckInAt)) : m.neverCheckedIn}
        </Text>
      </div>
      <KeyResultHistory keyResult={kr} />
    </div>
  );
}
