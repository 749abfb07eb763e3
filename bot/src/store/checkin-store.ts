import type { CheckIn, IsoWeek, KeyResult, TeamId, TenantId, UserId } from '@bearing/core';
import type { CheckInStore, Page, Versioned, WriteOutcome } from '../features/common';
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
    return this.docs.write(this.document(c), etag, 'checkIn');
  }

  async saveCheckInWithKeyResults(
    c: CheckIn,
    etag: string | undefined,
    keyResults: readonly Versioned<KeyResult>[],
  ): Promise<{ checkIn: WriteOutcome; keyResults: WriteOutcome[] }> {
    // Key results live in their team's partition too (okr-store.ts): one transactional batch.
    const pk = teamPk(c.tenantId, c.teamId);
    if (keyResults.some((k) => k.value.tenantId !== c.tenantId || k.value.teamId !== c.teamId))
      throw new Error("A check-in's batch holds only key results of its own team");
    const krs = keyResults.map(({ value, etag: krEtag }) => ({
      doc: {
        id: docId.keyResult(value.id),
        pk,
        type: 'keyResult' as const,
        tenantId: value.tenantId,
        data: value,
      },
      etag: krEtag,
    }));
    const [checkIn, ...rest] = await this.docs.writeBatch(pk, [
      { doc: this.document(c), etag },
      ...krs,
    ]);
    return { checkIn, keyResults: rest };
  }

  /** How a check-in is stored: one document per (user, week), with the retention TTL. */
  private document(c: CheckIn) {
    const ttl = this.ttlSeconds ? { ttl: this.ttlSeconds } : {};
    const id = docId.checkIn(c.userId, c.week);
    return {
      id,
      pk: teamPk(c.tenantId, c.teamId),
      type: 'checkIn' as const,
      tenantId: c.tenantId,
      data: c,
      ...ttl,
    };
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
