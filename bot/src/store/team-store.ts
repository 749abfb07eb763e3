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
