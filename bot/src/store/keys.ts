import type { IsoWeek, TeamId, TenantId, UserId } from '@bearing/core';

/**
 * Partition keys and document ids. Every partition key value starts with the tenant id, so no
 * query or point read can cross tenants by construction.
 */

/** Partition of company-level items (organisation document, company objectives and their KRs). */
const ORG_SCOPE = '_org';

/** `teams` container: one partition per team (or the tenant's company scope). */
export const teamPk = (tenantId: TenantId, teamId: TeamId | null): string =>
  `${tenantId}|${teamId ?? ORG_SCOPE}`;

/** `users` container: one partition per user. */
export const userPk = (tenantId: TenantId, userId: UserId): string => `${tenantId}|${userId}`;

/** `readings` container: one partition per KPI, so readings never grow a team partition. */
export const readingPk = (tenantId: TenantId, kpiId: string): string => `${tenantId}|${kpiId}`;

/** Document ids: unique within a partition, prefixed by item type. */
export const docId = {
  organization: () => 'organization',
  team: () => 'team',
  member: (userId: UserId) => `member|${userId}`,
  objective: (id: string) => `objective|${id}`,
  keyResult: (id: string) => `keyResult|${id}`,
  kpi: (id: string) => `kpi|${id}`,
  checkIn: (userId: UserId, week: IsoWeek) => `checkIn|${userId}|${week}`,
  user: () => 'user',
  reading: (id: string) => `reading|${id}`,
  ingestionKey: (id: string) => `ingestionKey|${id}`,
  openItem: (id: string) => `openItem|${id}`,
  /** An imported team's link to its Teams team (in the tenant's `_org` partition). */
  teamLink: (importedTeamId: string) => `teamLink|${importedTeamId}`,
} as const;

/** The `type` discriminator stored on every document. */
export type ItemType =
  | 'organization'
  | 'team'
  | 'member'
  | 'objective'
  | 'keyResult'
  | 'kpi'
  | 'checkIn'
  | 'user'
  | 'reading'
  | 'ingestionKey'
  | 'openItem'
  | 'teamLink'
  | 'delivery';
