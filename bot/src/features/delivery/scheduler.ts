import type { DeliveryJobStore, KpiStore } from '../common';
import type { Logger } from '../../observability/logger';
import { emptyTickResult, type DeliveryWorker, type TickResult } from './delivery-worker';
import { planTeamWeek, type PlannerStores } from './planner';
import { evaluateAfterReadings } from '../kpis';

/** Runs planning and delivery on timers; both are safe to run in every instance at once. */
export class Scheduler {
  private timers: NodeJS.Timeout[] = [];
  private running = new Set<Promise<unknown>>();

  constructor(
    private readonly stores: PlannerStores & {
      readonly deliveries: DeliveryJobStore;
      readonly kpis: KpiStore;
    },
    private readonly worker: DeliveryWorker,
    private readonly logger: Logger,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /** Plans every team's current week (idempotent). */
  async planAll(): Promise<number> {
    let created = 0;
    let token: string | undefined;
    do {
      const page = await this.stores.deliveries.listAllTeams(token);
      for (const t of page.items)
        created += await planTeamWeek(this.stores, t.tenantId, t.teamId, this.now());
      token = page.continuationToken;
    } while (token);
    return created;
  }

  /**
   * Re-evaluates every active KPI (catches up evaluations that lost every race to concurrent
   * ingestion, and moves episodes when nothing arrives). Returns how many alert jobs it created.
   */
  async evaluateKpis(): Promise<number> {
    let created = 0;
    let token: string | undefined;
    do {
      const page = await this.stores.deliveries.listAllTeams(token);
      for (const t of page.items) {
        for (const kpi of await this.stores.kpis.listKpis(t.tenantId, t.teamId)) {
          if (kpi.value.status !== 'active' || !kpi.value.lastReading) continue;
          created += await evaluateAfterReadings(
            this.stores,
            t.tenantId,
            t.teamId,
            kpi.value.id,
            this.now(),
          );
        }
      }
      token = page.continuationToken;
    } while (token);
    return created;
  }

  /**
   * Sends what is due: passes of the worker, each bounded (DeliveryWorker.tick), one after another
   * while the last stopped at its cap and `goOn()` holds. The next pass starts as soon as the
   * current one has taken its last job, so that its first query, claims and content reads overlap
   * the current one's last sends instead of following them (a 10,000-member fan-out would
   * otherwise dip below the rate limit at every pass boundary). At most two passes run at once;
   * two passes that list the same job both try to claim it, and one claim fails (never a resend).
   */
  async deliverDue(goOn: () => boolean = () => true): Promise<TickResult> {
    const total = emptyTickResult();
    const add = (r: TickResult) => {
      total.sent += r.sent;
      total.skipped += r.skipped;
      total.retried += r.retried;
      total.failed += r.failed;
      total.lostLeases += r.lostLeases;
    };
    const passes: Promise<TickResult>[] = [];
    try {
      for (;;) {
        let allTaken!: (more: boolean) => void;
        const taken = new Promise<boolean>((resolve) => (allTaken = resolve));
        const pass = this.worker.tick(undefined, undefined, allTaken);
        passes.push(pass);
        const more = await Promise.race([taken, pass.then((r) => r.more)]);
        if (passes.length > 1) add(await (passes.shift() as Promise<TickResult>));
        if (!more || !goOn()) break;
      }
      add(await (passes.shift() as Promise<TickResult>));
    } finally {
      // A pass that failed while another ran: let the other finish before the error goes up.
      await Promise.allSettled(passes);
    }
    return total;
  }

  /** Starts the timers: planning every `planEveryMs`, delivery every `tickMs`. */
  start(planEveryMs = 5 * 60_000, tickMs = 2_000): void {
    const guard = (name: string, run: () => Promise<unknown>) => {
      let busy = false;
      return () => {
        if (busy) return; // never overlap a pass with itself
        busy = true;
        const p = run()
          .catch((error: unknown) =>
            this.logger.error(`${name} failed`, { error: (error as Error).name }),
          )
          .finally(() => {
            busy = false;
            this.running.delete(p);
          });
        this.running.add(p);
      };
    };
    const plan = guard('delivery planning', async () => {
      await this.planAll();
      await this.evaluateKpis();
    });
    // A pass takes a bounded number of jobs; one that stopped at its cap goes on at once (until
    // stopped) rather than waiting for the timer.
    const tick = guard('delivery', () => this.deliverDue(() => this.timers.length > 0));
    plan();
    this.timers = [setInterval(plan, planEveryMs), setInterval(tick, tickMs)];
    for (const t of this.timers) t.unref();
  }

  /** Stops the timers and waits for passes in flight. */
  async stop(): Promise<void> {
    for (const t of this.timers) clearInterval(t);
    this.timers = [];
    await Promise.all([...this.running]);
  }
}
