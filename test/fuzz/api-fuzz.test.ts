import fc from 'fast-check';
import { startHarness, type Harness } from '../faults/harness';
import { evilId, evilJson, evilQuery } from './arbitraries';

// Every /api/v1 route (tab API and ingestion) with hostile bodies, queries and path ids: always a
// 4xx JSON error naming what is wrong (or a success), never a 5xx, and a rejection changes nothing.
const TEAM = '00000000-0000-0000-0000-000000000031';

/** The routes to fuzz. New routes: add one line (`:name` segments get hostile ids too). */
export const ROUTES: readonly { method: string; path: string; body?: boolean }[] = [
  { method: 'GET', path: '/me' },
  { method: 'GET', path: '/teams/:teamId/alignment' },
  { method: 'PATCH', path: '/teams/:teamId/key-results/:keyResultId', body: true },
  { method: 'POST', path: '/teams/:teamId/kpis', body: true },
  { method: 'PATCH', path: '/teams/:teamId/kpis/:kpiId', body: true },
  { method: 'POST', path: '/teams/:teamId/kpis/:kpiId/readings/csv', body: true },
  { method: 'POST', path: '/teams/:teamId/ingestion-keys', body: true },
  { method: 'GET', path: '/teams/:teamId/ingestion-keys' },
  { method: 'DELETE', path: '/teams/:teamId/ingestion-keys/:keyId' },
  { method: 'GET', path: '/teams/:teamId/export' },
  { method: 'POST', path: '/teams/:teamId/objectives/import', body: true },
  { method: 'GET', path: '/me/okrs' },
  { method: 'POST', path: '/me/check-ins', body: true },
  { method: 'POST', path: '/teams/:teamId/objectives', body: true },
  { method: 'PATCH', path: '/teams/:teamId/objectives/:objectiveId', body: true },
  { method: 'POST', path: '/teams/:teamId/objectives/:objectiveId/key-results', body: true },
  { method: 'POST', path: '/teams/:teamId/key-results/:keyResultId/archive', body: true },
  { method: 'GET', path: '/teams/:teamId/cycles/:cycleId/close' },
  { method: 'POST', path: '/teams/:teamId/cycles/:cycleId/close', body: true },
  { method: 'GET', path: '/teams/:teamId/settings' },
  { method: 'PATCH', path: '/teams/:teamId/settings', body: true },
  { method: 'GET', path: '/teams/:teamId/dashboard' },
  { method: 'GET', path: '/teams/:teamId/meeting-agenda' },
  // Ingestion (authenticated with an ingestion key, which the fuzzer does not have: still 4xx).
  { method: 'POST', path: '/kpis/readings:batch', body: true },
  { method: 'POST', path: '/kpis/:kpiId/readings', body: true },
];

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.stop();
});

const realIds: Record<string, string> = {
  teamId: TEAM,
  keyResultId: 'kr-engagement',
  kpiId: 'kpi-csat',
  keyId: 'no-such-key',
  objectiveId: 'obj-engagement',
  // Not the open cycle: fuzzing must not close the demo cycle under the other routes.
  cycleId: 'FY2020-Q1',
};

it.each(ROUTES.map((r) => [`${r.method} ${r.path}`, r] as const))(
  '%s rejects hostile input with 4xx JSON and writes nothing',
  async (_name, route) => {
    await fc.assert(
      fc.asyncProperty(
        fc.dictionary(fc.constantFrom(...Object.keys(realIds)), evilId()),
        fc.boolean(),
        evilQuery(),
        route.body
          ? fc.oneof(evilJson(), fc.constantFrom('{"a":NaN}', '{', '[]]', '\u0000'))
          : fc.constant(undefined),
        async (ids, useRealTeam, query, body) => {
          const path = route.path.replace(/:(\w+)/g, (_m, name: string) =>
            encodeURIComponent(
              name === 'teamId' && useRealTeam ? TEAM : (ids[name] ?? realIds[name]),
            ),
          );
          const before = await h.contents();
          const res = await fetch(`${h.url}/api/v1${path}${query}`, {
            method: route.method,
            headers: body === undefined ? {} : { 'content-type': 'application/json' },
            body:
              body === undefined
                ? undefined
                : typeof body === 'string'
                  ? body
                  : JSON.stringify(body),
          });
          const text = await res.text();
          expect(res.status).toBeLessThan(500);
          if (res.status >= 400) {
            expect(res.headers.get('content-type')).toMatch(/application\/json/);
            const parsed = JSON.parse(text) as { error?: { code?: unknown; message?: unknown } };
            expect(typeof parsed.error?.message).toBe('string');
            expect(await h.contents()).toBe(before);
          }
        },
      ),
      { numRuns: 20 },
    );
  },
);
