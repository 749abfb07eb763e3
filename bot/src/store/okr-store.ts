import type { KeyResult, Objective, TeamId, TenantId, UserId } from '@bearing/core';
import type { OkrStore, Page, Versioned } from '../features/common';
import type { DocumentCollection } from './documents';
import { docId, teamPk } from './keys';

/** Objectives and key results in their team's partition (company ones in the tenant's `_org`). */
export class CosmosOkrStore implements OkrStore {
  constructor(private readonly docs: DocumentCollection) {}

  /** Objectives and key results are stored alike: in their team's partition, by kind and id. */
  private save<T extends Objective | KeyResult>(
    type: 'objective' | 'keyResult',
    item: T,
    etag?: string,
  ): Promise<Versioned<T>> {
    return this.docs.writeInTeam(type, docId[type](item.id), item, etag, type);
  }

  getObjective(
    tenantId: TenantId,
    teamId: TeamId | null,
    id: string,
  ): Promise<Versioned<Objective> | undefined> {
    return this.docs.read(teamPk(tenantId, teamId), docId.objective(id));
  }

  saveObjective(o: Objective, etag?: string): Promise<Versioned<Objective>> {
    return this.save('objective', o, etag);
  }

  listObjectives(
    tenantId: TenantId,
    teamId: TeamId | null,
    cycleIds: readonly string[],
  ): Promise<Versioned<Objective>[]> {
    return this.inCycle<Objective>('objective', teamPk(tenantId, teamId), cycleIds);
  }

  listTenantObjectives(
    tenantId: TenantId,
    cycleIds: readonly string[],
    continuationToken?: string,
  ): Promise<Page<Objective>> {
    return this.docs.queryPage<Objective>(
      {
        query:
          "SELECT * FROM c WHERE c.tenantId = @tenantId AND c.type = 'objective' AND ARRAY_CONTAINS(@cycleIds, c.data.cycleId)",
        parameters: [
          { name: '@tenantId', value: tenantId },
          { name: '@cycleIds', value: [...cycleIds] },
        ],
      },
      { continuationToken, maxItemCount: 500 },
    );
  }

  getKeyResult(
    tenantId: TenantId,
    teamId: TeamId | null,
    id: string,
  ): Promise<Versioned<KeyResult> | undefined> {
    return this.docs.read(teamPk(tenantId, teamId), docId.keyResult(id));
  }

  getKeyResults(
    tenantId: TenantId,
    teamId: TeamId,
    ids: readonly string[],
  ): Promise<(Versioned<KeyResult> | undefined)[]> {
    return this.docs.readBatch(teamPk(tenantId, teamId), ids.map(docId.keyResult));
  }

  saveKeyResult(k: KeyResult, etag?: string): Promise<Versioned<KeyResult>> {
    return this.save('keyResult', k, etag);
  }

  listKeyResults(
    tenantId: TenantId,
    teamId: TeamId | null,
    cycleIds: readonly string[],
  ): Promise<Versioned<KeyResult>[]> {
    return this.inCycle<KeyResult>('keyResult', teamPk(tenantId, teamId), cycleIds);
  }

  listKeyResultsOwnedBy(
    tenantId: TenantId,
    teamId: TeamId,
    cycleIds: readonly string[],
    ownerId: UserId,
  ): Promise<Versioned<KeyResult>[]> {
    const pk = teamPk(tenantId, teamId);
    return this.docs.queryPartition<KeyResult>(pk, {
      query:
        "SELECT * FROM c WHERE c.pk = @pk AND c.type = 'keyResult' AND ARRAY_CONTAINS(@cycleIds, c.data.cycleId) " +
        'AND c.data.ownerId = @ownerId',
      parameters: [
        { name: '@pk', value: pk },
        { name: '@cycleIds', value: [...cycleIds] },
        { name: '@ownerId', value: ownerId },
      ],
    });
  }

  private inCycle<T>(
    type: 'objective' | 'keyResult',
    pk: string,
    cycleIds: readonly string[],
  ): Promise<Versioned<T>[]> {
    return this.docs.queryPartition<T>(pk, {
      query:
        'SELECT * FROM c WHERE c.pk = @pk AND c.type = @type AND ARRAY_CONTAINS(@cycleIds, c.data.cycleId)',
      parameters: [
        { name: '@pk', value: pk },
        { name: '@type', value: type },
        { name: '@cycleIds', value: [...cycleIds] },
      ],
    });
  }
}
