import { EvaluationCoalescer } from '../../../bot/src/features/common/evaluation-coalescer';

describe('EvaluationCoalescer', () => {
  function gate() {
    let open!: () => void;
    const opened = new Promise<void>((r) => (open = r));
    return { open, opened };
  }

  it('runs one evaluation per key at a time and lets requests that arrive meanwhile share the next', async () => {
    const c = new EvaluationCoalescer();
    const first = gate();
    let runs = 0;
    let concurrent = 0;
    let maxConcurrent = 0;
    const evaluate = async (wait?: Promise<void>) => {
      runs += 1;
      concurrent += 1;
      maxConcurrent = Math.max(maxConcurrent, concurrent);
      await wait;
      concurrent -= 1;
      return 1;
    };
    const a = c.run('k', () => evaluate(first.opened));
    await Promise.resolve();
    await Promise.resolve();
    // Three requests while the first runs: they share one follow-up run.
    const b = c.run('k', () => evaluate());
    const d = c.run('k', () => evaluate());
    const e = c.run('k', () => evaluate());
    first.open();
    const results = await Promise.all([a, b, d, e]);
    expect(runs).toBe(2);
    expect(maxConcurrent).toBe(1);
    // Alerts are counted once: by the request whose run created them.
    expect(results).toEqual([1, 1, 0, 0]);
  });

  it('keeps keys independent and recovers after a failed run', async () => {
    const c = new EvaluationCoalescer();
    await expect(c.run('x', () => Promise.reject(new Error('store down')))).rejects.toThrow(
      'store down',
    );
    await expect(c.run('x', () => Promise.resolve(2))).resolves.toBe(2);
    await expect(c.run('y', () => Promise.resolve(3))).resolves.toBe(3);
  });
});
