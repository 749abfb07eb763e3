/**
 * One evaluation per KPI at a time in this process; requests that arrive while one runs share
 * the next run (which reads their readings, already stored). Without it, concurrent requests for
 * one KPI race on its ETag and mostly retry; other instances still race, and the ETag loop below
 * settles that.
 */
export class EvaluationCoalescer {
  private readonly state = new Map<string, { tail: Promise<number>; queued?: Promise<number> }>();

  run(key: string, evaluate: () => Promise<number>): Promise<number> {
    const current = this.state.get(key);
    if (current?.queued) return current.queued.then(() => 0);
    const entry: { tail: Promise<number>; queued?: Promise<number> } = current ?? {
      tail: Promise.resolve(0),
    };
    const queued = entry.tail
      .catch(() => 0)
      .then(() => {
        entry.queued = undefined;
        return evaluate();
      });
    entry.queued = queued;
    entry.tail = queued;
    this.state.set(key, entry);
    void queued
      .finally(() => {
        if (entry.tail === queued) this.state.delete(key);
      })
      .catch(() => undefined);
    return queued;
  }
}
