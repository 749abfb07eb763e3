/** The longest title the API accepts (see `title` in api/primitives). */
export const TITLE_MAX_LENGTH = 200;

/** A hint for an objective as it is typed: advice, never a blocker (the full lint has the last word). */
export type ObjectiveDraftHint = 'noParent' | 'tooLong';

/** A hint for a key result as it is typed. */
export type KeyResultDraftHint = 'vague' | 'baselineIsTarget';

/** An objective that supports no parent shows as not aligned; a title over the limit is refused. */
export function objectiveDraftHints(draft: {
  readonly title: string;
  readonly parentIds: readonly string[];
}): ObjectiveDraftHint[] {
  return [
    ...(draft.parentIds.length === 0 ? (['noParent'] as const) : []),
    ...(draft.title.length > TITLE_MAX_LENGTH ? (['tooLong'] as const) : []),
  ];
}

/** A title without a number says no "how much"; a baseline equal to the target leaves nothing to do. */
export function keyResultDraftHints(draft: {
  readonly title: string;
  readonly baseline?: number;
  readonly target?: number;
}): KeyResultDraftHint[] {
  return [
    ...(draft.title.trim() && !/\d/.test(draft.title) ? (['vague'] as const) : []),
    ...(draft.baseline !== undefined && draft.baseline === draft.target
      ? (['baselineIsTarget'] as const)
      : []),
  ];
}
