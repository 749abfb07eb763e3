import type { Instant, TeamId, TenantId, UserId } from '../common/ids';

export type ObjectiveLevel = 'company' | 'team' | 'individual';
export type ObjectiveStatus = 'draft' | 'active' | 'closed' | 'archived';
export type KeyResultType = 'number' | 'percent' | 'currency' | 'boolean' | 'milestone';
export type Direction = 'increase' | 'decrease';
export type Confidence = 'onTrack' | 'atRisk' | 'offTrack';

/** An OKR cycle: a fiscal quarter or a whole fiscal year. Dates are calendar dates, `end` exclusive. */
export interface Cycle {
  /** e.g. `FY2027-Q2` for a quarter, `FY2027` for the fiscal year. */
  readonly id: string;
  readonly kind: 'quarter' | 'year';
  readonly name: string;
  /** First day, `YYYY-MM-DD`. */
  readonly start: string;
  /** First day after the cycle, `YYYY-MM-DD`. */
  readonly end: string;
  readonly fiscalYear: number;
  /** Set for quarters; absent for a fiscal year. */
  readonly quarter?: 1 | 2 | 3 | 4;
}

/** Where an imported item came from, kept as data (status, goal type, scores and weights as the source had them). */
export interface ImportOrigin {
  readonly system: 'vivaGoals';
  /** The item's id in the source system. */
  readonly id: string;
  readonly status?: string;
  readonly goalType?: string;
  readonly score?: number;
  /** Progress in percent as the source computed it (may exceed 100). */
  readonly progress?: number;
  /** Alignment weights in percent, by parent objective id. */
  readonly weights?: Readonly<Record<string, number>>;
  /** Set when no Bearing member matched the owner: the item is ownerless and flagged until assigned. */
  readonly unmatchedOwner?: string;
}

export interface Retrospective {
  readonly whatWorked: string;
  readonly whatDidNot: string;
}

export interface Objective {
  readonly tenantId: TenantId;
  readonly id: string;
  /** Owning team; `null` for company-level objectives. */
  readonly teamId: TeamId | null;
  readonly cycleId: string;
  readonly level: ObjectiveLevel;
  readonly title: string;
  readonly description?: string;
  readonly ownerId: UserId;
  /** Objectives above this one it aligns to (may be more than one). */
  readonly parentIds: readonly string[];
  readonly status: ObjectiveStatus;
  /** KPIs whose health this objective aims to restore or move (corrective OKR). */
  readonly kpiIds?: readonly string[];
  /** Set when the objective was carried over from a previous cycle. */
  readonly carriedFromId?: string;
  readonly score?: number;
  readonly retrospective?: Retrospective;
  /** Set on items imported from another tool. */
  readonly origin?: ImportOrigin;
  readonly createdAt: Instant;
  readonly updatedAt: Instant;
}

export interface KeyResult {
  readonly tenantId: TenantId;
  readonly id: string;
  /** Team of the objective; `null` for key results of company objectives. */
  readonly teamId: TeamId | null;
  readonly objectiveId: string;
  readonly cycleId: string;
  readonly title: string;
  readonly type: KeyResultType;
  /** Display unit (`%`, `days`, `points`…); for `currency` an ISO 4217 code such as `USD`. */
  readonly unit?: string;
  /** For boolean: 0 → 1. For milestone: 0 → number of milestones, current = milestones done. */
  readonly baseline: number;
  readonly target: number;
  readonly current: number;
  readonly direction: Direction;
  /** Ordered steps of a milestone key result. */
  readonly milestones?: readonly string[];
  readonly ownerId: UserId;
  readonly confidence: Confidence;
  readonly status: 'active' | 'archived';
  /** End-of-cycle score 0.0–1.0. */
  readonly score?: number;
  readonly lastCheckInAt?: Instant;
  /** Set on items imported from another tool. */
  readonly origin?: ImportOrigin;
  readonly createdAt: Instant;
  readonly updatedAt: Instant;
}
