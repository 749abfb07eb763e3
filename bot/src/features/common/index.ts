// What other folders use of the common feature (what every feature uses): import it from here, not from its files.
export { adaptiveCard, MAX_PRIMARY_ACTIONS, withOverflow } from './cards/adaptive-card';
export { numberInput } from './cards/number-input';
export type { AdaptiveCard, CardAction, CardElement } from './cards/adaptive-card';
export {
  buildHelpCard,
  buildMessageCard,
  buildMyOkrsCard,
  buildWelcomeCard,
} from './cards/info-cards';
export { percent, progressBar } from './cards/progress-bar';
export { MAX_REFRESH_USERS, refreshUserIds } from './cards/refresh';
export { PERSONAL_TAB_ENTITY_ID, tabLinker } from './cards/tab-link';
export type { TabLink, TabLocation } from './cards/tab-link';
export { escapeMarkdown, fieldError, heading, note, text } from './cards/text';
export { csvOf } from './csv';
export { EvaluationCoalescer } from './evaluation-coalescer';
export { resolveMemberContext } from './member-context';
export type { MemberContext, MemberContextStores } from './member-context';
export { StoreConflictError } from './ports';
export type {
  CheckInStore,
  KpiStore,
  OkrStore,
  OkrStores,
  OrganizationStore,
  Page,
  RecentReadOptions,
  TeamSnapshot,
  TeamStore,
  UserProfile,
  UserStore,
  Versioned,
  WriteOutcome,
} from './ports';
export {
  canManage,
  conflict,
  cycleOf,
  cycleRef,
  forbidden,
  invalid,
  notFound,
  requireMember,
  roleIn,
  teamNotFound,
  weekIn,
} from './team-scope';
export type { Caller } from './team-scope';
export { detectDelimiter, parseCsv } from './csv';
export type { CsvParseResult, CsvRecord, CsvTable } from './csv';
export { deliveryJobId, kpiAlertJobId } from './delivery-ports';
export type {
  DeliveryJob,
  DeliveryJobStore,
  DeliveryKind,
  DeliveryStatus,
  DeliveryTarget,
  ProactiveSender,
  SendOutcome,
} from './delivery-ports';
