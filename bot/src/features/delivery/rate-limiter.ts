/** A sliding window: at most `limit` sends per `windowMs`. */
export interface Window {
  readonly windowMs: number;
  readonly limit: number;
}

/** Teams' published bot limits per conversation (per bot): 7/1 s, 8/2 s, 60/30 s, 1800/1 h. */
export const TEAMS_CONVERSATION_LIMITS: readonly Window[] = [
  { windowMs: 1_000, limit: 7 },
  { windowMs: 2_000, limit: 8 },
  { windowMs: 30_000, limit: 60 },
  { windowMs: 3_600_000, limit: 1_800 },
];

/**
 * Teams' per-app-per-tenant limit: 50 requests per second (configurable). The window is a little
 * longer than a second because concurrent requests do not arrive in the order or at the spacing
 * they left with: without the margin, bunched arrivals cost a 429 and a whole second of Retry-After.
 */
export const teamsTenantLimits = (perSecond = 50, marginMs = 20): readonly Window[] => [
  { windowMs: 1_000 + marginMs, limit: perSecond },
];

/**
 * Rate limiter for proactive sends, sized to Teams' published limits so we rarely see a 429 (and
 * honour Retry-After when we do). Per conversation it keeps sliding windows; per tenant it hands
 * out evenly spaced slots (window / limit apart), which keeps every tenant window within its limit
 * and, unlike a sliding window that lets a whole second's budget go in one burst, does not bunch
 * requests: bursts arrive out of order and cost 429s. A slot is reserved when asked for, so a
 * late timer does not push every later send back, and waiting senders go in turn. In-process: with
 * N instances, give each 1/N of the tenant budget (`perTenantPerSecond`).
 *
 * Memory follows the send rate, not the number of recipients: a conversation that sent once in the
 * longest window (a member's weekly card) is forgotten once the shorter windows no longer see that
 * send (30 s). To stay within the longest window all the same, that window's limit is held lower by
 * as many such forgotten sends as it could hold (one per 30 s: 121 of Teams' 1,800 an hour).
 */
export class SendRateLimiter {
  private readonly history = new Map<string, number[]>();
  private readonly nextTenantSlot = new Map<string, number>();
  private readonly conversationLimits: readonly Window[];
  private readonly conversationSpan: number;
  /** After this long without a send, a conversation that sent once is forgotten (0: never). */
  private readonly forgetAfterMs: number;
  private readonly tenantSpacing: number;
  private prunedAt = Number.NEGATIVE_INFINITY;

  constructor(
    conversationLimits: readonly Window[] = TEAMS_CONVERSATION_LIMITS,
    tenantLimits: readonly Window[] = teamsTenantLimits(),
    private readonly now: () => number = Date.now,
    private readonly sleep: (ms: number) => Promise<void> = (ms) =>
      new Promise((r) => setTimeout(r, ms)),
  ) {
    const windows = [...conversationLimits].sort((a, b) => a.windowMs - b.windowMs);
    const longest = windows[windows.length - 1];
    const shorter = windows.length > 1 ? windows[windows.length - 2].windowMs : 0;
    // A forgotten send is `shorter` older than the next send of its conversation: the longest
    // window holds at most this many of them, and holds that many back.
    const forgotten = shorter > 0 ? Math.floor(longest.windowMs / shorter) + 1 : 0;
    this.forgetAfterMs = forgotten > 0 && forgotten < longest.limit ? shorter : 0;
    this.conversationLimits = this.forgetAfterMs
      ? [...windows.slice(0, -1), { windowMs: longest.windowMs, limit: longest.limit - forgotten }]
      : windows;
    this.conversationSpan = longest.windowMs;
    this.tenantSpacing = Math.max(...tenantLimits.map((w) => w.windowMs / w.limit));
  }

  /** Milliseconds to wait before a send to this conversation and tenant is within every limit. */
  delayFor(conversationId: string, tenantId: string): number {
    const t = this.now();
    return Math.max(
      this.delayOf(`c:${conversationId}`, this.conversationLimits, t),
      (this.nextTenantSlot.get(tenantId) ?? t) - t,
    );
  }

  /** Waits for a slot, then records the send. */
  async acquire(conversationId: string, tenantId: string): Promise<void> {
    const key = `c:${conversationId}`;
    for (
      let wait = this.delayOf(key, this.conversationLimits, this.now());
      wait > 0;
      wait = this.delayOf(key, this.conversationLimits, this.now())
    ) {
      await this.sleep(wait);
    }
    const t = this.now();
    const slot = Math.max(t, this.nextTenantSlot.get(tenantId) ?? t);
    this.nextTenantSlot.set(tenantId, slot + this.tenantSpacing);
    // Recorded at the reserved time, so a second send to this conversation counts it already.
    this.record(key, slot, this.conversationSpan);
    if (slot > t) await this.sleep(slot - t);
  }

  /** Holds a conversation's next send back by `delayMs` (after a 429 with Retry-After). */
  penalise(conversationId: string, delayMs: number): void {
    const untilMs = this.now() + delayMs;
    const h = this.history.get(`c:${conversationId}`) ?? [];
    // Filling the shortest window until `untilMs` keeps the next send from going out earlier.
    const shortest = this.conversationLimits[0];
    for (let i = 0; i < shortest.limit; i += 1) h.push(untilMs - shortest.windowMs);
    this.history.set(`c:${conversationId}`, h);
  }

  /** How many conversations the limiter remembers (bounded by the send rate, not by recipients). */
  get remembered(): number {
    return this.history.size;
  }

  private delayOf(key: string, windows: readonly Window[], t: number): number {
    const h = this.history.get(key);
    if (!h) return 0;
    let delay = 0;
    for (const w of windows) {
      const inWindow = h.filter((x) => x > t - w.windowMs);
      if (inWindow.length >= w.limit) {
        // The oldest send inside the window must leave it before another may go.
        const oldest = inWindow[inWindow.length - w.limit];
        delay = Math.max(delay, oldest + w.windowMs - t + 1);
      }
    }
    return delay;
  }

  private record(key: string, t: number, span: number): void {
    // Keep only what the key's longest window can still see.
    const h = (this.history.get(key) ?? []).filter((x) => x > t - span);
    h.push(t);
    this.history.set(key, h);
    if (t - this.prunedAt >= (this.forgetAfterMs || span)) this.prune(t);
  }

  /** Drops what no window can see any more, and the quiet conversations that sent once. */
  private prune(t: number): void {
    this.prunedAt = t;
    for (const [key, h] of this.history) {
      const seen = h.filter((x) => x > t - this.conversationSpan);
      const quiet = seen.every((x) => x <= t - this.forgetAfterMs);
      if (seen.length === 0 || (this.forgetAfterMs && seen.length === 1 && quiet))
        this.history.delete(key);
    }
  }
}
