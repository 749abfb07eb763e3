/**
 * Every route under `/api/v1`, as the fuzzer and the token matrix walk them. A route the app mounts
 * but not listed here fails test/integration/api/route-matrix.test.ts (which walks the routers). (`:name` segments get
 * hostile ids in the fuzzer.)
 */
export const API_ROUTES: readonly { method: string; path: string; body?: boolean }[] = [
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
  { method: 'GET', path: '/teams/:teamId/members' },
  { method: 'PUT', path: '/teams/:teamId/members/:userId/role', body: true },
  { method: 'PUT', path: '/teams/:teamId/members/:userId/away', body: true },
  { method: 'POST', path: '/teams/:teamId/open-items/:itemId/resolve', body: true },
  { method: 'POST', path: '/teams/:teamId/open-items/:itemId/decision', body: true },
  { method: 'PATCH', path: '/teams/:teamId/open-items/:itemId', body: true },
  { method: 'POST', path: '/teams/:teamId/open-items/:itemId/withdraw', body: true },
  { method: 'GET', path: '/teams/:teamId/decision-log' },
  // Data rights (the local identity holds the admin role). The user id is not a real member:
  // erasing the demo users would change what the other routes see.
  { method: 'GET', path: '/admin/users/:userId/export' },
  { method: 'DELETE', path: '/admin/users/:userId' },
  { method: 'DELETE', path: '/admin/tenant' },
  { method: 'GET', path: '/admin/retention' },
  // Moving in from Viva Goals (admins).
  { method: 'POST', path: '/admin/import/viva-goals/preview', body: true },
  { method: 'POST', path: '/admin/import/viva-goals/apply', body: true },
  { method: 'POST', path: '/admin/import/viva-goals/link-team', body: true },
  { method: 'POST', path: '/admin/import/viva-goals/report', body: true },
  // Ingestion (authenticated with an ingestion key, which the fuzzer does not have: still 4xx).
  { method: 'POST', path: '/kpis/readings:batch', body: true },
  // The same handler under a path without `:` (for clients that cannot send one).
  { method: 'POST', path: '/kpis/readings/batch', body: true },
  { method: 'POST', path: '/kpis/:kpiId/readings', body: true },
];
