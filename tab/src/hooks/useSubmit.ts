import { useState } from 'react';
import { asApiError, type ApiRequestError } from '../api/errors';
import { describeError } from '../components/describe-error';
import { useLocale } from '../i18n/locale';

/** Messages per field name, shown under the field. */
export type FieldErrors = Record<string, string>;

export interface SubmitOptions {
  /**
   * The fields whose server errors are shown under the field; any other error shows for the whole
   * form. `'any'`: every field the server names.
   */
  readonly fields?: readonly string[] | 'any';
  /** Handles a server error first (a conflict, say); true when it did, so nothing else shows it. */
  readonly onError?: (error: ApiRequestError) => boolean | void;
}

/**
 * A form's status and errors: field errors found before sending (`check`), then the send itself
 * (`run`), whose failure shows under the field the server names or for the whole form.
 */
export function useSubmit({ fields = [], onError }: SubmitOptions = {}) {
  const locale = useLocale();
  const [errors, setErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<string>();
  const [status, setStatus] = useState<'idle' | 'saving' | 'saved'>('idle');

  /** Shows the errors found in the form (a new attempt: no longer "saved"); true when none. */
  const check = (found: FieldErrors): boolean => {
    setErrors(found);
    setStatus((s) => (s === 'saved' ? 'idle' : s));
    return Object.keys(found).length === 0;
  };

  /** Sends; `saved` once `send` resolves, otherwise its error is shown. */
  const run = async (send: () => Promise<unknown>): Promise<void> => {
    setStatus('saving');
    setFormError(undefined);
    try {
      await send();
      setStatus('saved');
    } catch (thrown) {
      setStatus('idle');
      const error = asApiError(thrown);
      if (onError?.(error)) return;
      const field = error.field;
      if (field && (fields === 'any' || fields.includes(field)))
        setErrors({ [field]: error.message });
      else setFormError(describeError(error, locale));
    }
  };

  /** The `Field` props that show a field's error. */
  const fieldState = (name: string) => ({
    validationMessage: errors[name],
    validationState: errors[name] ? ('error' as const) : ('none' as const),
  });

  return {
    errors,
    setErrors,
    formError,
    setFormError,
    saving: status === 'saving',
    saved: status === 'saved',
    check,
    run,
    fieldState,
  };
}
