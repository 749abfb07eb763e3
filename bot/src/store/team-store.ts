import type {
  CheckIn,
  IsoWeek,
  KeyResult,
  Kpi,
  Objective,
  Organization,
  Team,
  TeamId,
  TeamMember,
  TenantId,
  UserId,
} from '@bearing/core';
import type {
  OrganizationStore,
  Page,
  RecentReadOptions,
  TeamSnapshot,
  TeamStore,
  Versioned,
} from '../features/common';
import type {
  ImportDocumentStore,
  TeamItem,
  TeamItemKind,
  TeamLink,
} from '../features/viva-import';
import type { DocumentCollection } from './documents';
import { docId, teamPk, type ItemType } from './keys';

/** Organisation, teams, members and the one-query team snapshot, in the `teams` container. */
export class CosmosTeamStore implements TeamStore, OrganizationStore {
  constructor(private readonly docs: DocumentCollection) {}

  getOrganization(
    tenantId: TenantId,
    options: RecentReadOptions = {},
  ): Promise<Versioned<Organization> | undefined> {
    return options.maxAgeMs
      ? this.docs.readRecent(teamPk(tenantId, null), docId.organization(), options.maxAgeMs)
      : this.docs.read(teamPk(tenantId, null), docId.organization());
  }

  saveOrganization(org: Organization, etag?: string): Promise<Versioned<Organization>> {
    const doc = {
      id: docId.organization(),
      pk: teamPk(org.tenantId, null),
      type: 'organization' as const,
    };
    return this.docs.write({ ...doc, tenantId: org.tenantId, data: org }, etag, 'organization');
  }

  getTeam(
    tenantId: TenantId,
    teamId: TeamId,
    options: RecentReadOptions = {},
  ): Promise<Versioned<Team> | undefined> {
    return options.maxAgeMs
      ? this.docs.readRecent(teamPk(tenantId, teamId), docId.team(), options.maxAgeMs)
      : this.docs.read(teamPk(tenantId, teamId), docId.team());
  }

  saveTeam(team: Team, etag?: string): Promise<Versioned<Team>> {
    const doc = { id: docId.team(), pk: teamPk(team.tenantId, team.id), type: 'team' as const };
    return this.docs.write({ ...doc, tenantId: team.tenantId, data: team }, etag, 'team');
  }

  listTeams(tenantId: TenantId, continuationToken?: string): Promise<Page<Team>> {
    return this.docs.queryPage<Team>(
      {
        query:
          "SELECT * FROM c WHERE c.tenantId = @tenantId AND c.type = 'team' ORDER BY c.data.name",
        parameters: [{ name: '@tenantId', value: tenantId }],
      },
      { continuationToken, maxItemCount: 100 },
    );
  }

  getMember(
    tenantId: TenantId,
    teamId: TeamId,
    userId: UserId,
  ): Promise<Versioned<TeamMember> | undefined> {
    return this.docs.read(teamPk(tenantId, teamId), docId.member(userId));
  }

  saveMember(member: TeamMember, etag?: string): Promise<Versioned<TeamMember>> {
    return this.docs.writeInTeam('member', docId.member(member.userId), member, etag, 'member');
  }

  async listMembers(tenantId: TenantId, teamId: TeamId): Promise<readonly TeamMember[]> {
    return (await this.listMemberVersions(tenantId, teamId)).map((r) => r.value);
  }

  listMemberVersions(tenantId: TenantId, teamId: TeamId): Promise<Versioned<TeamMember>[]> {
    const pk = teamPk(tenantId, teamId);
    return this.docs.queryPartition<TeamMember>(pk, {
      query: "SELECT * FROM c WHERE c.pk = @pk AND c.type = 'member'",
      parameters: [{ name: '@pk', value: pk }],
    });
  }

  async loadTeamSnapshot(
    tenantId: TenantId,
    teamId: TeamId,
    cycleIds: readonly string[],
    weeks: readonly IsoWeek[],
  ): Promise<TeamSnapshot | undefined> {
    const pk = teamPk(tenantId, teamId);
    // One single-partition query: team, members and KPIs always; OKRs of the cycles; check-ins of the weeks.
    const rows = await this.docs.queryPartitionDocuments<unknown>(pk, {
      query:
        'SELECT * FROM c WHERE c.pk = @pk AND (' +
        "c.type IN ('team', 'member', 'kpi') " +
        "OR (c.type IN ('objective', 'keyResult') AND ARRAY_CONTAINS(@cycleIds, c.data.cycleId)) " +
        "OR (c.type = 'checkIn' AND ARRAY_CONTAINS(@weeks, c.data.week)))",
      parameters: [
        { name: '@pk', value: pk },
        { name: '@cycleIds', value: [...cycleIds] },
        { name: '@weeks', value: [...weeks] },
      ],
    });
    const byType = (type: ItemType) =>
      rows.filter((r) => r.type === type).map((r) => ({ value: r.data, etag: r._etag ?? '' }));
    const [team] = byType('team') as Versioned<Team>[];
    if (!team) return undefined;
    return {
      team,
      members: (byType('member') as Versioned<TeamMember>[]).map((m) => m.value),
      objectives: byType('objective') as Versioned<Objective>[],
      keyResults: byType('keyResult') as Versioned<KeyResult>[],
      kpis: byType('kpi') as Versioned<Kpi>[],
      checkIns: byType('checkIn') as Versioned<CheckIn>[],
    };
  }
}

const KINDS: readonly TeamItemKind[] = ['objective', 'keyResult', 'kpi', 'checkIn'];

/** The document id of an item: its kind, then its key (`checkIn|userId|week`, `objective|id`). */
const idOf = (kind: TeamItemKind, key: string) => `${kind}|${key}`;

/** The moves of a team link (find and delete an imported team's items) and the link records. */
export class CosmosImportStore implements ImportDocumentStore {
  constructor(private readonly docs: DocumentCollection) {}

  async someTeamItems(tenantId: TenantId, teamId: TeamId, limit: number): Promise<TeamItem[]> {
    const pk = teamPk(tenantId, teamId);
    const top = Math.max(1, Math.min(1000, Math.floor(limit)));
    const docs = await this.docs.queryPartitionDocuments<never>(pk, {
      query: `SELECT TOP ${top} * FROM c WHERE c.pk = @pk AND ARRAY_CONTAINS(@kinds, c.type)`,
      parameters: [
        { name: '@pk', value: pk },
        { name: '@kinds', value: [...KINDS] },
      ],
    });
    return docs.map(
      (d) =>
        ({
          kind: d.type,
          key: d.id.slice(d.type.length + 1),
          value: d.data,
          etag: d._etag ?? '',
        }) as TeamItem,
    );
  }

  deleteTeamItem(
    tenantId: TenantId,
    teamId: TeamId,
    kind: TeamItemKind,
    key: string,
  ): Promise<boolean> {
    return this.docs.delete(teamPk(tenantId, teamId), idOf(kind, key));
  }

  deleteTeam(tenantId: TenantId, teamId: TeamId): Promise<boolean> {
    return this.docs.delete(teamPk(tenantId, teamId), docId.team());
  }

  getTeamLink(
    tenantId: TenantId,
    importedTeamId: TeamId,
  ): Promise<Versioned<TeamLink> | undefined> {
    return this.docs.read(teamPk(tenantId, null), docId.teamLink(importedTeamId));
  }

  saveTeamLink(link: TeamLink, etag?: string): Promise<Versioned<TeamLink>> {
    const doc = {
      id: docId.teamLink(link.importedTeamId),
      pk: teamPk(link.tenantId, null),
      type: 'teamLink' as const,
    };
    return this.docs.write({ ...doc, tenantId: link.tenantId, data: link }, etag, 'team link');
  }

  async listTeamLinks(tenantId: TenantId): Promise<TeamLink[]> {
    const pk = teamPk(tenantId, null);
    const links = await this.docs.queryPartition<TeamLink>(pk, {
      query: "SELECT * FROM c WHERE c.pk = @pk AND c.type = 'teamLink'",
      parameters: [{ name: '@pk', value: pk }],
    });
    return links.map((l) => l.value);
  }
}
