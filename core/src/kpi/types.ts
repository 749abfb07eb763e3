import type { Instant, TeamId, TenantId, UserId } from '../common/ids';

export type KpiDirection = 'higherIsBetter' | 'lowerIsBetter' | 'withinRange';
export type UpdateFrequency = 'hourly' | 'daily' | 'weekly' | 'monthly' | 'quarterly';
export type KpiStatus = 'healthy' | 'warning' | 'breach' | 'stale' | 'noData';
export type KpiTrend = 'improving' | 'stable' | 'worsening';

/** Target range; an open side is `undefined` (e.g. CSAT ≥ 4.6 is `{ min: 4.6 }`). */
export interface TargetRange {
  readonly min?: number;
  readonly max?: number;
}

/** A KPI, defined like you would hand it to a new hire. */
export interface Kpi {
  readonly tenantId: TenantId;
  readonly id: string;
  readonly teamId: TeamId;
  readonly name: string;
  readonly description?: string;
  readonly formula: string;
  readonly dataSource: string;
  readonly updateFrequency: UpdateFrequency;
  readonly unit: string;
  readonly direction: KpiDirection;
  readonly target: TargetRange;
  /** Absolute margin inside each bounded edge of the target range that counts as "warning". */
  readonly warningMargin: number;
  readonly ownerId: UserId;
  /** Objectives this KPI is a guardrail for. */
  readonly guardsObjectiveIds: readonly string[];
  /** The objective that aims to move this KPI, if any. */
  readonly movedByObjectiveId?: string;
  readonly status: 'active' | 'archived';
  readonly lastReading?: { readonly value: number; readonly at: Instant };
  /** The current (or last) breach episode: one alert per episode, not per reading. */
  readonly episode?: KpiEpisode;
  readonly createdAt: Instant;
  readonly updatedAt: Instant;
}

/** A breach episode of a KPI, from the breach that opened it to the recovery that closed it. */
export interface KpiEpisode {
  /** Unique per KPI (the instant it opened); part of the alert job ids. */
  readonly id: string;
  readonly state: 'open' | 'closed';
  readonly openedAt: Instant;
  /** The value that opened it. */
  readonly openedValue: number;
  readonly closedAt?: Instant;
  readonly acknowledgedBy?: { readonly userId: UserId; readonly name: string };
  readonly acknowledgedAt?: Instant;
  /** Escalation and reminders wait until then. */
  readonly snoozedUntil?: Instant;
  /** The draft objective created from the alert ("Draft corrective OKR"), once. */
  readonly correctiveObjectiveId?: string;
}

/** A per-team API key for reading ingestion; only a hash of the secret is stored. */
export interface IngestionKey {
  readonly tenantId: TenantId;
  readonly teamId: TeamId;
  readonly id: string;
  readonly name: string;
  /** The first characters of the key, shown in listings so people can tell keys apart. */
  readonly prefix: string;
  /** SHA-256 of the secret part (hex). */
  readonly secretHash: string;
  readonly createdBy: UserId;
  readonly createdAt: Instant;
  readonly revokedAt?: Instant;
}

export interface KpiReading {
  readonly tenantId: TenantId;
  readonly kpiId: string;
  /** Client-supplied id (idempotency) or derived from the timestamp. */
  readonly id: string;
  readonly value: number;
  /** When the value was measured. */
  readonly at: Instant;
  readonly receivedAt: Instant;
  readonly source: 'api' | 'csv' | 'manual';
}

export interface KpiEvaluation {
  readonly status: KpiStatus;
  readonly trend: KpiTrend;
  /** True when consecutive worsening readings or a linear forecast point at a breach. */
  readonly trendingToBreach: boolean;
  /** When a linear forecast crosses out of range, if it does within the forecast horizon. */
  readonly forecastBreachAt?: Instant;
  readonly lastReading?: { readonly value: number; readonly at: Instant };
}
