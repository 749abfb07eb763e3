import { useId } from 'react';
import { Badge, Text, makeStyles, tokens } from '@fluentui/react-components';
import type { KeyResultView } from '@bearing/core';
import type { ObjectiveNode } from '../alignment/group';
import { useLocale } from '../i18n/locale';
import { ConfidenceBadge } from './ConfidenceBadge';
import { DisclosureHeading, nextLevel, type HeadingLevel } from './Disclosure';
import { GuardrailBadges } from './GuardrailBadges';
import { KeyResultItem } from './KeyResultItem';
import { ProgressMeter } from './ProgressMeter';
import { WarningList } from './WarningList';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  summary: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXS,
    paddingInlineStart: tokens.spacingHorizontalXL,
  },
  meta: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    columnGap: tokens.spacingHorizontalM,
    rowGap: tokens.spacingVerticalXXS,
    color: tokens.colorNeutralForeground2,
  },
  children: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
    listStyleType: 'none',
    margin: 0,
    marginInlineStart: tokens.spacingHorizontalM,
    paddingInlineStart: tokens.spacingHorizontalS,
    paddingBlock: tokens.spacingVerticalXS,
    borderLeft: `${tokens.strokeWidthThick} solid ${tokens.colorNeutralStroke2}`,
  },
});

/** Expand/collapse state of the tree, keyed by each node's path (an objective may appear twice). */
export interface Expansion {
  isExpanded(key: string): boolean;
  toggle(key: string): void;
}

/** An objective with its progress, guardrails, warnings, key results and aligned children. */
export function ObjectiveItem({
  node,
  path,
  level,
  expansion,
  onEdit,
}: {
  readonly node: ObjectiveNode;
  readonly path: string;
  readonly level: HeadingLevel;
  readonly expansion: Expansion;
  readonly onEdit?: (keyResult: KeyResultView) => void;
}) {
  const styles = useStyles();
  const locale = useLocale();
  const m = locale.messages.tree;
  const { objective, children } = node;
  const key = `${path}/${objective.id}`;
  const expanded = expansion.isExpanded(key);
  const contentId = useId();
  return (
    <div className={styles.root}>
      <DisclosureHeading
        level={level}
        expanded={expanded}
        controls={contentId}
        onToggle={() => expansion.toggle(key)}
        size="small"
      >
        {objective.title}
      </DisclosureHeading>
      <div className={styles.summary}>
        <div className={styles.meta}>
          <Text size={200}>{objective.ownerName ? m.owner(objective.ownerName) : m.noOwner}</Text>
          <Text size={200}>{m.keyResults(objective.keyResults.length)}</Text>
          {objective.confidence && <ConfidenceBadge confidence={objective.confidence} />}
          {/* A fiscal year's id has no quarter (`FY2026`): the objective is set for the year. */}
          {!objective.cycleId.includes('-Q') && (
            <Badge appearance="tint" shape="rounded" color="informative">
              {m.annual(objective.cycleId)}
            </Badge>
          )}
        </div>
        <ProgressMeter value={objective.progress} label={m.progressOf(objective.title)} />
        <GuardrailBadges guardrails={objective.guardrails} />
        <WarningList warnings={objective.warnings} label={m.warnings} />
      </div>
      {/* The wrapper carries `hidden`: a styled list's display would override the attribute. */}
      <div id={contentId} hidden={!expanded}>
        <ul className={styles.children}>
          {objective.keyResults.length === 0 && (
            <li>
              <Text size={200}>{m.noKeyResults}</Text>
            </li>
          )}
          {objective.keyResults.map((kr) => (
            <li key={kr.id}>
              <KeyResultItem keyResult={kr} {...(onEdit ? { onEdit } : {})} />
            </li>
          ))}
          {children.map((child) => (
            <li key={child.objective.id}>
              <ObjectiveItem
                node={child}
                path={key}
                level={nextLevel(level)}
                expansion={expansion}
                {...(onEdit ? { onEdit } : {})}
              />
            </li>
          ))}
        </ul>
      </div>
    </div>
  );
}
