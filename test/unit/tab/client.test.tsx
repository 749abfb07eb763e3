/** @jest-environment node */
import { createApiClient } from '../../../tab/src/api/client';
import { ApiRequestError } from '../../../tab/src/api/errors';

type Call = { url: string; init: RequestInit };

function fakeFetch(status: number, body: unknown, calls: Call[]): typeof fetch {
  return async (input, init) => {
    calls.push({ url: String(input), init: init ?? {} });
    return new Response(body === undefined ? null : JSON.stringify(body), {
      status,
      headers: { 'Content-Type': 'application/json' },
    });
  };
}

describe('tab API client', () => {
  it('sends the Teams token as a bearer token', async () => {
    const calls: Call[] = [];
    const api = createApiClient({
      getToken: async () => 'sso-token',
      fetch: fakeFetch(200, { userId: 'u' }, calls),
    });
    await api.getMe();
    expect(calls[0]?.url).toBe('/api/v1/me');
    expect((calls[0]?.init.headers as Record<string, string>).Authorization).toBe(
      'Bearer sso-token',
    );
  });

  it('sends no Authorization header outside Teams (local mode)', async () => {
    const calls: Call[] = [];
    await createApiClient({ fetch: fakeFetch(200, {}, calls) }).getMe();
    expect(calls[0]?.init.headers).not.toHaveProperty('Authorization');
  });

  it('puts cycle and search in the query string, encoded', async () => {
    const calls: Call[] = [];
    const api = createApiClient({ fetch: fakeFetch(200, {}, calls) });
    await api.getTeamAlignment('team 1', { cycleId: 'FY2027-Q2', search: 'eNPS & co' });
    await api.getTeamAlignment('t', {});
    expect(calls[0]?.url).toBe(
      '/api/v1/teams/team%201/alignment?cycleId=FY2027-Q2&search=eNPS+%26+co',
    );
    expect(calls[1]?.url).toBe('/api/v1/teams/t/alignment');
  });

  it('PATCHes key result changes as JSON', async () => {
    const calls: Call[] = [];
    const api = createApiClient({ fetch: fakeFetch(200, { id: 'kr' }, calls) });
    await api.updateKeyResult('t', 'kr', { etag: '"e"', current: 3 });
    expect(calls[0]?.url).toBe('/api/v1/teams/t/key-results/kr');
    expect(calls[0]?.init.method).toBe('PATCH');
    expect(JSON.parse(String(calls[0]?.init.body))).toEqual({ etag: '"e"', current: 3 });
  });

  it('turns error bodies into typed errors with code, status and field', async () => {
    const body = { error: { code: 'VALIDATION.FAILED', message: 'target: Bad.', field: 'target' } };
    const api = createApiClient({ fetch: fakeFetch(400, body, []) });
    const error = await api.updateKeyResult('t', 'kr', { etag: 'e' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiRequestError);
    expect(error).toMatchObject({ code: 'VALIDATION.FAILED', status: 400, field: 'target' });
  });

  it('names a conflict even when the body is not JSON', async () => {
    const api = createApiClient({
      fetch: async () => new Response('<html>nope</html>', { status: 409 }),
    });
    await expect(api.getMe()).rejects.toMatchObject({ code: 'STORE.CONFLICT', status: 409 });
  });

  it('reports an unreachable server and a failed Teams sign-in as their own codes', async () => {
    const offline = createApiClient({
      fetch: async () => {
        throw new TypeError('Failed to fetch');
      },
    });
    await expect(offline.getMe()).rejects.toMatchObject({ code: 'CLIENT.NETWORK' });
    const noToken = createApiClient({
      getToken: async () => {
        throw new Error('consent required');
      },
      fetch: fakeFetch(200, {}, []),
    });
    await expect(noToken.getMe()).rejects.toMatchObject({ code: 'CLIENT.SIGN_IN' });
  });

  it('calls the views’ routes with the right method, path and body', async () => {
    const calls: Call[] = [];
    const api = createApiClient({ fetch: fakeFetch(200, { cycle: { id: 'FY2027-Q2' } }, calls) });
    await api.getMeetingAgenda('t1');
    await api.getDashboard('t1', 'FY2027-Q1');
    await api.getMyOkrs();
    await api.archiveKeyResult('t1', 'kr 1', '"e1"');
    await api.updateTeamSettings('t1', { etag: '"s1"', checkInTime: '10:00' });
    await api.getCycleClose('t1', undefined);
    await api.importOkrs('t1', { cycleId: 'FY2027-Q2', csv: 'a,b', confirm: true });
    await api.importOkrs('t1', { cycleId: 'FY2027-Q2', csv: 'a,b', confirm: false });
    await api.getTeamMembers('t1');
    await api.setMemberRole('t1', 'u/1', { role: 'manager', etag: '"m1"' });
    expect(calls.map((c) => `${c.init.method} ${c.url}`)).toEqual([
      'GET /api/v1/teams/t1/meeting-agenda',
      'GET /api/v1/teams/t1/dashboard?cycleId=FY2027-Q1',
      'GET /api/v1/me/okrs',
      'POST /api/v1/teams/t1/key-results/kr%201/archive',
      'PATCH /api/v1/teams/t1/settings',
      // No cycle given: the team's current one, from the alignment view, then its close preview.
      'GET /api/v1/teams/t1/alignment',
      'GET /api/v1/teams/t1/cycles/FY2027-Q2/close',
      'POST /api/v1/teams/t1/objectives/import?confirm=true',
      'POST /api/v1/teams/t1/objectives/import',
      'GET /api/v1/teams/t1/members',
      'PUT /api/v1/teams/t1/members/u%2F1/role',
    ]);
    expect(JSON.parse(String(calls[3]?.init.body))).toEqual({ etag: '"e1"' });
    expect(JSON.parse(String(calls[4]?.init.body))).toEqual({ etag: '"s1"', checkInTime: '10:00' });
  });

  it('exports as a file (CSV is not JSON) and still reports errors as API errors', async () => {
    const csv = 'objective,keyResult\nA,B\n';
    const ok = createApiClient({
      fetch: async () =>
        new Response(csv, { status: 200, headers: { 'Content-Type': 'text/csv' } }),
    });
    expect(await (await ok.exportOkrs('t1', 'csv', 'FY2027-Q2')).text()).toBe(csv);
    const calls: Call[] = [];
    const denied = createApiClient({
      fetch: fakeFetch(403, { error: { code: 'AUTH.FORBIDDEN', message: 'no' } }, calls),
    });
    await expect(denied.exportOkrs('t1', 'json')).rejects.toMatchObject({
      code: 'AUTH.FORBIDDEN',
      status: 403,
    });
    expect(calls[0]?.url).toBe('/api/v1/teams/t1/export?format=json&what=okrs');
  });
});
