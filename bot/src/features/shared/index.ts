// What other folders use of the shared feature: import it from here, not from its files.
export { adaptiveCard } from './cards/adaptive-card';
export type { AdaptiveCard, CardAction, CardElement } from './cards/adaptive-card';
export {
  buildHelpCard,
  buildMessageCard,
  buildMyOkrsCard,
  buildWelcomeCard,
} from './cards/info-cards';
export { percent, progressBar } from './cards/progress-bar';
export { MAX_REFRESH_USERS, refreshUserIds } from './cards/refresh';
export { escapeMarkdown, fieldError, heading, note, text } from './cards/text';
export { EvaluationCoalescer } from './evaluation-coalescer';
export { resolveMemberContext } from './member-context';
export type { MemberContext, MemberContextStores } from './member-context';
export { StoreConflictError } from './ports';
export type {
  CheckInStore,
  KpiStore,
  OkrStore,
  OrganizationStore,
  Page,
  RecentReadOptions,
  TeamSnapshot,
  TeamStore,
  UserProfile,
  UserStore,
  Versioned,
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
