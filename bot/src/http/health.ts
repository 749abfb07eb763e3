import type { RequestHandler } from 'express';

/** Answers whether the store can be reached right now. */
export type StoreProbe = () => Promise<boolean>;

/** How long (ms) the oldest due delivery has waited; 0 when nothing is due. */
export type BacklogProbe = () => Promise<number>;

/** A due delivery older than this means sending has stalled on this deployment. */
export const MAX_BACKLOG_AGE_MS = 15 * 60_000;

async function within<T>(work: Promise<T>, timeoutMs: number, fallback: T): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<T>((resolve) => {
    timer = setTimeout(() => resolve(fallback), timeoutMs);
  });
  const result = await Promise.race([work.catch(() => fallback), timeout]);
  clearTimeout(timer);
  return result;
}

/**
 * `GET /healthz` (liveness): 200 while this process serves HTTP. It does not ask the store: App
 * Service's health check pulls failing instances out of rotation, and a short Cosmos DB hiccup must
 * not pull every instance. Store reachability is `/readyz` (alerts, dashboards).
 */
export function healthRoute(_store?: StoreProbe): RequestHandler {
  return (_req, res) => {
    res.setHeader('Cache-Control', 'no-store');
    res.status(200).json({ status: 'ok' });
  };
}

/**
 * `GET /readyz` (readiness): the store answers and no due delivery has waited longer than
 * `maxBacklogAgeMs`. A 503 names each failing check so an operator sees why without logs.
 */
export function readinessRoute(
  store: StoreProbe,
  backlog: BacklogProbe,
  options: { timeoutMs?: number; maxBacklogAgeMs?: number } = {},
): RequestHandler {
  const timeoutMs = options.timeoutMs ?? 2000;
  const maxAge = options.maxBacklogAgeMs ?? MAX_BACKLOG_AGE_MS;
  return async (_req, res) => {
    const [storeOk, age] = await Promise.all([
      within(store(), timeoutMs, false),
      within<number | undefined>(backlog(), timeoutMs, undefined),
    ]);
    const backlogOk = age !== undefined && age <= maxAge;
    const ready = storeOk && backlogOk;
    res.setHeader('Cache-Control', 'no-store');
    res.status(ready ? 200 : 503).json({
      status: ready ? 'ready' : 'unavailable',
      checks: {
        store: storeOk ? 'ok' : 'unreachable',
        deliveryBacklog: age === undefined ? 'unknown' : age <= maxAge ? 'ok' : 'stalled',
      },
      ...(age === undefined ? {} : { deliveryBacklogAgeSeconds: Math.round(age / 1000) }),
    });
  };
}
