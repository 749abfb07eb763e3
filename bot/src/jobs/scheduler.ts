import type { DeliveryJobStore } from '../app/delivery-ports';
import type { Logger } from '../observability/logger';
import type { DeliveryWorker } from './delivery-worker';
import { planTeamWeek, type PlannerStores } from './planner';

/** Runs planning and delivery on timers; both are safe to run in every instance at once. */
export class Scheduler {
  private timers: NodeJS.Timeout[] = [];
  private running = new Set<Promise<unknown>>();

  constructor(
    private readonly stores: PlannerStores & { readonly deliveries: DeliveryJobStore },
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
    const plan = guard('delivery planning', () => this.planAll());
    const tick = guard('delivery', () => this.worker.tick());
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
