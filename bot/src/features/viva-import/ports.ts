import type { CheckIn, KeyResult, Kpi, Objective, TeamId, TenantId } from '@bearing/core';
import type { Versioned } from '../common';

/** What a team partition holds that an import writes and a team link moves. */
export type TeamItemKind = 'objective' | 'keyResult' | 'kpi' | 'checkIn';

/** One stored item of a team, with its key within the kind (a check-in: `userId|week`). */
export type TeamItem = { readonly key: string; readonly etag: string } & (
  | { readonly kind: 'objective'; readonly value: Objective }
  | { readonly kind: 'keyResult'; readonly value: KeyResult }
  | { readonly kind: 'kpi'; readonly value: Kpi }
  | { readonly kind: 'checkIn'; readonly value: CheckIn }
);

/**
 * A team an import created, linked to the Teams team it stands for. Written before anything
 * moves (`moving`), so a link that stopped half-way is finished by the next attempt, and kept
 * afterwards (`done`) so a later import of the same export maps the Viva team to the real team.
 */
export interface TeamLink {
  readonly tenantId: TenantId;
  readonly importedTeamId: TeamId;
  readonly teamId: TeamId;
  /** The Viva team's name (what a later import matches). */
  readonly name: string;
  /** `install`: the app was added to a team of that name; `admin`: an admin linked them. */
  readonly by: 'install' | 'admin';
  readonly state: 'moving' | 'done';
  readonly moved?: Readonly<Record<TeamItemKind, number>>;
  readonly createdAt: string;
  readonly updatedAt: string;
}

/** What a team link needs besides the typed stores: finding and deleting a team's items, the links. */
export interface ImportDocumentStore {
  /** Up to `limit` objectives, key results, KPIs and check-ins of a team (one partition query). */
  someTeamItems(tenantId: TenantId, teamId: TeamId, limit: number): Promise<TeamItem[]>;
  /** Deletes one item of a team; false when it was already gone. */
  deleteTeamItem(
    tenantId: TenantId,
    teamId: TeamId,
    kind: TeamItemKind,
    key: string,
  ): Promise<boolean>;
  /** Deletes a team's own document (an imported team once linked); false when already gone. */
  deleteTeam(tenantId: TenantId, teamId: TeamId): Promise<boolean>;
  getTeamLink(tenantId: TenantId, importedTeamId: TeamId): Promise<Versioned<TeamLink> | undefined>;
  saveTeamLink(link: TeamLink, etag?: string): Promise<Versioned<TeamLink>>;
  listTeamLinks(tenantId: TenantId): Promise<TeamLink[]>;
}
