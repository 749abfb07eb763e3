import { useState, type FormEvent } from 'react';
import {
  Button,
  Checkbox,
  Field,
  Input,
  MessageBar,
  MessageBarBody,
  Select,
  Textarea,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import type { KeyResultView, ObjectiveView, TeamViewResponse } from '@bearing/core';
import { asApiError } from '../api/errors';
import { parseNumber } from '../components/EditKeyResultDialog';
import { describeError } from '../components/describe-error';
import { useLocale } from '../i18n/locale';

const useStyles = makeStyles({
  form: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalM,
    padding: tokens.spacingHorizontalM,
    borderRadius: tokens.borderRadiusLarge,
    border: `${tokens.strokeWidthThick} solid ${tokens.colorBrandStroke1}`,
  },
  row: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalM },
  parents: { display: 'flex', flexDirection: 'column' },
});

/** What the objective form hands back; the view turns it into a create or an update. */
export interface ObjectiveDraft {
  readonly title: string;
  readonly description?: string;
  readonly ownerId: string;
  readonly parentIds: string[];
}

/** Lint hints shown as you type: advice, never a blocker (the server's lint has the last word). */
export function objectiveHints(
  draft: { title: string; parentIds: readonly string[] },
  m: { noParent: string; tooLong: string },
): string[] {
  return [
    ...(draft.parentIds.length === 0 ? [m.noParent] : []),
    ...(draft.title.length > 200 ? [m.tooLong] : []),
  ];
}

export function keyResultHints(
  draft: { title: string; baseline?: number; target?: number },
  m: { vague: string; baselineIsTarget: string },
): string[] {
  return [
    ...(draft.title.trim() && !/\d/.test(draft.title) ? [m.vague] : []),
    ...(draft.baseline !== undefined && draft.baseline === draft.target
      ? [m.baselineIsTarget]
      : []),
  ];
}

/** Create or edit an objective: title, description, owner and one or more alignment parents. */
export function ObjectiveForm({
  view,
  objective,
  save,
  onDone,
}: {
  readonly view: TeamViewResponse;
  readonly objective?: ObjectiveView;
  readonly save: (draft: ObjectiveDraft) => Promise<unknown>;
  readonly onDone: (saved: boolean) => void;
}) {
  const styles = useStyles();
  const locale = useLocale();
  const m = locale.messages.manage;
  const [title, setTitle] = useState(objective?.title ?? '');
  const [description, setDescription] = useState('');
  const [ownerId, setOwnerId] = useState(objective?.ownerId ?? view.members[0]?.userId ?? '');
  const [parentIds, setParentIds] = useState<string[]>(objective ? [...objective.parentIds] : []);
  const [titleError, setTitleError] = useState<string>();
  const [formError, setFormError] = useState<string>();
  const [saving, setSaving] = useState(false);
  const parents = [
    ...view.companyObjectives.map((c) => ({ id: c.id, title: c.title })),
    ...view.objectives
      .filter((o) => o.id !== objective?.id)
      .map((o) => ({ id: o.id, title: o.title })),
  ];
  const hints = objectiveHints({ title, parentIds }, m.lint);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!title.trim()) return setTitleError(m.required);
    setTitleError(undefined);
    setSaving(true);
    setFormError(undefined);
    try {
      await save({
        title: title.trim(),
        ...(description.trim() ? { description: description.trim() } : {}),
        ownerId,
        parentIds,
      });
      onDone(true);
    } catch (error) {
      setSaving(false);
      const e = asApiError(error);
      if (e.field === 'title') setTitleError(e.message);
      else setFormError(describeError(e, locale));
    }
  }

  return (
    <form
      className={styles.form}
      onSubmit={submit}
      noValidate
      aria-label={objective ? m.editObjective : m.newObjective}
    >
      <Field
        label={m.objectiveTitle}
        required
        validationMessage={titleError ?? hints.join(' ')}
        validationState={titleError ? 'error' : hints.length > 0 ? 'warning' : 'none'}
      >
        <Input
          value={title}
          onChange={(_, d) => {
            setTitle(d.value);
            setTitleError(undefined);
          }}
        />
      </Field>
      {!objective && (
        <Field label={m.description}>
          <Textarea value={description} onChange={(_, d) => setDescription(d.value)} />
        </Field>
      )}
      <Field label={m.owner}>
        <Select value={ownerId} onChange={(_, d) => setOwnerId(d.value)}>
          {view.members.map((u) => (
            <option key={u.userId} value={u.userId}>
              {u.displayName}
            </option>
          ))}
        </Select>
      </Field>
      <fieldset className={styles.parents}>
        <legend>{m.parents}</legend>
        {parents.map((p) => (
          <Checkbox
            key={p.id}
            label={p.title}
            checked={parentIds.includes(p.id)}
            onChange={(_, d) =>
              setParentIds((ids) => (d.checked ? [...ids, p.id] : ids.filter((i) => i !== p.id)))
            }
          />
        ))}
      </fieldset>
      <FormFooter error={formError} saving={saving} onCancel={() => onDone(false)} />
    </form>
  );
}

/** What the key result form hands back. */
export interface KeyResultDraft {
  readonly title: string;
  readonly type: KeyResultView['type'];
  readonly baseline: number;
  readonly target: number;
  readonly unit?: string;
  readonly ownerId: string;
}

const TYPES: readonly KeyResultView['type'][] = ['number', 'percent', 'currency', 'boolean'];

/** Adds a key result to an objective. */
export function KeyResultForm({
  view,
  objective,
  save,
  onDone,
}: {
  readonly view: TeamViewResponse;
  readonly objective: ObjectiveView;
  readonly save: (draft: KeyResultDraft) => Promise<unknown>;
  readonly onDone: (saved: boolean) => void;
}) {
  const styles = useStyles();
  const locale = useLocale();
  const m = locale.messages.manage;
  const [title, setTitle] = useState('');
  const [type, setType] = useState<KeyResultView['type']>('number');
  const [baseline, setBaseline] = useState('0');
  const [target, setTarget] = useState('');
  const [unit, setUnit] = useState('');
  const [ownerId, setOwnerId] = useState(objective.ownerId);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string>();
  const [saving, setSaving] = useState(false);
  const isBoolean = type === 'boolean';
  const b = isBoolean ? 0 : parseNumber(baseline);
  const t = isBoolean ? 1 : parseNumber(target);
  const hints = keyResultHints(
    {
      title,
      ...(b !== undefined ? { baseline: b } : {}),
      ...(t !== undefined ? { target: t } : {}),
    },
    m.lint,
  );

  async function submit(event: FormEvent) {
    event.preventDefault();
    const found: Record<string, string> = {
      ...(title.trim() ? {} : { title: m.required }),
      ...(b === undefined ? { baseline: locale.messages.edit.notANumber } : {}),
      ...(t === undefined
        ? { target: target.trim() ? locale.messages.edit.notANumber : m.required }
        : {}),
    };
    setErrors(found);
    if (Object.keys(found).length > 0 || b === undefined || t === undefined) return;
    setSaving(true);
    setFormError(undefined);
    try {
      await save({
        title: title.trim(),
        type,
        baseline: b,
        target: t,
        ownerId,
        ...(unit.trim() && !isBoolean ? { unit: unit.trim() } : {}),
      });
      onDone(true);
    } catch (error) {
      setSaving(false);
      const e = asApiError(error);
      if (e.field && ['title', 'baseline', 'target', 'unit'].includes(e.field))
        setErrors({ [e.field]: e.message });
      else setFormError(describeError(e, locale));
    }
  }
  const fieldState = (name: string) => ({
    validationMessage: errors[name],
    validationState: errors[name] ? ('error' as const) : ('none' as const),
  });

  return (
    <form
      className={styles.form}
      onSubmit={submit}
      noValidate
      aria-label={m.addKeyResultLabel(objective.title)}
    >
      <Field
        label={m.keyResultTitle}
        required
        validationMessage={errors.title ?? hints.join(' ')}
        validationState={errors.title ? 'error' : hints.length > 0 ? 'warning' : 'none'}
      >
        <Input value={title} onChange={(_, d) => setTitle(d.value)} />
      </Field>
      <div className={styles.row}>
        <Field label={m.type}>
          <Select value={type} onChange={(_, d) => setType(d.value as KeyResultView['type'])}>
            {TYPES.map((k) => (
              <option key={k} value={k}>
                {m.types[k]}
              </option>
            ))}
          </Select>
        </Field>
        {!isBoolean && (
          <>
            <Field label={m.baseline} {...fieldState('baseline')}>
              <Input
                inputMode="decimal"
                value={baseline}
                onChange={(_, d) => setBaseline(d.value)}
              />
            </Field>
            <Field label={m.target} required {...fieldState('target')}>
              <Input inputMode="decimal" value={target} onChange={(_, d) => setTarget(d.value)} />
            </Field>
            <Field label={m.unit} {...fieldState('unit')}>
              <Input value={unit} onChange={(_, d) => setUnit(d.value)} />
            </Field>
          </>
        )}
        <Field label={m.owner}>
          <Select value={ownerId} onChange={(_, d) => setOwnerId(d.value)}>
            {view.members.map((u) => (
              <option key={u.userId} value={u.userId}>
                {u.displayName}
              </option>
            ))}
          </Select>
        </Field>
      </div>
      <FormFooter error={formError} saving={saving} onCancel={() => onDone(false)} />
    </form>
  );
}

/** The error of a whole form (not of one field), then Save and Cancel. */
function FormFooter({
  error,
  saving,
  onCancel,
}: {
  readonly error: string | undefined;
  readonly saving: boolean;
  readonly onCancel: () => void;
}) {
  const styles = useStyles();
  const m = useLocale().messages.manage;
  return (
    <>
      {error && (
        <MessageBar intent="error" layout="multiline" role="alert">
          <MessageBarBody>{error}</MessageBarBody>
        </MessageBar>
      )}
      <div className={styles.row}>
        <Button type="submit" appearance="primary" disabled={saving}>
          {saving ? m.saving : m.save}
        </Button>
        <Button onClick={onCancel} disabled={saving}>
          {m.cancel}
        </Button>
      </div>
    </>
  );
}
