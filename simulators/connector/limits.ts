/** A sliding-window limit as Teams documents them. */
export interface Limit {
  readonly windowMs: number;
  readonly limit: number;
}

/** Per bot per conversation (Teams, "Rate limiting for bots"). */
export const CONVERSATION_LIMITS: readonly Limit[] = [
  { windowMs: 1_000, limit: 7 },
  { windowMs: 2_000, limit: 8 },
  { windowMs: 30_000, limit: 60 },
  { windowMs: 3_600_000, limit: 1_800 },
];

/** Per app per tenant: 50 requests per second today (older docs said 30). */
export const tenantLimits = (perSecond = 50): readonly Limit[] => [
  { windowMs: 1_000, limit: perSecond },
];

/** Sliding windows keyed by conversation or tenant; answers how long until a request fits. */
export class SlidingWindows {
  private readonly hits = new Map<string, number[]>();

  constructor(private readonly limits: readonly Limit[]) {}

  /** 0 when a request now fits every window (and records it), else ms until it would. */
  take(key: string, now: number): number {
    const span = Math.max(...this.limits.map((l) => l.windowMs));
    const h = (this.hits.get(key) ?? []).filter((t) => t > now - span);
    let wait = 0;
    for (const l of this.limits) {
      const inside = h.filter((t) => t > now - l.windowMs);
      if (inside.length >= l.limit)
        wait = Math.max(wait, inside[inside.length - l.limit] + l.windowMs - now);
    }
    if (wait === 0) h.push(now);
    this.hits.set(key, h);
    return wait;
  }
}
