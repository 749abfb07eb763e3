import type { Instant, IsoWeek, Team, TeamId, TenantId } from '@bearing/core';
import {
  type DeliveryJob,
  type DeliveryJobStore,
  StoreConflictError,
  type Page,
  type Versioned,
} from '../features/common';
import type { DocumentCollection } from './documents';
import { teamPk } from './keys';

/**
 * Delivery jobs in the `deliveries` container, one partition per team, so planning a team's week
 * and claiming its jobs are single-partition. A lease is `notBefore` moved to the lease expiry:
 * one field decides when a job may be picked (again), whether it waits for a backoff or for a
 * crashed worker's lease to run out.
 */
export class CosmosDeliveryJobStore implements DeliveryJobStore {
  constructor(
    private readonly docs: DocumentCollection,
    private readonly teamDocs: DocumentCollection,
  ) {}

  async createJob(job: DeliveryJob): Promise<boolean> {
    const doc = { id: job.id, pk: teamPk(job.tenantId, job.teamId), type: 'delivery' as const };
    try {
      await this.docs.write({ ...doc, tenantId: job.tenantId, data: job }, undefined, 'delivery');
      return true;
    } catch (error) {
      if (error instanceof StoreConflictError) return false;
      throw error;
    }
  }

  getJob(
    tenantId: TenantId,
    teamId: TeamId,
    id: string,
  ): Promise<Versioned<DeliveryJob> | undefined> {
    return this.docs.read(teamPk(tenantId, teamId), id);
  }

  listDueJobs(
    tenantId: TenantId,
    teamId: TeamId,
    now: Instant,
    limit: number,
  ): Promise<Versioned<DeliveryJob>[]> {
    const pk = teamPk(tenantId, teamId);
    return this.docs.queryPartition<DeliveryJob>(pk, {
      query:
        `SELECT TOP ${Math.max(1, Math.min(500, Math.floor(limit)))} * FROM c WHERE c.pk = @pk AND c.type = 'delivery' ` +
        "AND c.data.status = 'pending' AND c.data.notBefore <= @now ORDER BY c.data.notBefore",
      parameters: [
        { name: '@pk', value: pk },
        { name: '@now', value: now },
      ],
    });
  }

  async listDueJobsAcrossTeams(now: Instant, limit: number): Promise<Versioned<DeliveryJob>[]> {
    // No ORDER BY: a cross-partition ORDER BY needs a query plan and merges every partition's
    // sorted stream; claiming is per job anyway, so any due subset is fine and the rest is next.
    return this.docs.queryAcross<DeliveryJob>({
      query:
        `SELECT TOP ${Math.max(1, Math.min(1000, Math.floor(limit)))} * FROM c WHERE c.type = 'delivery' ` +
        "AND c.data.status = 'pending' AND c.data.notBefore <= @now",
      parameters: [{ name: '@now', value: now }],
    });
  }

  saveJob(job: DeliveryJob, etag: string): Promise<Versioned<DeliveryJob>> {
    const doc = { id: job.id, pk: teamPk(job.tenantId, job.teamId), type: 'delivery' as const };
    return this.docs.write({ ...doc, tenantId: job.tenantId, data: job }, etag, 'delivery');
  }

  async listJobsForWeek(tenantId: TenantId, teamId: TeamId, week: IsoWeek): Promise<DeliveryJob[]> {
    const pk = teamPk(tenantId, teamId);
    const rows = await this.docs.queryPartition<DeliveryJob>(pk, {
      query: "SELECT * FROM c WHERE c.pk = @pk AND c.type = 'delivery' AND c.data.week = @week",
      parameters: [
        { name: '@pk', value: pk },
        { name: '@week', value: week },
      ],
    });
    return rows.map((r) => r.value);
  }

  async listAllTeams(
    continuationToken?: string,
  ): Promise<Page<{ tenantId: TenantId; teamId: TeamId }>> {
    const page = await this.teamDocs.queryPage<Team>(
      { query: "SELECT * FROM c WHERE c.type = 'team'" },
      { continuationToken, maxItemCount: 200 },
    );
    return { ...page, items: page.items.map((t) => ({ tenantId: t.tenantId, teamId: t.id })) };
  }
}
