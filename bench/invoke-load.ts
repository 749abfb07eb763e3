import autocannon from 'autocannon';
import { percentile } from './report';

/** What one load run measured. */
export interface LoadFigures {
  readonly p50: number;
  readonly p95: number;
  readonly p99: number;
  readonly requestsPerSecond: number;
  readonly requests: number;
  readonly errors: number;
  /** What the errors were (open loop): `status 503`, `200, not saved`, `TimeoutError` … → count. */
  readonly errorKinds?: Readonly<Record<string, number>>;
  /** Open loop: requests never answered (timed out, connection refused or reset). */
  readonly unanswered?: number;
  /** Open loop: p99 of the time to a 503 answer, in ms (how quickly a refusal comes). */
  readonly refusedP99?: number;
  /** Server CPU (user + system) per answered request, in ms; set by the caller. */
  cpuMsPerRequest?: number;
}

const summary = (latencies: number[], seconds: number, errors: number): LoadFigures => {
  const [p50, p95, p99] = [50, 95, 99].map((p) => Math.round(percentile(latencies, p)));
  return {
    p50,
    p95,
    p99,
    requestsPerSecond: Math.round(latencies.length / seconds),
    requests: latencies.length,
    errors,
  };
};

/**
 * Closed loop: `connections` keep-alive connections, each sending again as soon as it is
 * answered (autocannon), with per-request bodies; latencies kept per response for true tails.
 */
export async function closedLoop(
  url: string,
  token: string,
  connections: number,
  seconds: number,
  nextBody: () => string,
): Promise<LoadFigures> {
  const latencies: number[] = [];
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const run = autocannon(
      {
        url,
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        requests: [{ setupRequest: (req) => ({ ...req, body: nextBody() }) }],
        connections,
        duration: seconds,
      },
      (error, r) => (error ? reject(error) : resolve(r)),
    );
    run.on('response', (_client, _status, _bytes, ms) => latencies.push(ms));
  });
  return summary(latencies, seconds, result.non2xx + result.errors + result.timeouts);
}

/**
 * Open loop: `rate` requests a second for `seconds`, each sent at its scheduled time whether or
 * not earlier ones were answered (arrivals do not wait for the server). Latency counts from the
 * scheduled time, so a server that falls behind shows it (no coordinated omission). A request not
 * answered 200 within 30 s, or answered 200 with a body `succeeded` refuses (the "may not have
 * been saved" card), is an error; each error is counted by its kind.
 */
export async function openLoop(
  url: string,
  token: string,
  rate: number,
  seconds: number,
  nextBody: () => string,
  succeeded: (body: string) => boolean = () => true,
): Promise<LoadFigures> {
  const latencies: number[] = [];
  let errors = 0;
  const errorKinds: Record<string, number> = {};
  const refusals: number[] = [];
  let unanswered = 0;
  const failed = (kind: string) => {
    errors += 1;
    errorKinds[kind] = (errorKinds[kind] ?? 0) + 1;
  };
  const total = Math.round(rate * seconds);
  const start = performance.now();
  const inFlight: Promise<void>[] = [];
  const send = async (scheduled: number) => {
    try {
      const response = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: nextBody(),
        signal: AbortSignal.timeout(30_000),
      });
      const body = await response.text();
      if (response.status === 503) refusals.push(performance.now() - scheduled);
      if (response.status !== 200) failed(`status ${response.status}`);
      else if (!succeeded(body)) failed('200, not saved');
      else latencies.push(performance.now() - scheduled);
    } catch (error) {
      const e = error as Error & { cause?: { code?: string } };
      unanswered += 1;
      failed(e.cause?.code ?? e.name);
    }
  };
  for (let i = 0; i < total; i += 1) {
    const scheduled = start + (i * 1000) / rate;
    const wait = scheduled - performance.now();
    if (wait > 1) await new Promise((resolve) => setTimeout(resolve, wait));
    inFlight.push(send(scheduled));
  }
  await Promise.all(inFlight);
  return {
    ...summary(latencies, seconds, errors),
    errorKinds,
    unanswered,
    refusedP99: Math.round(percentile(refusals, 99)),
  };
}

/** `GET cpuUrl` of a bench server process: its own `process.cpuUsage()` in microseconds. */
export async function serverCpuMicros(cpuUrl: string): Promise<number> {
  const usage = (await (await fetch(cpuUrl)).json()) as { user: number; system: number };
  return usage.user + usage.system;
}

/** Runs `load` and adds the server's CPU per answered request. */
export async function withServerCpu(
  cpuUrl: string,
  load: () => Promise<LoadFigures>,
): Promise<LoadFigures> {
  const before = await serverCpuMicros(cpuUrl);
  const figures = await load();
  const used = (await serverCpuMicros(cpuUrl)) - before;
  figures.cpuMsPerRequest = Math.round(used / Math.max(1, figures.requests) / 10) / 100;
  return figures;
}
