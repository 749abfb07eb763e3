import { createHash, timingSafeEqual } from 'node:crypto';

/**
 * How many failed ingestion-key checks one window allows, per (key id, client address) and per
 * client address. Generous for a pipeline with a typo (it sees ten 401s a minute before a 429),
 * tight for guessing: one address costs at most `perAddress` store reads a minute.
 */
export const INGEST_FAILURE_BUDGET: FailureBudget = {
  perKeyAndAddress: 10,
  perAddress: 50,
  windowMs: 60_000,
};

/** Failures allowed per window (of `windowMs`, starting at the first failure). */
export interface FailureBudget {
  readonly perKeyAndAddress: number;
  readonly perAddress: number;
  readonly windowMs: number;
}

/** Buckets and remembered keys kept at most (oldest dropped first): memory stays bounded. */
export const INGEST_THROTTLE_ENTRIES = 10_000;

/** A count of failures in a fixed window that starts at the first failure. */
interface Bucket {
  start: number;
  failures: number;
}

/** A map that forgets its least recently used entries beyond `max`. */
class BoundedMap<V> {
  private readonly map = new Map<string, V>();
  constructor(private readonly max: number) {}

  get(key: string): V | undefined {
    const v = this.map.get(key);
    if (v !== undefined) {
      this.map.delete(key);
      this.map.set(key, v);
    }
    return v;
  }

  set(key: string, value: V): void {
    this.map.delete(key);
    this.map.set(key, value);
    if (this.map.size > this.max) this.map.delete(this.map.keys().next().value as string);
  }

  delete(key: string): void {
    this.map.delete(key);
  }

  get size(): number {
    return this.map.size;
  }
}

const digest = (s: string) => createHash('sha256').update(s).digest();

/** How a check ended: the key checked out, it did not, or the store could not tell. */
export type CheckOutcome = 'valid' | 'invalid' | 'error';

/** What a caller may do with a presented key; an allowed check must be settled. */
export type ThrottleDecision =
  | { readonly allowed: true; readonly settle: (outcome: CheckOutcome) => void }
  | { readonly allowed: false; readonly retryAfterSeconds: number };

/**
 * Throttles failed ingestion-key checks in this process (per instance: with N instances an
 * address gets N budgets). The decision is made before the store read, so a throttled request
 * costs none. Every check in flight holds a slot of both budgets until it settles (a concurrent
 * burst cannot overrun them); a valid key gives its slot back.
 *
 * Not locking out the owner: failures are counted per (key id, address) and per address, never per
 * key id alone, so guesses from elsewhere never block the owner's address. A key this instance has
 * seen valid is remembered (a hash of the whole key, in memory) and skips the throttle even from a
 * throttled address (a NAT or proxy shared with the guesser): recognising it costs no store read,
 * and it is still checked against the store as every request is, so revoking stays immediate (a
 * key that stops checking out is forgotten).
 */
export class IngestionThrottle {
  private readonly pairs: BoundedMap<Bucket>;
  private readonly addresses: BoundedMap<Bucket>;
  private readonly known: BoundedMap<Buffer>;

  constructor(
    private readonly now: () => number,
    private readonly budget: FailureBudget = INGEST_FAILURE_BUDGET,
    entries = INGEST_THROTTLE_ENTRIES,
  ) {
    this.pairs = new BoundedMap(entries);
    this.addresses = new BoundedMap(entries);
    this.known = new BoundedMap(entries);
  }

  /** Decides on a well-formed key `raw` with id `keyId` from `address`, before any store read. */
  check(keyId: string, raw: string, address: string): ThrottleDecision {
    const presented = digest(raw);
    const known = this.known.get(keyId);
    if (known && timingSafeEqual(known, presented))
      return {
        allowed: true,
        settle: (outcome) => {
          if (outcome === 'invalid') this.known.delete(keyId);
        },
      };
    const t = this.now();
    const pairKey = `${keyId} ${address}`;
    const pair = this.current(this.pairs, pairKey, t);
    const byAddress = this.current(this.addresses, address, t);
    const full = [
      { bucket: pair, limit: this.budget.perKeyAndAddress },
      { bucket: byAddress, limit: this.budget.perAddress },
    ].filter((b) => b.bucket.failures >= b.limit);
    if (full.length > 0) {
      const until = Math.max(...full.map((b) => b.bucket.start + this.budget.windowMs));
      return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil((until - t) / 1000)) };
    }
    pair.failures += 1;
    byAddress.failures += 1;
    return {
      allowed: true,
      settle: (outcome) => {
        if (outcome === 'invalid') return;
        // Not a failure: give the slots back (if their windows are still the ones counted); a
        // valid key is remembered.
        if (this.pairs.get(pairKey) === pair) pair.failures -= 1;
        if (this.addresses.get(address) === byAddress) byAddress.failures -= 1;
        if (outcome === 'valid') this.known.set(keyId, presented);
      },
    };
  }

  /** Entries held (for tests of the memory bound). */
  get size(): { pairs: number; addresses: number; known: number } {
    return { pairs: this.pairs.size, addresses: this.addresses.size, known: this.known.size };
  }

  private current(map: BoundedMap<Bucket>, key: string, t: number): Bucket {
    const b = map.get(key);
    if (b && t - b.start < this.budget.windowMs) return b;
    const fresh = { start: t, failures: 0 };
    map.set(key, fresh);
    return fresh;
  }
}
