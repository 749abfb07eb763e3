import {
  SendRateLimiter,
  TEAMS_CONVERSATION_LIMITS,
  teamsTenantLimits,
} from '../../../bot/src/features/delivery/rate-limiter';
import { classifyResponse, isAllowedServiceUrl } from '../../../bot/src/teams/proactive-sender';

/** A limiter on a fake clock: waiting advances time, so the schedule it produces is exact. */
function fakeLimiter(perTenant = 50) {
  let t = 0;
  const sends: number[] = [];
  const limiter = new SendRateLimiter(
    TEAMS_CONVERSATION_LIMITS,
    teamsTenantLimits(perTenant),
    () => t,
    async (ms) => {
      t += ms;
    },
  );
  const send = async (conversation: string, tenant = 'T') => {
    await limiter.acquire(conversation, tenant);
    sends.push(t);
  };
  return {
    limiter,
    send,
    sends,
    now: () => t,
    advance: (ms: number) => {
      t += ms;
    },
  };
}

/** The most of `times` (in order) inside any window of `windowMs`. */
function maxIn(times: number[], windowMs: number): number {
  let most = 0;
  for (let first = 0, last = 0; last < times.length; last += 1) {
    while (times[last] >= times[first] + windowMs) first += 1;
    most = Math.max(most, last - first + 1);
  }
  return most;
}

describe('SendRateLimiter', () => {
  it('keeps one conversation within 7/1 s, 8/2 s and 60/30 s', async () => {
    const { send, sends } = fakeLimiter();
    for (let i = 0; i < 130; i += 1) await send('c1');
    expect(maxIn(sends, 1_000)).toBeLessThanOrEqual(7);
    expect(maxIn(sends, 2_000)).toBeLessThanOrEqual(8);
    expect(maxIn(sends, 30_000)).toBeLessThanOrEqual(60);
    // And it uses what the limits allow: 130 sends need a bit over two 30-second windows.
    expect(sends[sends.length - 1]).toBeLessThan(70_000);
  });

  it('keeps a tenant within its per-second budget across conversations', async () => {
    const { send, sends } = fakeLimiter(50);
    for (let i = 0; i < 500; i += 1) await send(`c${i}`);
    expect(maxIn(sends, 1_000)).toBeLessThanOrEqual(50);
    // Evenly spaced (1,020 ms / 50 apart: no bursts to arrive bunched), and nothing slower.
    const gaps = sends.slice(1).map((t, i) => t - sends[i]);
    expect(Math.min(...gaps)).toBeGreaterThanOrEqual(20);
    expect(sends[sends.length - 1]).toBeLessThanOrEqual(499 * 20.4 + 1);
  });

  it('a late timer does not push every later send back', async () => {
    let t = 0;
    const limiter = new SendRateLimiter(
      TEAMS_CONVERSATION_LIMITS,
      teamsTenantLimits(50),
      () => t,
      async (ms) => {
        t += ms + 5; // every wake-up comes 5 ms late
      },
    );
    const sends: number[] = [];
    for (let i = 0; i < 100; i += 1) {
      await limiter.acquire(`c${i}`, 'T');
      sends.push(t);
    }
    // Slots are reserved on a fixed grid, so lateness does not add up (100 × 25 ms would).
    expect(sends[sends.length - 1]).toBeLessThan(99 * 20.4 + 10);
    expect(maxIn(sends, 1_000)).toBeLessThanOrEqual(50);
  });

  it('waiting senders get their slots in turn, each tenant on its own budget', async () => {
    const waits: number[] = [];
    // The clock stands still: each acquire reserves the next slot and reports how long it waits.
    const limiter = new SendRateLimiter(
      TEAMS_CONVERSATION_LIMITS,
      teamsTenantLimits(50),
      () => 0,
      async (ms) => {
        waits.push(ms);
      },
    );
    await Promise.all(['a', 'b', 'c'].map((c) => limiter.acquire(c, 'T1')));
    expect(waits).toEqual([20.4, 40.8]);
    expect(limiter.delayFor('d', 'T1')).toBeCloseTo(61.2);
    expect(limiter.delayFor('d', 'T2')).toBe(0);
  });
});

describe('SendRateLimiter memory', () => {
  it('remembers conversations by the send rate, not by how many received a card', async () => {
    const { limiter, send } = fakeLimiter(50);
    // A 10,000-member fan-out: one card each, 204 s at 50/s.
    for (let i = 0; i < 10_000; i += 1) await send(`member-${i}`);
    // Only those the shorter windows still see (30 s, pruned every 30 s: at most a minute's worth).
    expect(limiter.remembered).toBeLessThanOrEqual(60 * 50);
  });

  it('keeps a conversation within 1,800 an hour though its single sends are forgotten', async () => {
    const { limiter, send, now, advance } = fakeLimiter(50);
    const mine: number[] = [];
    const sendMine = async () => {
      await send('mine');
      mine.push(now());
    };
    // For an hour, one send to `mine`, 30 s of quiet, a send elsewhere: each time it is forgotten.
    for (let i = 0; now() < 3_590_000; i += 1) {
      await sendMine();
      advance(30_001);
      await send(`other-${i}`);
      expect(limiter.remembered).toBeLessThanOrEqual(2);
    }
    // Then as many as it may: the forgotten sends still count against its hour.
    for (let i = 0; i < 1_900; i += 1) await sendMine();
    expect(mine.length).toBeGreaterThan(1_800);
    expect(maxIn(mine, 3_600_000)).toBeLessThanOrEqual(1_800);
  });
});

describe('Bot Connector responses', () => {
  it.each([
    [201, null, '', { kind: 'sent' }],
    [429, '3', '', { kind: 'retry', afterMs: 3000, reason: 'throttled (429)' }],
    [429, null, '', { kind: 'retry', reason: 'throttled (429)' }],
    [502, null, '', { kind: 'retry', reason: 'connector error (502)' }],
    [504, null, '', { kind: 'retry', reason: 'connector error (504)' }],
    [404, null, '', { kind: 'gone', reason: 'conversation not found (404)' }],
    [
      403,
      null,
      '{"error":{"code":"MessageWritesBlocked"}}',
      { kind: 'gone', reason: 'blocked by the user (403)' },
    ],
    [
      403,
      null,
      '{"error":{"code":"Forbidden"}}',
      { kind: 'failed', reason: 'rejected by the connector (403)' },
    ],
    [400, null, '', { kind: 'failed', reason: 'rejected by the connector (400)' }],
  ])('%i (Retry-After %s) → %j', (status, retryAfter, body, outcome) => {
    expect(classifyResponse(status, retryAfter, body)).toEqual(outcome);
  });

  it.each([
    ['https://smba.trafficmanager.net/amer/', false, true],
    ['https://smba.infra.gcc.teams.microsoft.com/', false, true],
    ['http://smba.trafficmanager.net/amer/', false, false],
    ['https://smba.trafficmanager.net.evil.example/', false, false],
    ['https://user:pw@smba.trafficmanager.net/', false, false],
    ['http://localhost:56150/_connector', false, false],
    ['http://localhost:56150/_connector', true, true],
    ['http://10.0.0.1/', true, false],
    ['not a url', true, false],
  ])('service URL %s (local %s) allowed: %s', (url, local, allowed) => {
    expect(isAllowedServiceUrl(url, local)).toBe(allowed);
  });
});
