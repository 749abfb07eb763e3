import type { CardElement } from './adaptive-card';

/** A number field: what it is for, the value it starts with, and what the user typed before. */
export interface NumberField {
  readonly id: string;
  readonly label: string;
  /** The stored value, shown when the user has typed nothing yet. */
  readonly current?: number;
  /** What the user typed, when the card comes back after a failed submit. */
  readonly entered?: string;
  readonly errorMessage: string;
}

/**
 * The input for a number. When the card comes back after a failed submit it shows what the user
 * typed, never the stored value: a number as a number field, and text that is not a number (a
 * decimal comma, a typo) as a text field holding that text, so the user fixes it rather than
 * retyping it. The submit handler reads both the same way.
 */
export function numberInput(field: NumberField): CardElement {
  const { id, label, current, entered, errorMessage } = field;
  const base = { id, label, isRequired: true, errorMessage };
  if (entered === undefined)
    return { type: 'Input.Number', ...base, ...(current !== undefined ? { value: current } : {}) };
  const typed = entered.trim();
  if (typed === '') return { type: 'Input.Number', ...base };
  if (Number.isFinite(Number(typed)))
    return { type: 'Input.Number', ...base, value: Number(typed) };
  return { type: 'Input.Text', ...base, value: entered, maxLength: 40 };
}
