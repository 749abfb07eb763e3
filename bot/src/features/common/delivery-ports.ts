import type { Instant, IsoWeek, TeamId, TenantId, UserId } from '@bearing/core';
import type { Page, Versioned } from './ports';

/** What a delivery sends. */
export type DeliveryKind =
  | 'checkIn'
  | 'reminder'
  | 'snooze'
  | 'digest'
  /** A KPI breach episode opened: to the KPI owner (1:1) and to the team channel. */
  | 'kpiAlert'
  /** Still unacknowledged after the team's escalation delay: to the team channel. */
  | 'kpiEscalation'
  /** The episode closed: back in range. */
  | 'kpiRecovered'
  /** To each manager: who has missed check-ins for the team's number of weeks in a row. */
  | 'missedCheckIns'
  /** A manager's nudge: a friendly one-off card to one member (at most one a week). */
  | 'nudge'
  /** A reply the connector did not take during the turn (timeout, 5xx, 429): sent again later. */
  | 'reply';

/** Where a delivery job is in its life. */
export type DeliveryStatus = 'pending' | 'sent' | 'skipped' | 'failed';

/**
 * One proactive message to send, stored with a deterministic id (`cycle/week/user/kind`), so
 * planning the same week twice creates nothing new. Workers claim it with a lease (an
 * ETag-conditioned write); a crashed worker's lease simply expires.
 */
export interface DeliveryJob {
  readonly tenantId: TenantId;
  readonly teamId: TeamId;
  readonly id: string;
  readonly kind: DeliveryKind;
  /** Recipient (check-ins and reminders); digests go to the team channel. */
  readonly userId?: UserId;
  readonly cycleId: string;
  readonly week: IsoWeek;
  readonly dueAt: Instant;
  readonly status: DeliveryStatus;
  readonly attempts: number;
  /** Not before this instant (backoff, Retry-After). */
  readonly notBefore: Instant;
  readonly leaseOwner?: string;
  readonly leaseUntil?: Instant;
  readonly lastError?: string;
  readonly sentAt?: Instant;
  /** KPI alerts: which KPI and episode, and whether the card goes to the owner or the channel. */
  readonly kpiId?: string;
  readonly episodeId?: string;
  readonly audience?: 'owner' | 'channel';
  /** Nudges: the manager who asked (named on the card). */
  readonly nudgedBy?: string;
  /** Replies: the conversation the activity came from and the card the turn answered with. */
  readonly reply?: {
    readonly reference: Readonly<Record<string, unknown>>;
    readonly card: Readonly<Record<string, unknown>>;
  };
}

/** The deterministic id of a delivery. */
export const deliveryJobId = (
  cycleId: string,
  week: IsoWeek,
  recipient: string,
  kind: DeliveryKind,
) => `${cycleId}/${week}/${recipient}/${kind}`.replace(/\//g, ':');

/** Stores delivery jobs (one partition per team). */
export interface DeliveryJobStore {
  /** Creates the job; false when a job with that id already exists (planning is idempotent). */
  createJob(job: DeliveryJob): Promise<boolean>;
  getJob(
    tenantId: TenantId,
    teamId: TeamId,
    id: string,
  ): Promise<Versioned<DeliveryJob> | undefined>;
  /** Pending jobs of one team that are due and not leased by a live worker, oldest first. */
  listDueJobs(
    tenantId: TenantId,
    teamId: TeamId,
    now: Instant,
    limit: number,
  ): Promise<readonly Versioned<DeliveryJob>[]>;
  /**
   * Pending, due jobs of every team (one cross-partition query instead of one per team), at most
   * `limit`, in no particular order: a worker claims each with its ETag, so a stale row only costs
   * a failed claim.
   */
  listDueJobsAcrossTeams(now: Instant, limit: number): Promise<readonly Versioned<DeliveryJob>[]>;
  /** Replaces the job if the ETag still matches (throws StoreConflictError otherwise). */
  saveJob(job: DeliveryJob, etag: string): Promise<Versioned<DeliveryJob>>;
  /** Jobs of one team and week (team status, tests). */
  listJobsForWeek(
    tenantId: TenantId,
    teamId: TeamId,
    week: IsoWeek,
  ): Promise<readonly DeliveryJob[]>;
  /** Every team of every tenant that has a channel or members to deliver to (paged, cross-partition). */
  listAllTeams(continuationToken?: string): Promise<Page<{ tenantId: TenantId; teamId: TeamId }>>;
}

/** The deterministic id of a KPI alert: one per episode, kind and audience. */
export const kpiAlertJobId = (
  kpiId: string,
  episodeId: string,
  kind: DeliveryKind,
  audience: 'owner' | 'channel',
) => `kpi:${kpiId}:${episodeId}:${kind}:${audience}`.replace(/[/\\?#]/g, ':');

/** Where a card goes: an existing conversation, or a 1:1 chat to open from a team roster. */
export type DeliveryTarget =
  | { readonly kind: 'conversation'; readonly reference: Readonly<Record<string, unknown>> }
  | {
      readonly kind: 'newPersonalChat';
      readonly serviceUrl: string;
      readonly tenantId: TenantId;
      readonly botId: string;
      readonly teamsUserId: string;
    };

/** How a send ended, as the Bot Connector answered. */
export type SendOutcome =
  | { readonly kind: 'sent'; readonly createdReference?: Readonly<Record<string, unknown>> }
  | { readonly kind: 'retry'; readonly afterMs?: number; readonly reason: string }
  | { readonly kind: 'gone'; readonly reason: string }
  | { readonly kind: 'failed'; readonly reason: string };

/** Sends one proactive card to a stored conversation reference. */
export interface ProactiveSender {
  send(
    reference: Readonly<Record<string, unknown>>,
    card: Readonly<Record<string, unknown>>,
  ): Promise<SendOutcome>;
}
