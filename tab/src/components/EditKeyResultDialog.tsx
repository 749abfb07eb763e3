import { useEffect, useRef, useState, type FormEvent } from 'react';
import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Field,
  Input,
  Radio,
  RadioGroup,
  Text,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { AlertMessage } from './StatusStates';
import type { KeyResultView } from '@bearing/core';
import type { KeyResultChanges } from '../api/client';
import { useSubmit } from '../hooks/useSubmit';
import { useLocale, type Locale } from '../i18n/locale';

type Confidence = KeyResultView['confidence'];
type FieldName = 'target' | 'current' | 'confidence';
const FIELDS: readonly FieldName[] = ['target', 'current', 'confidence'];

const CONFIDENCES: readonly Confidence[] = ['onTrack', 'atRisk', 'offTrack'];
// Boolean and milestone key results have fixed scales, so their target is not editable.
const FIXED_TARGET: ReadonlySet<KeyResultView['type']> = new Set(['boolean', 'milestone']);
const NUMBER = /^[-+]?(\d+([.,]\d*)?|[.,]\d+)([eE][-+]?\d+)?$/;

const useStyles = makeStyles({
  surface: { maxWidth: 'min(480px, calc(100vw - 32px))' },
  content: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  subtitle: { color: tokens.colorNeutralForeground2, overflowWrap: 'anywhere' },
});

export interface EditKeyResultDialogProps {
  /** The latest version of the key result being edited; undefined closes the dialog. */
  readonly keyResult: KeyResultView | undefined;
  /** True after a 409: the form shows the latest values and says why. */
  readonly conflict: boolean;
  readonly save: (keyResultId: string, changes: KeyResultChanges) => Promise<KeyResultView>;
  readonly onSaved: (keyResult: KeyResultView) => void;
  readonly onConflict: () => void;
  readonly onClose: () => void;
}

/** Edits a key result's target, current value and confidence (owners and managers). */
export function EditKeyResultDialog(props: EditKeyResultDialogProps) {
  const styles = useStyles();
  return (
    <Dialog open={props.keyResult !== undefined} onOpenChange={(_, d) => d.open || props.onClose()}>
      <DialogSurface className={styles.surface}>
        {/* Keyed by etag: when the latest version arrives after a conflict, the form restarts from it. */}
        {props.keyResult && (
          <KeyResultForm key={props.keyResult.etag} {...props} keyResult={props.keyResult} />
        )}
      </DialogSurface>
    </Dialog>
  );
}

/** Parses a number as people type it (`8.5`, `8,5`, `-3`); undefined when it is not one. */
export function parseNumber(text: string): number | undefined {
  const trimmed = text.trim();
  if (!NUMBER.test(trimmed)) return undefined;
  const value = Number(trimmed.replace(',', '.'));
  return Number.isFinite(value) ? value : undefined;
}

function validateNumber(text: string, locale: Locale): string | number {
  if (text.trim() === '') return locale.messages.edit.required;
  return parseNumber(text) ?? locale.messages.edit.notANumber;
}

function KeyResultForm({
  keyResult: kr,
  conflict,
  save,
  onSaved,
  onConflict,
  onClose,
}: EditKeyResultDialogProps & { readonly keyResult: KeyResultView }) {
  const styles = useStyles();
  const locale = useLocale();
  const m = locale.messages.edit;
  const [target, setTarget] = useState(String(kr.target));
  const [current, setCurrent] = useState(String(kr.current));
  const [confidence, setConfidence] = useState<Confidence>(kr.confidence);
  const form = useSubmit({
    onError: (error) => {
      if (error.code === 'STORE.CONFLICT') return (onConflict(), true);
      const field = error.field as FieldName | undefined;
      if (error.code !== 'VALIDATION.FAILED' || !field || !FIELDS.includes(field)) return false;
      const prefix = `${field}: `;
      const text = error.message.startsWith(prefix)
        ? error.message.slice(prefix.length)
        : error.message;
      form.setErrors({ [field]: text });
      (field === 'target' ? targetInput : currentInput).current?.focus();
      return true;
    },
  });
  const { errors, formError, saving } = form;
  const targetFixed = FIXED_TARGET.has(kr.type);
  const targetInput = useRef<HTMLInputElement>(null);
  const currentInput = useRef<HTMLInputElement>(null);
  // After a conflict the form restarts with the latest values; put the keyboard where work resumes.
  useEffect(() => {
    if (conflict) currentInput.current?.focus();
  }, [conflict]);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const targetValue = targetFixed ? kr.target : validateNumber(target, locale);
    const currentValue = validateNumber(current, locale);
    const found: Partial<Record<FieldName, string>> = {
      ...(typeof targetValue === 'string' ? { target: targetValue } : {}),
      ...(typeof currentValue === 'string' ? { current: currentValue } : {}),
    };
    form.check(found);
    form.setFormError(undefined);
    if (found.target) return targetInput.current?.focus();
    if (found.current) return currentInput.current?.focus();
    if (typeof targetValue === 'string' || typeof currentValue === 'string') return;
    // Only what changed is sent, so a save never rewrites a field nobody touched.
    const changes: KeyResultChanges = {
      etag: kr.etag,
      ...(targetValue !== kr.target ? { target: targetValue } : {}),
      ...(currentValue !== kr.current ? { current: currentValue } : {}),
      ...(confidence !== kr.confidence ? { confidence } : {}),
    };
    if (Object.keys(changes).length === 1) return onClose();
    await form.run(async () => onSaved(await save(kr.id, changes)));
  }

  const unit = kr.unit ? <Text size={200}>{kr.unit}</Text> : undefined;
  return (
    <form onSubmit={submit} noValidate>
      <DialogBody>
        <DialogTitle>{m.title}</DialogTitle>
        <DialogContent className={styles.content}>
          <Text className={styles.subtitle}>{kr.title}</Text>
          {conflict && <AlertMessage intent="warning">{m.conflict}</AlertMessage>}
          {formError && <AlertMessage>{formError}</AlertMessage>}
          <Field
            label={m.target}
            required={!targetFixed}
            validationMessage={errors.target ?? (targetFixed ? m.fixedTarget : undefined)}
            validationState={errors.target ? 'error' : 'none'}
          >
            <Input
              ref={targetInput}
              value={target}
              inputMode="decimal"
              readOnly={targetFixed}
              onChange={(_, d) => setTarget(d.value)}
              contentAfter={unit}
            />
          </Field>
          <Field
            label={m.current}
            required
            validationMessage={errors.current}
            validationState={errors.current ? 'error' : 'none'}
          >
            <Input
              ref={currentInput}
              value={current}
              inputMode="decimal"
              onChange={(_, d) => setCurrent(d.value)}
              contentAfter={unit}
            />
          </Field>
          <Field
            label={m.confidence}
            validationMessage={errors.confidence}
            validationState={errors.confidence ? 'error' : 'none'}
          >
            <RadioGroup
              value={confidence}
              onChange={(_, d) => setConfidence(d.value as Confidence)}
            >
              {CONFIDENCES.map((c) => (
                <Radio key={c} value={c} label={locale.messages.confidence[c]} />
              ))}
            </RadioGroup>
          </Field>
        </DialogContent>
        <DialogActions>
          <Button appearance="secondary" onClick={onClose} disabled={saving}>
            {m.cancel}
          </Button>
          <Button appearance="primary" type="submit" disabled={saving}>
            {saving ? m.saving : m.save}
          </Button>
        </DialogActions>
      </DialogBody>
    </form>
  );
}
