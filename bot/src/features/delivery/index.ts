// What other folders use of the delivery feature: import it from here, not from its files.
export { DeliveryContentResolver } from './delivery-content';
export { DeliveryWorker } from './delivery-worker';
export { buildDigestCard, refreshUserIds } from './digest-card';
export type { DigestModel } from './digest-card';
export { digestViewFor } from './digest-view';
export { buildMissedCheckInsCard, buildNudgeCard } from './escalation-card';
export type { MissedMember } from './escalation-card';
export { missedCheckIns, missedWeeksSetting, nudgeMember } from './missed-check-ins';
export { planTeamWeek, replanTeamWeek, sendCheckInsNow } from './planner';
export type { PlannerStores, SendNowResult } from './planner';
export { deliveryJobId, kpiAlertJobId } from '../common';
export type {
  DeliveryJob,
  DeliveryJobStore,
  DeliveryKind,
  DeliveryTarget,
  ProactiveSender,
  SendOutcome,
} from '../common';
export { SendRateLimiter, TEAMS_CONVERSATION_LIMITS, teamsTenantLimits } from './rate-limiter';
export { Scheduler } from './scheduler';
