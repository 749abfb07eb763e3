import { adaptiveCard, type AdaptiveCard, text } from '../common';

const UNSAVED = {
  message:
    'Your check-in may not have been saved: something went wrong on our side. Please try again; ' +
    'submitting the same check-in twice records it only once.',
  retry: 'Try again',
};

/**
 * When a submit failed after it may have written (the store timed out or failed past its retries):
 * says so, and offers "Try again" that resubmits exactly what the user sent. The submission id
 * makes the resubmission idempotent, so it never records the check-in twice.
 */
export function unsavedCheckInCard(verb: string, data: Record<string, unknown>): AdaptiveCard {
  return adaptiveCard(
    [text(UNSAVED.message, { color: 'attention', weight: 'bolder' })],
    [{ type: 'Action.Execute', title: UNSAVED.retry, verb, data, associatedInputs: 'none' }],
    { fallbackText: UNSAVED.message },
  );
}
