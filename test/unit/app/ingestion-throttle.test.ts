import { IngestionThrottle } from '../../../bot/src/features/kpis/ingestion-throttle';

const budget = { perKeyAndAddress: 2, perAddress: 3, windowMs: 60_000 };
const KEY = 'bk_abcdefgh.c2NvcGU.secret';

describe('IngestionThrottle', () => {
  it('keeps at most its entry bound however many addresses and key ids it sees', () => {
    const throttle = new IngestionThrottle(() => 0, budget, 100);
    for (let i = 0; i < 5_000; i += 1) {
      const d = throttle.check(`key${i}`, `${KEY}${i}`, `10.0.${i >> 8}.${i & 255}`);
      if (d.allowed) d.settle(i % 2 ? 'invalid' : 'valid');
    }
    const size = throttle.size;
    expect(Math.max(size.pairs, size.addresses, size.known)).toBeLessThanOrEqual(100);
    expect(size.known).toBeGreaterThan(0);
  });

  it('counts neither store errors nor valid keys as failures', () => {
    const throttle = new IngestionThrottle(() => 0, budget);
    for (let i = 0; i < 10; i += 1) {
      const d = throttle.check('k', `${KEY}${i}`, 'a');
      expect(d.allowed).toBe(true);
      if (d.allowed) d.settle('error');
    }
  });

  it('answers how long to wait until the oldest full window ends, then allows again', () => {
    let t = 0;
    const throttle = new IngestionThrottle(() => t, budget);
    for (let i = 0; i < 2; i += 1) {
      const d = throttle.check('k', KEY, 'a');
      if (d.allowed) d.settle('invalid');
    }
    t = 15_500;
    expect(throttle.check('k', KEY, 'a')).toEqual({ allowed: false, retryAfterSeconds: 45 });
    // Another key id from the same address still has the address budget's last slot.
    expect(throttle.check('other', KEY, 'a').allowed).toBe(true);
    t = 60_000;
    expect(throttle.check('k', KEY, 'a').allowed).toBe(true);
  });

  it('forgets a remembered key that stops checking out (revoked)', () => {
    const throttle = new IngestionThrottle(() => 0, budget);
    const first = throttle.check('k', KEY, 'a');
    if (first.allowed) first.settle('valid');
    expect(throttle.size.known).toBe(1);
    const later = throttle.check('k', KEY, 'b');
    if (later.allowed) later.settle('invalid');
    expect(throttle.size.known).toBe(0);
  });
});
