import type {
  KeyResultView,
  MeResponse,
  TeamViewResponse,
  VivaImportReport,
  VivaImportStreamLine,
} from '@bearing/core';
import { ApiRequestError, errorFromBody } from './errors';
import type { TabViewsApi } from './views';

/** The fields of a key result the tab edits (`PATCH …/key-results/:id`). */
export interface KeyResultChanges {
  readonly etag: string;
  readonly target?: number;
  readonly current?: number;
  readonly title?: string;
  readonly unit?: string;
  readonly confidence?: KeyResultView['confidence'];
  readonly status?: 'active' | 'archived';
}

/** What the tab needs from the server; tests pass a fake that implements it. */
export interface TabApi extends TabViewsApi {
  getMe(signal?: AbortSignal): Promise<MeResponse>;
  getTeamAlignment(
    teamId: string,
    query: { readonly cycleId?: string; readonly search?: string },
    signal?: AbortSignal,
  ): Promise<TeamViewResponse>;
  updateKeyResult(
    teamId: string,
    keyResultId: string,
    changes: KeyResultChanges,
  ): Promise<KeyResultView>;
}

export interface ApiClientOptions {
  /** Origin-relative prefix of the API, `/api/v1` by default. */
  readonly baseUrl?: string;
  /** Teams SSO token; undefined outside Teams (local mode sends no Authorization header). */
  readonly getToken?: () => Promise<string>;
  readonly fetch?: typeof fetch;
}

type Method = 'GET' | 'PATCH' | 'POST' | 'PUT';

/** The HTTP implementation of `TabApi`: attaches the Teams token and types error bodies. */
export function createApiClient(options: ApiClientOptions = {}): TabApi {
  const baseUrl = options.baseUrl ?? '/api/v1';
  const doFetch = options.fetch ?? ((input, init) => globalThis.fetch(input, init));

  async function send(
    method: Method,
    path: string,
    body: unknown,
    signal: AbortSignal | undefined,
    accept = 'application/json',
  ): Promise<Response> {
    const headers: Record<string, string> = { Accept: accept };
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    if (options.getToken) {
      let token: string;
      try {
        token = await options.getToken();
      } catch (error) {
        const reason = error instanceof Error ? error.message : String(error);
        throw new ApiRequestError('CLIENT.SIGN_IN', reason, 0);
      }
      headers.Authorization = `Bearer ${token}`;
    }
    let response: Response;
    try {
      response = await doFetch(`${baseUrl}${path}`, {
        method,
        headers,
        ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
        ...(signal ? { signal } : {}),
        credentials: 'same-origin',
      });
    } catch (error) {
      if (signal?.aborted) throw error;
      const reason = error instanceof Error ? error.message : String(error);
      throw new ApiRequestError('CLIENT.NETWORK', reason, 0);
    }
    if (!response.ok) {
      const parsed: unknown = await response.json().catch(() => undefined);
      throw errorFromBody(response.status, parsed);
    }
    return response;
  }

  async function request<T>(
    method: Method,
    path: string,
    body?: unknown,
    signal?: AbortSignal,
  ): Promise<T> {
    const response = await send(method, path, body, signal);
    const parsed: unknown = await response.json().catch(() => undefined);
    if (parsed === undefined) {
      throw new ApiRequestError('CLIENT.UNEXPECTED_RESPONSE', 'Empty response.', response.status);
    }
    return parsed as T;
  }

  const team = (teamId: string) => `/teams/${encodeURIComponent(teamId)}`;
  const qs = (query: Record<string, string | undefined>) => {
    const params = new URLSearchParams();
    for (const [k, v] of Object.entries(query)) if (v) params.set(k, v);
    return params.toString() ? `?${params.toString()}` : '';
  };
  const segment = encodeURIComponent;
  return {
    getMe: (signal) => request('GET', '/me', undefined, signal),
    getTeamAlignment: (teamId, query, signal) =>
      request('GET', `${team(teamId)}/alignment${qs(query)}`, undefined, signal),
    updateKeyResult: (teamId, keyResultId, changes) =>
      request('PATCH', `${team(teamId)}/key-results/${segment(keyResultId)}`, changes),
    getMeetingAgenda: (teamId, signal) =>
      request('GET', `${team(teamId)}/meeting-agenda`, undefined, signal),
    getDashboard: (teamId, cycleId, signal) =>
      request('GET', `${team(teamId)}/dashboard${qs({ cycleId })}`, undefined, signal),
    getMyOkrs: (signal) => request('GET', '/me/okrs', undefined, signal),
    submitMyCheckIn: (body) => request('POST', '/me/check-ins', body),
    createObjective: (teamId, body) => request('POST', `${team(teamId)}/objectives`, body),
    updateObjective: (teamId, objectiveId, body) =>
      request('PATCH', `${team(teamId)}/objectives/${segment(objectiveId)}`, body),
    createKeyResult: (teamId, objectiveId, body) =>
      request('POST', `${team(teamId)}/objectives/${segment(objectiveId)}/key-results`, body),
    archiveKeyResult: (teamId, keyResultId, etag) =>
      request('POST', `${team(teamId)}/key-results/${segment(keyResultId)}/archive`, { etag }),
    getTeamSettings: (teamId, signal) =>
      request('GET', `${team(teamId)}/settings`, undefined, signal),
    updateTeamSettings: (teamId, body) => request('PATCH', `${team(teamId)}/settings`, body),
    getCycleClose: async (teamId, cycleId, signal) => {
      // Without a cycle, the one the team is in now (the alignment view knows which).
      const id =
        cycleId ??
        (
          await request<{ cycle: { id: string } }>(
            'GET',
            `${team(teamId)}/alignment`,
            undefined,
            signal,
          )
        ).cycle.id;
      return request('GET', `${team(teamId)}/cycles/${segment(id)}/close`, undefined, signal);
    },
    closeCycle: (teamId, cycleId, body) =>
      request('POST', `${team(teamId)}/cycles/${segment(cycleId)}/close`, body),
    importOkrs: (teamId, body) =>
      request(
        'POST',
        `${team(teamId)}/objectives/import${qs({ confirm: body.confirm ? 'true' : undefined })}`,
        body,
      ),
    getTeamMembers: (teamId, signal) =>
      request('GET', `${team(teamId)}/members`, undefined, signal),
    setMemberRole: (teamId, userId, body) =>
      request('PUT', `${team(teamId)}/members/${segment(userId)}/role`, body),
    resolveOpenItem: (teamId, itemId, note) =>
      request(
        'POST',
        `${team(teamId)}/open-items/${segment(itemId)}/resolve`,
        note ? { note } : {},
      ),
    recordDecision: (teamId, itemId, decision) =>
      request('POST', `${team(teamId)}/open-items/${segment(itemId)}/decision`, { decision }),
    getDecisionLog: (teamId, filter, signal) =>
      request('GET', `${team(teamId)}/decision-log${qs({ ...filter })}`, undefined, signal),
    exportDecisionLog: async (teamId, format, filter) => {
      const path = `${team(teamId)}/decision-log${qs({ ...filter, format })}`;
      return (await send('GET', path, undefined, undefined)).blob();
    },
    setAway: (teamId, userId, until) =>
      request('PUT', `${team(teamId)}/members/${segment(userId)}/away`, { until }),
    previewVivaImport: (body) => request('POST', `${VIVA}/preview`, body),
    applyVivaImport: async (body, onProgress) => {
      const response = await send('POST', `${VIVA}/apply`, body, undefined, NDJSON);
      return readImportStream(response, onProgress);
    },
    vivaImportReportCsv: async (report) =>
      (await send('POST', `${VIVA}/report`, report, undefined, 'text/csv')).blob(),
    exportOkrs: async (teamId, format, cycleId) => {
      const path = `${team(teamId)}/export${qs({ format, what: 'okrs', cycleId })}`;
      return (await send('GET', path, undefined, undefined)).blob();
    },
  };
}

const VIVA = '/admin/import/viva-goals';
const NDJSON = 'application/x-ndjson';

/**
 * Reads an apply's progress stream (one JSON value a line: progress after each batch, then the
 * report, or why it stopped) and resolves to the report. A server that answers plain JSON (one
 * that does not stream) is read as the report itself.
 */
async function readImportStream(
  response: Response,
  onProgress: (done: number, total: number) => void,
): Promise<VivaImportReport> {
  if (!response.headers.get('content-type')?.includes(NDJSON) || !response.body)
    return (await response.json()) as VivaImportReport;
  let report: VivaImportReport | undefined;
  const handle = (text: string) => {
    if (!text.trim()) return;
    const line = JSON.parse(text) as VivaImportStreamLine;
    if ('progress' in line) onProgress(line.progress.done, line.progress.total);
    else if ('report' in line) report = line.report;
    else throw new ApiRequestError(line.error.code, line.error.message, response.status);
  };
  const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
  let rest = '';
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    const lines = (rest + value).split('\n');
    rest = lines.pop() ?? '';
    lines.forEach(handle);
  }
  handle(rest);
  if (!report)
    throw new ApiRequestError('CLIENT.NETWORK', 'The import ended without its report.', 0);
  return report;
}
