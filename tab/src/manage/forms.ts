// By path, not through '@bearing/core': its index brings the zod contracts into the bundle.
import {
  keyResultDraftHints,
  objectiveDraftHints,
  type KeyResultDraftHint,
  type ObjectiveDraftHint,
} from '../../../core/src/lint/draft';
import { makeStyles, tokens } from '@fluentui/react-components';

/** The objective and key result forms' styles. */
export const useFormStyles = makeStyles({
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
  hint: { color: tokens.colorNeutralForeground2, fontSize: tokens.fontSizeBase200 },
});

/** Which field each lint hint is about: it is shown under that field. */
const HINT_FIELD = {
  noParent: 'parents',
  tooLong: 'title',
  vague: 'title',
  baselineIsTarget: 'target',
} as const satisfies Record<ObjectiveDraftHint | KeyResultDraftHint, string>;
export type HintField = (typeof HINT_FIELD)[keyof typeof HINT_FIELD];

function byField<H extends keyof typeof HINT_FIELD>(
  hints: readonly H[],
  m: Readonly<Record<H, string>>,
): Partial<Record<HintField, string>> {
  const found: Partial<Record<HintField, string>> = {};
  for (const h of hints) {
    const field = HINT_FIELD[h];
    found[field] = found[field] ? `${found[field]} ${m[h]}` : m[h];
  }
  return found;
}

/**
 * Lint hints shown as you type (core's draft rules), by the field they are about: advice, never a
 * blocker, and nothing before a title is typed.
 */
export function objectiveHints(
  draft: { title: string; parentIds: readonly string[] },
  m: Readonly<Record<ObjectiveDraftHint, string>>,
): Partial<Record<HintField, string>> {
  return draft.title.trim() ? byField(objectiveDraftHints(draft), m) : {};
}

export function keyResultHints(
  draft: { title: string; baseline?: number; target?: number },
  m: Readonly<Record<KeyResultDraftHint, string>>,
): Partial<Record<HintField, string>> {
  return draft.title.trim() ? byField(keyResultDraftHints(draft), m) : {};
}

/**
 * The `Field` props of a field: its error as an error message (announced), else its lint hint as
 * the field's hint (read with the field, not announced as an alert).
 */
export function hintedState(error: string | undefined, hint: string | undefined) {
  return {
    validationMessage: error,
    validationState: error ? ('error' as const) : ('none' as const),
    ...(hint && !error ? { hint } : {}),
  };
}
