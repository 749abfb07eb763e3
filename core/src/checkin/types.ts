import type { Instant, IsoWeek, TeamId, TenantId, UserId } from '../common/ids';
import type { Confidence } from '../okr/types';

export interface KeyResultUpdate {
  readonly keyResultId: string;
  readonly previousValue: number;
  readonly value: number;
  readonly confidence: Confidence;
}

/** One member's weekly check-in for one team (at most one per user, team and ISO week). */
export interface CheckIn {
  readonly tenantId: TenantId;
  readonly teamId: TeamId;
  readonly userId: UserId;
  readonly cycleId: string;
  readonly week: IsoWeek;
  readonly updates: readonly KeyResultUpdate[];
  readonly nothingChanged: boolean;
  readonly whatChanged?: string;
  readonly blockers?: string;
  readonly decisionNeeded?: string;
  /** Client-visible idempotency key of the submission that produced this version. */
  readonly submissionId: string;
  readonly submittedAt: Instant;
  readonly updatedAt: Instant;
}

/** Length limits for free text in check-ins (cards and tab). */
export const CHECKIN_TEXT_MAX = 1000;
