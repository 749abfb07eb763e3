// What other folders use of the check-in feature: import it from here, not from its files.
export { buildCheckInCard } from './check-in-card';
export type { CheckInCardModel } from './check-in-card';
export {
  checkInCardFor,
  contextOrMessage,
  handleCheckInSubmit,
  myOkrsCard,
  unsavedCheckInCard,
} from './check-in-views';
export type { CheckInDeps } from './check-in-views';
export { guardrailNotes, memberCheckInCard } from './member-check-in-card';
export type { GuardrailNotes } from './member-check-in-card';
export { snoozeCheckIn } from './snooze-check-in';
export { submitCheckIn } from './submit-check-in';
export { buildCheckInSummaryCard } from './summary-card';
