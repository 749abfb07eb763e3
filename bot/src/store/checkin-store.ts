import type { CheckIn, IsoWeek, TeamId, TenantId, UserId } from '@bearing/core';
import type { CheckInStore, Page, Versioned } from '../features/common';
import type { DocumentCollection } from './documents';
import { docId, teamPk } from './keys';

/** Weekly check-ins in the team partition, one document per (user, ISO week). */
export class CosmosCheckInStore implements CheckInStore {
  /** `ttlSeconds`: retention stamped on every write (Cosmos counts it from the last change). */
  constructor(
    private readonly docs: DocumentCollection,
    private readonly ttlSeconds?: number,
  ) {}

  getCheckIn(
    tenantId: TenantId,
    teamId: TeamId,
    userId: UserId,
    week: IsoWeek,
  ): Promise<Versioned<CheckIn> | undefined> {
    return this.docs.read(teamPk(tenantId, teamId), docId.checkIn(userId, week));
  }

  saveCheckIn(c: CheckIn, etag?: string): Promise<Versioned<CheckIn>> {
    const doc = {
      id: docId.checkIn(c.userId, c.week),
      pk: teamPk(c.tenantId, c.teamId),
      type: 'checkIn' as const,
    };
    const ttl = this.ttlSeconds ? { ttl: this.ttlSeconds } : {};
    return this.docs.write({ ...doc, tenantId: c.tenantId, data: c, ...ttl }, etag, 'checkIn');
  }

  listCheckInsForWeek(
    tenantId: TenantId,
    teamId: TeamId,
    week: IsoWeek,
  ): Promise<Versioned<CheckIn>[]> {
    const pk = teamPk(tenantId, teamId);
    return this.docs.queryPartition<CheckIn>(pk, {
      query: "SELECT * FROM c WHERE c.pk = @pk AND c.type = 'checkIn' AND c.data.week = @week",
      parameters: [
        { name: '@pk', value: pk },
        { name: '@week', value: week },
      ],
    });
  }

  listCheckInsForUser(
    tenantId: TenantId,
    teamId: TeamId,
    userId: UserId,
    continuationToken?: string,
  ): Promise<Page<CheckIn>> {
    const pk = teamPk(tenantId, teamId);
    return this.docs.queryPage<CheckIn>(
      {
        query:
          "SELECT * FROM c WHERE c.pk = @pk AND c.type = 'checkIn' AND c.data.userId = @userId " +
          'ORDER BY c.data.week DESC',
        parameters: [
          { name: '@pk', value: pk },
          { name: '@userId', value: userId },
        ],
      },
      { pk, continuationToken, maxItemCount: 26 },
    );
  }
}
