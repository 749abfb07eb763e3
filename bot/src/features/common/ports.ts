import type {
  IngestionKey,
  CheckIn,
  IsoWeek,
  KeyResult,
  Kpi,
  KpiReading,
  Objective,
  Organization,
  Team,
  TeamId,
  TeamMember,
  TenantId,
  UserId,
} from '@bearing/core';

/**
 * Ports the use cases own. `bot/src/store/` implements them on Cosmos DB; tests may pass fakes.
 * Every method is scoped by tenant: an id from one tenant never resolves in another.
 */

/** A stored value with the ETag to use for the next conditional write. */
export interface Versioned<T> {
  readonly value: T;
  readonly etag: string;
}

/** What a write of several did with one record: stored (new ETag) or not (`conflict`: its own
 * condition failed, it exists or changed since read; otherwise it did not run). */
export type WriteOutcome =
  | { readonly written: true; readonly etag: string }
  | { readonly written: false; readonly conflict: boolean };

/** One page of a listing; pass `continuationToken` back to get the next page. */
export interface Page<T> {
  readonly items: readonly T[];
  readonly continuationToken?: string;
}

/** Thrown when a conditional write loses a race (stale ETag, or create of an existing id). */
export class StoreConflictError extends Error {
  readonly code = 'STORE.CONFLICT';
  constructor(
    readonly entity: string,
    readonly id: string,
    readonly reason: 'staleEtag' | 'alreadyExists',
  ) {
    super(`${entity} ${id} was changed by someone else (${reason})`);
    this.name = 'StoreConflictError';
  }
}

/** The user's own profile: where and how to reach them. */
export interface UserProfile {
  readonly tenantId: TenantId;
  readonly userId: UserId;
  readonly displayName: string;
  /** Teams the user is a member of (denormalised from TeamMember for "my OKRs"). */
  readonly teamIds: readonly TeamId[];
  readonly timeZone?: string;
  readonly locale?: string;
  /** Opaque Bot Framework conversation reference for the 1:1 chat (serialised by bot/src/teams). */
  readonly conversationReference?: Readonly<Record<string, unknown>>;
  /** The user's Teams channel account id (`29:…`), to open a 1:1 chat from a team roster. */
  readonly teamsUserId?: string;
  readonly updatedAt: string;
}

/** Everything the team view needs, read with single-partition operations. */
export interface TeamSnapshot {
  readonly team: Versioned<Team>;
  readonly members: readonly TeamMember[];
  readonly objectives: readonly Versioned<Objective>[];
  readonly keyResults: readonly Versioned<KeyResult>[];
  readonly kpis: readonly Versioned<Kpi>[];
  /** Check-ins of the requested ISO weeks. */
  readonly checkIns: readonly Versioned<CheckIn>[];
}

/** How old a copy of a rarely changing document a read accepts (see DocumentCollection.readRecent). */
export interface RecentReadOptions {
  /** A copy this instance confirmed within this many ms is good enough; 0 or absent: a fresh read. */
  readonly maxAgeMs?: number;
}

export interface OrganizationStore {
  getOrganization(
    tenantId: TenantId,
    options?: RecentReadOptions,
  ): Promise<Versioned<Organization> | undefined>;
  /** Creates when `etag` is omitted (conflict if it exists), else replaces if the ETag matches. */
  saveOrganization(org: Organization, etag?: string): Promise<Versioned<Organization>>;
}

export interface TeamStore {
  getTeam(
    tenantId: TenantId,
    teamId: TeamId,
    options?: RecentReadOptions,
  ): Promise<Versioned<Team> | undefined>;
  saveTeam(team: Team, etag?: string): Promise<Versioned<Team>>;
  /** All teams of a tenant (tenant-scoped cross-partition query; not on a hot path). */
  listTeams(tenantId: TenantId, continuationToken?: string): Promise<Page<Team>>;
  getMember(
    tenantId: TenantId,
    teamId: TeamId,
    userId: UserId,
  ): Promise<Versioned<TeamMember> | undefined>;
  saveMember(member: TeamMember, etag?: string): Promise<Versioned<TeamMember>>;
  listMembers(tenantId: TenantId, teamId: TeamId): Promise<readonly TeamMember[]>;
  /** The members with their ETags (role changes name the version they change). */
  listMemberVersions(tenantId: TenantId, teamId: TeamId): Promise<readonly Versioned<TeamMember>[]>;
  /**
   * One single-partition query for the team, its members, the OKRs of the cycles (a view's
   * `cycleScope`), KPIs and the weeks' check-ins.
   */
  loadTeamSnapshot(
    tenantId: TenantId,
    teamId: TeamId,
    cycleIds: readonly string[],
    weeks: readonly IsoWeek[],
  ): Promise<TeamSnapshot | undefined>;
}

export interface OkrStore {
  getObjective(
    tenantId: TenantId,
    teamId: TeamId | null,
    id: string,
  ): Promise<Versioned<Objective> | undefined>;
  saveObjective(objective: Objective, etag?: string): Promise<Versioned<Objective>>;
  /** Objectives of a team (or of the company when `teamId` is null) in the cycles (one query). */
  listObjectives(
    tenantId: TenantId,
    teamId: TeamId | null,
    cycleIds: readonly string[],
  ): Promise<readonly Versioned<Objective>[]>;
  /** All objectives of a tenant in the cycles, across teams (org alignment view; not a hot path). */
  listTenantObjectives(
    tenantId: TenantId,
    cycleIds: readonly string[],
    continuationToken?: string,
  ): Promise<Page<Objective>>;
  getKeyResult(
    tenantId: TenantId,
    teamId: TeamId | null,
    id: string,
  ): Promise<Versioned<KeyResult> | undefined>;
  /** Key results of one team by id, in one round trip; `undefined` for a missing one. */
  getKeyResults(
    tenantId: TenantId,
    teamId: TeamId,
    ids: readonly string[],
  ): Promise<(Versioned<KeyResult> | undefined)[]>;
  saveKeyResult(keyResult: KeyResult, etag?: string): Promise<Versioned<KeyResult>>;
  listKeyResults(
    tenantId: TenantId,
    teamId: TeamId | null,
    cycleIds: readonly string[],
  ): Promise<readonly Versioned<KeyResult>[]>;
  /** The key results a user owns in a team's cycles (check-in card). */
  listKeyResultsOwnedBy(
    tenantId: TenantId,
    teamId: TeamId,
    cycleIds: readonly string[],
    ownerId: UserId,
  ): Promise<readonly Versioned<KeyResult>[]>;
}

export interface CheckInStore {
  getCheckIn(
    tenantId: TenantId,
    teamId: TeamId,
    userId: UserId,
    week: IsoWeek,
  ): Promise<Versioned<CheckIn> | undefined>;
  saveCheckIn(checkIn: CheckIn, etag?: string): Promise<Versioned<CheckIn>>;
  /**
   * The check-in and its team's key results in one round trip, each conditional like saveCheckIn
   * and saveKeyResult. All or nothing on Cosmos DB; the embedded store writes in order and stops at
   * the first failure. The outcome of each says whether it is stored.
   */
  saveCheckInWithKeyResults(
    checkIn: CheckIn,
    etag: string | undefined,
    keyResults: readonly Versioned<KeyResult>[],
  ): Promise<{ readonly checkIn: WriteOutcome; readonly keyResults: readonly WriteOutcome[] }>;
  listCheckInsForWeek(
    tenantId: TenantId,
    teamId: TeamId,
    week: IsoWeek,
  ): Promise<readonly Versioned<CheckIn>[]>;
  /** A user's check-ins in a team, newest first, paged. */
  listCheckInsForUser(
    tenantId: TenantId,
    teamId: TeamId,
    userId: UserId,
    continuationToken?: string,
  ): Promise<Page<CheckIn>>;
}

export interface KpiStore {
  getKpi(tenantId: TenantId, teamId: TeamId, id: string): Promise<Versioned<Kpi> | undefined>;
  saveKpi(kpi: Kpi, etag?: string): Promise<Versioned<Kpi>>;
  listKpis(tenantId: TenantId, teamId: TeamId): Promise<readonly Versioned<Kpi>[]>;
  /** Idempotent on (tenantId, kpiId, reading.id): returns false when that reading was already stored. */
  addReading(reading: KpiReading): Promise<boolean>;
  /** The reading stored under `id` (a point read). */
  getReading(tenantId: TenantId, kpiId: string, id: string): Promise<KpiReading | undefined>;
  /** Readings of a KPI measured at or after `since`, oldest first, at most `limit`. */
  listReadings(
    tenantId: TenantId,
    kpiId: string,
    since: string,
    limit: number,
  ): Promise<readonly KpiReading[]>;
  getIngestionKey(
    tenantId: TenantId,
    teamId: TeamId,
    id: string,
  ): Promise<Versioned<IngestionKey> | undefined>;
  saveIngestionKey(key: IngestionKey, etag?: string): Promise<Versioned<IngestionKey>>;
  listIngestionKeys(tenantId: TenantId, teamId: TeamId): Promise<readonly IngestionKey[]>;
}

export interface UserStore {
  getUser(tenantId: TenantId, userId: UserId): Promise<Versioned<UserProfile> | undefined>;
  saveUser(user: UserProfile, etag?: string): Promise<Versioned<UserProfile>>;
}

/** The stores OKRs are read and written with: objectives, key results and their checks. */
export interface OkrStores {
  readonly teams: TeamStore;
  readonly okrs: OkrStore;
  readonly kpis: KpiStore;
  readonly organizations: OrganizationStore;
}
