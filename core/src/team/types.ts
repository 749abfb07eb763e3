import type { Instant, TeamId, TenantId, UserId } from '../common/ids';

/** ISO weekday: 1 = Monday … 7 = Sunday. */
export type Weekday = 1 | 2 | 3 | 4 | 5 | 6 | 7;

/** Local wall-clock time `HH:MM` (24 h). */
export type LocalTime = string;

/** The organisation (one per tenant). */
export interface Organization {
  readonly tenantId: TenantId;
  readonly name: string;
  /** First month (1–12) of the fiscal year; quarters follow it. */
  readonly fiscalStartMonth: number;
  /** IANA time zone used when neither the member nor the team has one. */
  readonly defaultTimeZone: string;
  readonly createdAt: Instant;
  readonly updatedAt: Instant;
}

/** When and how a team checks in. */
export interface TeamSettings {
  readonly checkInDay: Weekday;
  readonly checkInTime: LocalTime;
  /** Team default time zone (IANA) for members whose own zone is unknown. */
  readonly timeZone: string;
  /** Minutes after the check-in instant when one reminder goes out (default 1 day). */
  readonly reminderOffsetMinutes: number;
  readonly digestDay: Weekday;
  readonly digestTime: LocalTime;
  /** Minutes an open KPI breach may stay unacknowledged before the channel is told again. */
  readonly kpiEscalationMinutes?: number;
  /** Consecutive missed check-in weeks after which managers are told (0: never). */
  readonly missedCheckInWeeks?: number;
}

/** Default: managers hear about a member after two missed weeks in a row. */
export const DEFAULT_MISSED_CHECK_IN_WEEKS = 2;

/** Default escalation delay of an unacknowledged KPI breach. */
export const DEFAULT_KPI_ESCALATION_MINUTES = 24 * 60;

export const DEFAULT_TEAM_SETTINGS: TeamSettings = {
  checkInDay: 1,
  checkInTime: '09:00',
  timeZone: 'UTC',
  reminderOffsetMinutes: 24 * 60,
  digestDay: 5,
  digestTime: '15:00',
};

export interface Team {
  readonly tenantId: TenantId;
  readonly id: TeamId;
  readonly name: string;
  /** The team above this one in the organisation, if any (for the alignment tree). */
  readonly parentTeamId?: TeamId;
  readonly settings: TeamSettings;
  /** Opaque conversation reference of the channel the app was installed in (digests, alerts). */
  readonly channelReference?: Readonly<Record<string, unknown>>;
  /** Created by an import for a team of another tool; linked when the app is added to that team. */
  readonly importedFrom?: { readonly system: 'vivaGoals'; readonly name: string };
  readonly createdAt: Instant;
  readonly updatedAt: Instant;
}

export type TeamRole = 'owner' | 'manager' | 'member';

export interface TeamMember {
  readonly tenantId: TenantId;
  readonly teamId: TeamId;
  readonly userId: UserId;
  readonly displayName: string;
  readonly role: TeamRole;
  /** False once the member left the team or blocked/uninstalled the app: no more deliveries. */
  readonly active: boolean;
  /** IANA time zone from Teams `localTimezone`, when known. */
  readonly timeZone?: string;
  /** BCP-47 locale from Teams, when known. */
  readonly locale?: string;
  /** Teams channel account id (`29:…`) from the roster: who sees their own view of channel cards. */
  readonly teamsUserId?: string;
  /** E-mail / UPN from the roster: a lookup attribute (matching imported people), never identity. */
  readonly email?: string;
  /** On leave until this date (`YYYY-MM-DD`, inclusive): neither reminded nor escalated. */
  readonly awayUntil?: string;
  readonly joinedAt: Instant;
  readonly updatedAt: Instant;
}

/** Is the member away (on leave) at `now`? Compared by calendar date, inclusive. */
export const isAway = (member: Pick<TeamMember, 'awayUntil'>, now: Instant): boolean =>
  member.awayUntil !== undefined && member.awayUntil >= now.slice(0, 10);
