import type { OpenItem, TeamId, TenantId, UserId } from '@bearing/core';
import type { OpenItemStore } from '../features/open-items';
import type { Versioned } from '../features/common';
import type { DocumentCollection } from './documents';
import { docId, teamPk } from './keys';

/**
 * Blockers and decisions from check-ins, in the `teams` container beside the check-ins that raise
 * them (the team partition): the agenda reads them with the team's other data, one partition.
 */
export class CosmosOpenItemStore implements OpenItemStore {
  constructor(private readonly docs: DocumentCollection) {}

  getItem(
    tenantId: TenantId,
    teamId: TeamId,
    id: string,
  ): Promise<Versioned<OpenItem> | undefined> {
    return this.docs.read(teamPk(tenantId, teamId), docId.openItem(id));
  }

  saveItem(item: OpenItem, etag?: string): Promise<Versioned<OpenItem>> {
    return this.docs.writeInTeam('openItem', docId.openItem(item.id), item, etag, 'openItem');
  }

  listOpenItems(tenantId: TenantId, teamId: TeamId): Promise<Versioned<OpenItem>[]> {
    const pk = teamPk(tenantId, teamId);
    return this.docs.queryPartition<OpenItem>(pk, {
      query:
        "SELECT * FROM c WHERE c.pk = @pk AND c.type = 'openItem' AND c.data.status = 'open' " +
        'ORDER BY c.data.createdAt',
      parameters: [{ name: '@pk', value: pk }],
    });
  }

  listItems(
    tenantId: TenantId,
    teamId: TeamId,
    filter: {
      readonly cycleId?: string;
      readonly authorId?: UserId;
      readonly openOrChangedSince?: string;
    },
  ): Promise<Versioned<OpenItem>[]> {
    const pk = teamPk(tenantId, teamId);
    const where = [
      ...(filter.cycleId ? ['c.data.cycleId = @cycleId'] : []),
      ...(filter.authorId ? ['c.data.authorId = @authorId'] : []),
      ...(filter.openOrChangedSince
        ? ["(c.data.status = 'open' OR c.data.updatedAt >= @since)"]
        : []),
    ];
    return this.docs.queryPartition<OpenItem>(pk, {
      query:
        "SELECT * FROM c WHERE c.pk = @pk AND c.type = 'openItem'" +
        where.map((w) => ` AND ${w}`).join('') +
        ' ORDER BY c.data.createdAt DESC',
      parameters: [
        { name: '@pk', value: pk },
        ...(filter.cycleId ? [{ name: '@cycleId', value: filter.cycleId }] : []),
        ...(filter.authorId ? [{ name: '@authorId', value: filter.authorId }] : []),
        ...(filter.openOrChangedSince
          ? [{ name: '@since', value: filter.openOrChangedSince }]
          : []),
      ],
    });
  }
}
