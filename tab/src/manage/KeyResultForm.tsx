import { useState, type FormEvent } from 'react';
import { Field, Input, Select } from '@fluentui/react-components';
import type { KeyResultView, ObjectiveView, TeamViewResponse } from '@bearing/core';
import { parseNumber } from '../components/EditKeyResultDialog';
import { useSubmit } from '../hooks/useSubmit';
import { useLocale } from '../i18n/locale';
import { FormFooter } from './FormFooter';
import { OwnerField } from './OwnerField';
import { hintedState, keyResultHints, useFormStyles as useStyles } from './forms';

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
  const form = useSubmit({ fields: ['title', 'baseline', 'target', 'unit'] });
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
    if (!form.check(found) || b === undefined || t === undefined) return;
    await form.run(async () => {
      await save({
        title: title.trim(),
        type,
        baseline: b,
        target: t,
        ownerId,
        ...(unit.trim() && !isBoolean ? { unit: unit.trim() } : {}),
      });
      onDone(true);
    });
  }
  const { fieldState } = form;

  return (
    <form
      className={styles.form}
      onSubmit={submit}
      noValidate
      aria-label={m.addKeyResultLabel(objective.title)}
    >
      <Field label={m.keyResultTitle} required {...hintedState(form.errors.title, hints.title)}>
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
            <Field label={m.target} required {...hintedState(form.errors.target, hints.target)}>
              <Input inputMode="decimal" value={target} onChange={(_, d) => setTarget(d.value)} />
            </Field>
            <Field label={m.unit} {...fieldState('unit')}>
              <Input value={unit} onChange={(_, d) => setUnit(d.value)} />
            </Field>
          </>
        )}
        <OwnerField members={view.members} ownerId={ownerId} onChange={setOwnerId} />
      </div>
      <FormFooter error={form.formError} saving={form.saving} onCancel={() => onDone(false)} />
    </form>
  );
}
