/** Verbs of every `Action.Execute` the cards send; one handler per verb on the server. */
export const CARD_VERBS = {
  checkInSubmit: 'checkin.submit',
  checkInNothingChanged: 'checkin.nothingChanged',
  checkInSnooze: 'checkin.snooze',
  checkInEdit: 'checkin.edit',
  checkInOpen: 'checkin.open',
  kpiAcknowledge: 'kpi.acknowledge',
  kpiSnooze: 'kpi.snooze',
  kpiDraftCorrectiveOkr: 'kpi.draftCorrectiveOkr',
  kpiManualReading: 'kpi.manualReading',
  refresh: 'card.refresh',
  openItemWithdraw: 'item.withdraw',
  openItemUpdate: 'item.update',
  nudge: 'checkin.nudge',
} as const;

export type CardVerb = (typeof CARD_VERBS)[keyof typeof CARD_VERBS];

/** Input ids of the check-in card (the parser and the card builder share them). */
export const CHECKIN_INPUTS = {
  value: (keyResultId: string) => `kr.${keyResultId}.value`,
  confidence: (keyResultId: string) => `kr.${keyResultId}.confidence`,
  whatChanged: 'whatChanged',
  blockers: 'blockers',
  decisionNeeded: 'decisionNeeded',
} as const;

/** Input id of an open item's new text on the check-in card (one per item). */
export const OPEN_ITEM_TEXT_INPUT = (itemId: string) => `item.${itemId}.text`;

/** Input id of the manual KPI reading card. */
export const KPI_READING_INPUT = 'reading.value';
