import { useId, useState, type FormEvent } from 'react';
import { Checkbox, Field, Input, Textarea } from '@fluentui/react-components';
import type { ObjectiveView, TeamViewResponse } from '@bearing/core';
import { useSubmit } from '../hooks/useSubmit';
import { useLocale } from '../i18n/locale';
import { FormFooter } from './FormFooter';
import { OwnerField } from './OwnerField';
import { hintedState, objectiveHints, useFormStyles as useStyles } from './forms';

/** What the objective form hands back; the view turns it into a create or an update. */
export interface ObjectiveDraft {
  readonly title: string;
  readonly description?: string;
  readonly ownerId: string;
  readonly parentIds: string[];
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
  const form = useSubmit({ fields: ['title'] });
  const parents = [
    ...view.companyObjectives.map((c) => ({ id: c.id, title: c.title })),
    ...view.objectives
      .filter((o) => o.id !== objective?.id)
      .map((o) => ({ id: o.id, title: o.title })),
  ];
  const hints = objectiveHints({ title, parentIds }, m.lint);
  const parentsHintId = useId();

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!form.check(title.trim() ? {} : { title: m.required })) return;
    await form.run(async () => {
      await save({
        title: title.trim(),
        ...(description.trim() ? { description: description.trim() } : {}),
        ownerId,
        parentIds,
      });
      onDone(true);
    });
  }

  return (
    <form
      className={styles.form}
      onSubmit={submit}
      noValidate
      aria-label={objective ? m.editObjective : m.newObjective}
    >
      <Field label={m.objectiveTitle} required {...hintedState(form.errors.title, hints.title)}>
        <Input
          value={title}
          onChange={(_, d) => {
            setTitle(d.value);
            form.setErrors({});
          }}
        />
      </Field>
      {!objective && (
        <Field label={m.description}>
          <Textarea value={description} onChange={(_, d) => setDescription(d.value)} />
        </Field>
      )}
      <OwnerField members={view.members} ownerId={ownerId} onChange={setOwnerId} />
      <fieldset
        className={styles.parents}
        {...(hints.parents ? { 'aria-describedby': parentsHintId } : {})}
      >
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
        {hints.parents && (
          <span id={parentsHintId} className={styles.hint}>
            {hints.parents}
          </span>
        )}
      </fieldset>
      <FormFooter error={form.formError} saving={form.saving} onCancel={() => onDone(false)} />
    </form>
  );
}
