import {
  type DeliveryJob,
  type DeliveryJobStore,
  type ProactiveSender,
  type SendOutcome,
  StoreConflictError,
  type Versioned,
} from '../common';
import type { Logger } from '../../observability/logger';
import type { DeliveryContent } from './delivery-content';
import type { SendRateLimiter } from './rate-limiter';

/** What a worker needs. */
export interface WorkerDeps {
  readonly deliveries: DeliveryJobStore;
  readonly sender: ProactiveSender;
  readonly limiter: SendRateLimiter;
  readonly content: (job: DeliveryJob) => Promise<DeliveryContent>;
  /** Called after a 1:1 chat was opened for the job's recipient (store it for next time). */
  readonly onConversationCreated: (
    job: DeliveryJob,
    reference: Readonly<Record<string, unknown>>,
  ) => Promise<void>;
  /** Called when Teams says the recipient is gone (404, or 403 MessageWritesBlocked). */
  readonly onRecipientGone: (job: DeliveryJob) => Promise<void>;
  readonly now: () => Date;
  readonly logger: Logger;
  /** Identifies this worker in leases (unique per process). */
  readonly owner: string;
  readonly leaseMs?: number;
  readonly maxAttempts?: number;
  /** How many jobs run at once (each still waits for its rate-limit slot). */
  readonly concurrency?: number;
  readonly random?: () => number;
}

/** What one pass over the due jobs did. */
export interface TickResult {
  sent: number;
  skipped: number;
  retried: number;
  failed: number;
  lostLeases: number;
  /** The pass stopped at its cap with jobs perhaps still due: the next one should start at once. */
  more: boolean;
}

/** A pass that has done nothing yet. */
export const emptyTickResult = (): TickResult => ({
  sent: 0,
  skipped: 0,
  retried: 0,
  failed: 0,
  lostLeases: 0,
  more: false,
});

const iso = (ms: number) => new Date(ms).toISOString();

const jobKey = (job: DeliveryJob) => `${job.tenantId}/${job.teamId}/${job.id}`;

/** The jobs grouped by team, the teams in random order (Fisher–Yates). */
function byTeamInRandomOrder(
  jobs: readonly Versioned<DeliveryJob>[],
  random: () => number,
): Versioned<DeliveryJob>[] {
  const teams = new Map<string, Versioned<DeliveryJob>[]>();
  for (const j of jobs) {
    const key = `${j.value.tenantId}/${j.value.teamId}`;
    teams.set(key, [...(teams.get(key) ?? []), j]);
  }
  const groups = [...teams.values()];
  for (let i = groups.length - 1; i > 0; i -= 1) {
    const k = Math.floor(random() * (i + 1));
    [groups[i], groups[k]] = [groups[k], groups[i]];
  }
  return groups.flat();
}

/**
 * Sends due delivery jobs. A job is claimed with an ETag-conditioned write that moves `notBefore`
 * to the lease expiry, so any number of workers (in any number of processes) can run and each job
 * is sent by one of them; a crashed worker's job becomes due again when its lease runs out. The
 * outcome is recorded with the claim's ETag. If the process dies between sending and recording, the
 * job is sent again after the lease: at most one duplicate per crash.
 */
export class DeliveryWorker {
  private readonly leaseMs: number;
  private readonly maxAttempts: number;

  constructor(private readonly deps: WorkerDeps) {
    this.leaseMs = deps.leaseMs ?? 60_000;
    this.maxAttempts = deps.maxAttempts ?? 5;
  }

  /**
   * Processes the due jobs of every team once. One cross-partition query finds up to `limit` of
   * them (a query per team cost a store round-trip per team per tick, most finding nothing), and
   * `concurrency` jobs run at once so that claims, content reads and sends overlap while the rate
   * limiter, not the store, sets the pace (sends in flight ≈ rate × latency). When the queue runs
   * low the next batch is fetched while the last ones are still sending, so a large fan-out does not
   * stall between batches. A job is tried at most once per tick, and a tick takes at most
   * `maxPerTick` jobs, so a pass always ends and what it holds does not grow with the number of
   * jobs due (a 10,000-member fan-out is several passes); `more` says it stopped at the cap.
   * `onAllTaken` is called once every job the pass will take is in a lane (Scheduler.deliverDue
   * starts the next pass then).
   */
  async tick(
    limit = 500,
    maxPerTick = 2_000,
    onAllTaken?: (more: boolean) => void,
  ): Promise<TickResult> {
    const result = emptyTickResult();
    const random = this.deps.random ?? Math.random;
    const concurrency = Math.max(1, this.deps.concurrency ?? 32);
    const seen = new Set<string>();
    const queue: Versioned<DeliveryJob>[] = [];
    let exhausted = false;
    let refilling: Promise<void> | undefined;
    let failure: unknown;
    const refill = async () => {
      const due = await this.deps.deliveries.listDueJobsAcrossTeams(
        this.deps.now().toISOString(),
        Math.min(limit, maxPerTick - seen.size),
      );
      const fresh = due.filter((d) => !seen.has(jobKey(d.value)));
      for (const d of fresh) seen.add(jobKey(d.value));
      // Workers in other processes see the same rows: taking the teams in different orders keeps
      // them from racing for the same jobs (a lost race is a failed conditional write, never a
      // resend). A team's jobs stay together so its week is read once for all of them.
      queue.push(...byTeamInRandomOrder(fresh, random));
      if (seen.size >= maxPerTick) result.more = true;
      if (fresh.length === 0 || seen.size >= maxPerTick) exhausted = true;
    };
    let taken = false;
    const checkTaken = () => {
      if (taken || !exhausted || queue.length > 0) return;
      taken = true;
      onAllTaken?.(result.more);
    };
    const topUp = () => {
      if (exhausted || refilling || queue.length >= concurrency) return refilling;
      refilling = refill()
        .catch((error: unknown) => {
          // Stop taking more; the lanes finish what they hold and the tick reports the error.
          failure = error;
          exhausted = true;
        })
        .finally(() => {
          refilling = undefined;
          checkTaken();
        });
      return refilling;
    };
    await topUp();
    const lanes = Array.from({ length: concurrency }, async () => {
      for (;;) {
        if (queue.length === 0) await topUp();
        const next = queue.shift();
        checkTaken();
        if (!next) return;
        void topUp();
        await this.runOne(next, result);
      }
    });
    await Promise.all(lanes);
    await refilling;
    if (failure) throw failure;
    return result;
  }

  private async runOne(candidate: Versioned<DeliveryJob>, result: TickResult): Promise<void> {
    const now = this.deps.now().getTime();
    let claimed: Versioned<DeliveryJob>;
    try {
      claimed = await this.deps.deliveries.saveJob(
        {
          ...candidate.value,
          leaseOwner: this.deps.owner,
          leaseUntil: iso(now + this.leaseMs),
          notBefore: iso(now + this.leaseMs),
        },
        candidate.etag,
      );
    } catch (error) {
      if (error instanceof StoreConflictError) return; // another worker claimed it first
      throw error;
    }
    const job = claimed.value;
    const content = await this.deps.content(job);
    if (content.kind === 'defer') {
      await this.finish(
        claimed,
        { status: 'pending', notBefore: content.until, lastError: content.reason },
        result,
        'skipped',
      );
      return;
    }
    if (content.kind === 'skip') {
      await this.finish(
        claimed,
        { status: 'skipped', lastError: content.reason },
        result,
        'skipped',
      );
      return;
    }
    const target = content.target;
    const conversationId =
      target.kind === 'conversation'
        ? ((target.reference as { conversation?: { id?: string } }).conversation?.id ?? job.id)
        : `new:${target.teamsUserId}`;
    await this.deps.limiter.acquire(conversationId, job.tenantId);
    if (this.deps.now().getTime() - now > this.leaseMs / 2) {
      // Half the lease went on waiting (a long queue for slots, a starved process): sending now
      // could outlast it, and another worker would send the card again. Hand the job back.
      await this.finish(claimed, { notBefore: iso(this.deps.now().getTime()) }, result, 'retried');
      return;
    }
    const card = content.card as unknown as Record<string, unknown>;
    const outcome = await this.deps.sender.send(target, card);
    if (outcome.kind === 'sent' && outcome.createdReference) {
      await this.deps.onConversationCreated(job, outcome.createdReference);
    }
    await this.record(claimed, outcome, conversationId, result);
  }

  private async record(
    claimed: Versioned<DeliveryJob>,
    outcome: SendOutcome,
    conversationId: string,
    result: TickResult,
  ): Promise<void> {
    const job = claimed.value;
    const now = this.deps.now().getTime();
    if (outcome.kind === 'sent') {
      await this.finish(claimed, { status: 'sent', sentAt: iso(now) }, result, 'sent');
      return;
    }
    if (outcome.kind === 'gone') {
      await this.deps.onRecipientGone(job);
      await this.finish(claimed, { status: 'failed', lastError: outcome.reason }, result, 'failed');
      return;
    }
    const attempts = job.attempts + 1;
    if (outcome.kind === 'failed' || attempts >= this.maxAttempts) {
      // The delivery-failure alert (infra/modules/alerts.bicep) counts this line: keep its message.
      this.deps.logger.warn('delivery gave up', {
        tenantId: job.tenantId,
        job: job.id,
        kind: job.kind,
        attempts,
        reason: outcome.reason,
      });
      await this.finish(
        claimed,
        { status: 'failed', attempts, lastError: outcome.reason },
        result,
        'failed',
      );
      return;
    }
    // Honour Retry-After; otherwise exponential backoff with full jitter (1 s, 2 s, 4 s … capped at 5 min).
    const backoff =
      outcome.afterMs ??
      Math.min(300_000, 1000 * 2 ** (attempts - 1)) *
        (0.5 + (this.deps.random ?? Math.random)() / 2);
    if (outcome.afterMs) this.deps.limiter.penalise(conversationId, outcome.afterMs);
    await this.finish(
      claimed,
      { status: 'pending', attempts, lastError: outcome.reason, notBefore: iso(now + backoff) },
      result,
      'retried',
    );
  }

  private async finish(
    claimed: Versioned<DeliveryJob>,
    change: Partial<DeliveryJob>,
    result: TickResult,
    counter: keyof Omit<TickResult, 'lostLeases' | 'more'>,
  ): Promise<void> {
    const { leaseOwner: _o, leaseUntil: _u, ...rest } = claimed.value;
    void _o;
    void _u;
    try {
      await this.deps.deliveries.saveJob({ ...rest, ...change } as DeliveryJob, claimed.etag);
      result[counter] += 1;
    } catch (error) {
      if (!(error instanceof StoreConflictError)) throw error;
      // Our lease ran out and another worker took the job over: it will record the outcome.
      result.lostLeases += 1;
      this.deps.logger.warn('delivery lease lost', { job: claimed.value.id });
    }
  }
}
