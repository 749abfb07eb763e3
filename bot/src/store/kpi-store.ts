import type { IngestionKey, Kpi, KpiReading, TeamId, TenantId } from '@bearing/core';
import { StoreConflictError, type KpiStore, type Versioned } from '../features/common';
import type { DocumentCollection } from './documents';
import { docId, readingPk, teamPk } from './keys';

/** KPI definitions in the team partition; readings in their own per-KPI partitions. */
export class CosmosKpiStore implements KpiStore {
  constructor(
    private readonly teamDocs: DocumentCollection,
    private readonly readingDocs: DocumentCollection,
    /** Retention of each reading; unset leaves the container default (400 days). */
    private readonly readingTtlSeconds?: number,
  ) {}

  getKpi(tenantId: TenantId, teamId: TeamId, id: string): Promise<Versioned<Kpi> | undefined> {
    return this.teamDocs.read(teamPk(tenantId, teamId), docId.kpi(id));
  }

  saveKpi(k: Kpi, etag?: string): Promise<Versioned<Kpi>> {
    return this.teamDocs.writeInTeam('kpi', docId.kpi(k.id), k, etag, 'kpi');
  }

  listKpis(tenantId: TenantId, teamId: TeamId): Promise<Versioned<Kpi>[]> {
    const pk = teamPk(tenantId, teamId);
    return this.teamDocs.queryPartition<Kpi>(pk, {
      query: "SELECT * FROM c WHERE c.pk = @pk AND c.type = 'kpi'",
      parameters: [{ name: '@pk', value: pk }],
    });
  }

  async addReading(r: KpiReading): Promise<boolean> {
    const doc = {
      id: docId.reading(r.id),
      pk: readingPk(r.tenantId, r.kpiId),
      type: 'reading' as const,
    };
    try {
      // A per-item ttl of -1 keeps the reading despite the container default (retention "0").
      const ttl = this.readingTtlSeconds === undefined ? {} : { ttl: this.readingTtlSeconds };
      await this.readingDocs.write(
        { ...doc, tenantId: r.tenantId, data: r, ...ttl },
        undefined,
        'reading',
      );
      return true;
    } catch (error) {
      // Same reading id again: a client retry. Idempotent by design.
      if (error instanceof StoreConflictError) return false;
      throw error;
    }
  }

  async getReading(tenantId: TenantId, kpiId: string, id: string): Promise<KpiReading | undefined> {
    return (await this.readingDocs.read<KpiReading>(readingPk(tenantId, kpiId), docId.reading(id)))
      ?.value;
  }

  async listReadings(
    tenantId: TenantId,
    kpiId: string,
    since: string,
    limit: number,
  ): Promise<KpiReading[]> {
    const pk = readingPk(tenantId, kpiId);
    const page = await this.readingDocs.queryPage<KpiReading>(
      {
        query:
          "SELECT * FROM c WHERE c.pk = @pk AND c.type = 'reading' AND c.data.at >= @since " +
          'ORDER BY c.data.at ASC',
        parameters: [
          { name: '@pk', value: pk },
          { name: '@since', value: since },
        ],
      },
      { pk, maxItemCount: Math.max(1, Math.min(limit, 1000)) },
    );
    return page.items.slice(0, limit);
  }

  getIngestionKey(
    tenantId: TenantId,
    teamId: TeamId,
    id: string,
  ): Promise<Versioned<IngestionKey> | undefined> {
    return this.teamDocs.read(teamPk(tenantId, teamId), docId.ingestionKey(id));
  }

  saveIngestionKey(k: IngestionKey, etag?: string): Promise<Versioned<IngestionKey>> {
    return this.teamDocs.writeInTeam(
      'ingestionKey',
      docId.ingestionKey(k.id),
      k,
      etag,
      'ingestion key',
    );
  }

  async listIngestionKeys(tenantId: TenantId, teamId: TeamId): Promise<IngestionKey[]> {
    const pk = teamPk(tenantId, teamId);
    const keys = await this.teamDocs.queryPartition<IngestionKey>(pk, {
      query: "SELECT * FROM c WHERE c.pk = @pk AND c.type = 'ingestionKey'",
      parameters: [{ name: '@pk', value: pk }],
    });
    return keys.map((k) => k.value).sort((a, b) => a.createdAt.localeCompare(b.createdAt));
  }
}
