import type { RequestHandler } from 'express';

/** Answers whether the store can be reached right now. */
export type StoreProbe = () => Promise<boolean>;

/** `GET /healthz`: 200 when the store answers within the timeout, 503 otherwise. */
export function healthRoute(probe: StoreProbe, timeoutMs = 2000): RequestHandler {
  return async (_req, res) => {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<boolean>((resolve) => {
      timer = setTimeout(() => resolve(false), timeoutMs);
    });
    const healthy = await Promise.race([probe().catch(() => false), timeout]);
    clearTimeout(timer);
    res.setHeader('Cache-Control', 'no-store');
    res.status(healthy ? 200 : 503).json({ status: healthy ? 'ok' : 'unavailable' });
  };
}
