import fc from 'fast-check';
import { startHarness, type Harness } from '../faults/harness';
import { evilId, evilJson, evilQuery } from './arbitraries';
import { API_ROUTES as ROUTES } from '../support/api-routes';

// Every /api/v1 route (tab API and ingestion) with hostile bodies, queries and path ids: always a
// 4xx JSON error naming what is wrong (or a success), never a 5xx, and a rejection changes nothing.
const TEAM = '00000000-0000-0000-0000-000000000031';

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
  userId: '00000000-0000-0000-0000-00000000dead',
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
