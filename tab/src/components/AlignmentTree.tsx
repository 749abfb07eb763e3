import { useCallback, useId, useMemo, useState, type ReactNode } from 'react';
import { MessageBar, MessageBarBody, Text, makeStyles, tokens } from '@fluentui/react-components';
import { cardBox } from './viewStyles';
import type { KeyResultView } from '@bearing/core';
import type { AlignmentGroups, CompanyGroup, ObjectiveNode } from '../alignment/group';
import { useLocale } from '../i18n/locale';
import { DisclosureHeading } from './Disclosure';
import { ObjectiveItem, type Expansion } from './ObjectiveItem';
import { ProgressMeter } from './ProgressMeter';

const useStyles = makeStyles({
  root: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalL,
    listStyleType: 'none',
    margin: 0,
    padding: 0,
  },
  group: {
    ...cardBox,
    backgroundColor: tokens.colorNeutralBackground1,
  },
  kicker: { color: tokens.colorNeutralForeground3, paddingInlineStart: tokens.spacingHorizontalXL },
  summary: { paddingInlineStart: tokens.spacingHorizontalXL },
  list: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalM,
    listStyleType: 'none',
    margin: 0,
    padding: 0,
  },
  sectionTitle: {
    margin: 0,
    fontSize: tokens.fontSizeBase400,
    fontWeight: tokens.fontWeightSemibold,
  },
});

/** The alignment tree: company objectives → team objectives → key results, then the rest. */
export function AlignmentTree({
  groups,
  onEdit,
}: {
  readonly groups: AlignmentGroups;
  readonly onEdit?: (keyResult: KeyResultView) => void;
}) {
  const styles = useStyles();
  const { messages } = useLocale();
  const expansion = useExpansion();
  const editProps = onEdit ? { onEdit } : {};
  return (
    <ul className={styles.root} aria-label={messages.tree.label}>
      {groups.company.map((group) => (
        <li key={group.company.id}>
          <CompanyGroupItem group={group} expansion={expansion} {...editProps} />
        </li>
      ))}
      {groups.alignedElsewhere.length > 0 && (
        <li>
          <Section title={messages.tree.alignedElsewhere}>
            <ObjectiveList nodes={groups.alignedElsewhere} expansion={expansion} {...editProps} />
          </Section>
        </li>
      )}
      {groups.notAligned.length > 0 && (
        <li>
          <Section title={messages.tree.notAligned}>
            <MessageBar intent="warning" layout="multiline">
              <MessageBarBody>{messages.tree.notAlignedHint}</MessageBarBody>
            </MessageBar>
            <ObjectiveList nodes={groups.notAligned} expansion={expansion} {...editProps} />
          </Section>
        </li>
      )}
    </ul>
  );
}

// Everything starts expanded: a manager opening the tab wants to see the whole picture.
function useExpansion(): Expansion {
  const [collapsed, setCollapsed] = useState<ReadonlySet<string>>(() => new Set());
  const toggle = useCallback((key: string) => {
    setCollapsed((prev) => {
      const next = new Set(prev);
      if (!next.delete(key)) next.add(key);
      return next;
    });
  }, []);
  return useMemo(() => ({ isExpanded: (key) => !collapsed.has(key), toggle }), [collapsed, toggle]);
}

function CompanyGroupItem({
  group,
  expansion,
  onEdit,
}: {
  readonly group: CompanyGroup;
  readonly expansion: Expansion;
  readonly onEdit?: (keyResult: KeyResultView) => void;
}) {
  const styles = useStyles();
  const { messages } = useLocale();
  const contentId = useId();
  const key = group.company.id;
  const expanded = expansion.isExpanded(key);
  return (
    <section className={styles.group} aria-label={group.company.title}>
      <Text size={200} className={styles.kicker}>
        {messages.tree.companyObjective}
      </Text>
      <DisclosureHeading
        level={2}
        expanded={expanded}
        controls={contentId}
        onToggle={() => expansion.toggle(key)}
      >
        {group.company.title}
      </DisclosureHeading>
      <div className={styles.summary}>
        <ProgressMeter
          value={group.company.progress}
          label={messages.tree.progressOf(group.company.title)}
        />
      </div>
      <div id={contentId} hidden={!expanded}>
        {group.objectives.length === 0 ? (
          <Text size={200} className={styles.kicker}>
            {messages.tree.noneAligned}
          </Text>
        ) : (
          <ObjectiveList
            nodes={group.objectives}
            path={key}
            expansion={expansion}
            {...(onEdit ? { onEdit } : {})}
          />
        )}
      </div>
    </section>
  );
}

function Section({ title, children }: { readonly title: string; readonly children: ReactNode }) {
  const styles = useStyles();
  return (
    <section className={styles.group} aria-label={title}>
      <h2 className={styles.sectionTitle}>{title}</h2>
      {children}
    </section>
  );
}

function ObjectiveList({
  nodes,
  path = '',
  expansion,
  onEdit,
}: {
  readonly nodes: readonly ObjectiveNode[];
  readonly path?: string;
  readonly expansion: Expansion;
  readonly onEdit?: (keyResult: KeyResultView) => void;
}) {
  const styles = useStyles();
  return (
    <ul className={styles.list}>
      {nodes.map((node) => (
        <li key={node.objective.id}>
          <ObjectiveItem
            node={node}
            path={path}
            level={3}
            expansion={expansion}
            {...(onEdit ? { onEdit } : {})}
          />
        </li>
      ))}
    </ul>
  );
}
