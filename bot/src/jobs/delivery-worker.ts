import type {
  DeliveryJob,
  DeliveryJobStore,
  ProactiveSender,
  SendOutcome,
} from '../app/delivery-ports';
import { StoreConflictError, type Versioned } from '../app/ports';
import type { Logger } from '../observability/logger';
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
  /** How many jobs of one team run at once (each still waits for its rate-limit slot). */
  readonly concurrency?: number;
  /** How many teams are worked on at once. */
  readonly teamConcurrency?: number;
  readonly random?: () => number;
}

/** What one pass over the due jobs did. */
export interface TickResult {
  sent: number;
  skipped: number;
  retried: number;
  failed: number;
  lostLeases: number;
}

const iso = (ms: number) => new Date(ms).toISOString();

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

  /** Processes the due jobs of every team once. */
  async tick(limitPerTeam = 200): Promise<TickResult> {
    const result: TickResult = { sent: 0, skipped: 0, retried: 0, failed: 0, lostLeases: 0 };
    let token: string | undefined;
    do {
      const page = await this.deps.deliveries.listAllTeams(token);
      // Several teams at a time, so reading one team's due jobs overlaps with sending another's.
      const teams = [...page.items];
      const lanes = Array.from(
        { length: Math.min(teams.length, this.deps.teamConcurrency ?? 8) },
        async () => {
          for (let team = teams.shift(); team; team = teams.shift()) {
            const now = this.deps.now().toISOString();
            const due = await this.deps.deliveries.listDueJobs(
              team.tenantId,
              team.teamId,
              now,
              limitPerTeam,
            );
            await this.runAll(due, result);
          }
        },
      );
      await Promise.all(lanes);
      token = page.continuationToken;
    } while (token);
    return result;
  }

  private async runAll(jobs: readonly Versioned<DeliveryJob>[], result: TickResult): Promise<void> {
    const queue = [...jobs];
    const lanes = Array.from({ length: Math.max(1, this.deps.concurrency ?? 4) }, async () => {
      for (let next = queue.shift(); next; next = queue.shift()) await this.runOne(next, result);
    });
    await Promise.all(lanes);
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
    counter: keyof Omit<TickResult, 'lostLeases'>,
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
