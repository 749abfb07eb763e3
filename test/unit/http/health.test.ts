import express from 'express';
import request from 'supertest';
import { healthRoute, readinessRoute } from '../../../bot/src/http/health';

/** An app with both probes over a store that is down (its probe never answers, or throws). */
function appWithStoreDown(store: () => Promise<boolean>) {
  const app = express();
  app.get('/healthz', healthRoute(store));
  app.get(
    '/readyz',
    readinessRoute(store, async () => 0, { timeoutMs: 50 }),
  );
  return app;
}

describe('/healthz is liveness only; /readyz keeps store reachability', () => {
  it.each([
    ['never answers', () => new Promise<boolean>(() => {})],
    ['throws', () => Promise.reject(new Error('ECONNREFUSED'))],
    ['answers false', () => Promise.resolve(false)],
  ])('store %s: /healthz 200, /readyz 503 naming the store', async (_, store) => {
    let calls = 0;
    const app = appWithStoreDown(() => {
      calls += 1;
      return store();
    });
    const live = await request(app).get('/healthz');
    expect([live.status, live.body]).toEqual([200, { status: 'ok' }]);
    expect(live.headers['cache-control']).toBe('no-store');
    // Liveness did not even ask the store (App Service would pull every instance on a hiccup).
    expect(calls).toBe(0);
    const ready = await request(app).get('/readyz');
    expect(ready.status).toBe(503);
    expect(ready.body).toMatchObject({ status: 'unavailable', checks: { store: 'unreachable' } });
    expect(calls).toBe(1);
  });
});
