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
});

/** Lint hints shown as you type (core's draft rules): advice, never a blocker. */
export function objectiveHints(
  draft: { title: string; parentIds: readonly string[] },
  m: Readonly<Record<ObjectiveDraftHint, string>>,
): string[] {
  return objectiveDraftHints(draft).map((hint) => m[hint]);
}

export function keyResultHints(
  draft: { title: string; baseline?: number; target?: number },
  m: Readonly<Record<KeyResultDraftHint, string>>,
): string[] {
  return keyResultDraftHints(draft).map((hint) => m[hint]);
}

/** The `Field` props of a title: its error, else the lint hints as a warning. */
export function titleState(error: string | undefined, hints: readonly string[]) {
  return {
    validationMessage: error ?? hints.join(' '),
    validationState: error
      ? ('error' as const)
      : hints.length > 0
        ? ('warning' as const)
        : ('none' as const),
  };
}
