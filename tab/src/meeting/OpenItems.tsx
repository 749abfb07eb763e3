import { useState } from 'react';
import { Badge, Button, Field, Input, Text, mergeClasses } from '@fluentui/react-components';
import type { OpenItemView } from '@bearing/core';
import type { TabApi } from '../api/client';
import { AlertMessage } from '../components/StatusStates';
import { asApiError } from '../api/errors';
import { describeError } from '../components/describe-error';
import { useLocale } from '../i18n/locale';
import { useMeetingStyles as useStyles } from './useMeetingStyles';

/** What managing items needs; without it (members) the items are read-only. */
export interface ItemActions {
  readonly api: TabApi;
  readonly teamId: string;
  /** Called after an item changed (the agenda reloads). */
  readonly onChanged: () => void;
}

/**
 * Open blockers or decisions, oldest first, each with how long it has been open ("new this week"
 * marked). Managers get Resolve and Record decision: plain buttons and a labelled input, so the
 * keyboard reaches all of them; on the stage everything is in large type.
 */
export function OpenItemList({
  items,
  stage,
  actions,
}: {
  readonly items: readonly OpenItemView[];
  readonly stage: boolean;
  readonly actions?: ItemActions;
}) {
  return (
    <>
      {items.map((item) => (
        <OpenItemRow key={item.id} item={item} stage={stage} actions={actions} />
      ))}
    </>
  );
}

function OpenItemRow({
  item,
  stage,
  actions,
}: {
  readonly item: OpenItemView;
  readonly stage: boolean;
  readonly actions?: ItemActions;
}) {
  const styles = useStyles();
  const locale = useLocale();
  const m = locale.messages.meeting;
  const [deciding, setDeciding] = useState(false);
  const [decision, setDecision] = useState('');
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string>();
  const big = stage ? styles.stageItem : undefined;
  const run = async (work: (a: ItemActions) => Promise<unknown>) => {
    if (!actions) return;
    setBusy(true);
    setFailure(undefined);
    try {
      await work(actions);
      actions.onChanged();
    } catch (error) {
      setFailure(describeError(asApiError(error), locale));
    } finally {
      setBusy(false);
    }
  };
  return (
    <li className={mergeClasses(styles.item, big)}>
      <div className={styles.row}>
        {item.keyResults.length > 0 && (
          <Text weight="semibold" className={big}>
            {item.keyResults.map((k) => k.title).join(', ')}:
          </Text>
        )}
        <Text className={big}>{item.text}</Text>
        <Text className={mergeClasses(styles.muted, stage && styles.stageMeta)}>
          {m.by(item.author.displayName)}
        </Text>
        {item.isNew && (
          <Badge
            appearance="tint"
            color="brand"
            size={stage ? 'extra-large' : 'medium'}
            {...(stage ? { className: styles.stageMeta } : {})}
          >
            {m.isNew}
          </Badge>
        )}
      </div>
      <Text className={mergeClasses(styles.muted, stage && styles.stageMeta)}>
        {m.since(item.createdWeek, item.ageWeeks)}
      </Text>
      {actions && !deciding && (
        <div className={styles.actions}>
          <Button
            size={stage ? 'large' : 'medium'}
            disabled={busy}
            onClick={() => void run((a) => a.api.resolveOpenItem(a.teamId, item.id))}
          >
            {m.resolve}
          </Button>
          <Button
            size={stage ? 'large' : 'medium'}
            disabled={busy}
            onClick={() => setDeciding(true)}
          >
            {m.recordDecision}
          </Button>
        </div>
      )}
      {actions && deciding && (
        <form
          className={styles.actions}
          onSubmit={(e) => {
            e.preventDefault();
            if (decision.trim())
              void run((a) => a.api.recordDecision(a.teamId, item.id, decision.trim()));
          }}
        >
          <Field label={m.decisionLabel} size={stage ? 'large' : 'medium'}>
            <Input
              value={decision}
              maxLength={1000}
              onChange={(_e, d) => setDecision(d.value)}
              autoFocus
            />
          </Field>
          <Button type="submit" appearance="primary" disabled={busy || !decision.trim()}>
            {m.saveDecision}
          </Button>
          <Button onClick={() => setDeciding(false)} disabled={busy}>
            {m.cancel}
          </Button>
        </form>
      )}
      {failure && <AlertMessage>{failure}</AlertMessage>}
    </li>
  );
}
