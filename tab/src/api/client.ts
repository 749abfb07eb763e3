import type { KeyResultView, MeResponse, TeamViewResponse } from '@bearing/core';
import { ApiRequestError, errorFromBody } from './errors';

/** The fields of a key result the tab edits (`PATCH …/key-results/:id`). */
export interface KeyResultChanges {
  readonly etag: string;
  readonly target?: number;
  readonly current?: number;
  readonly title?: string;
  readonly unit?: string;
  readonly confidence?: KeyResultView['confidence'];
}

/** What the tab needs from the server; tests pass a fake that implements it. */
export interface TabApi {
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

/** The HTTP implementation of `TabApi`: attaches the Teams token and types error bodies. */
export function createApiClient(options: ApiClientOptions = {}): TabApi {
  const baseUrl = options.baseUrl ?? '/api/v1';
  const doFetch = options.fetch ?? ((input, init) => globalThis.fetch(input, init));

  async function request<T>(
    method: 'GET' | 'PATCH',
    path: string,
    body?: unknown,
    signal?: AbortSignal,
  ): Promise<T> {
    const headers: Record<string, string> = { Accept: 'application/json' };
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
    const parsed: unknown = await response.json().catch(() => undefined);
    if (!response.ok) throw errorFromBody(response.status, parsed);
    if (parsed === undefined) {
      throw new ApiRequestError('CLIENT.UNEXPECTED_RESPONSE', 'Empty response.', response.status);
    }
    return parsed as T;
  }

  const segment = encodeURIComponent;
  return {
    getMe: (signal) => request('GET', '/me', undefined, signal),
    getTeamAlignment: (teamId, query, signal) => {
      const params = new URLSearchParams();
      if (query.cycleId) params.set('cycleId', query.cycleId);
      if (query.search) params.set('search', query.search);
      const qs = params.toString() ? `?${params.toString()}` : '';
      return request('GET', `/teams/${segment(teamId)}/alignment${qs}`, undefined, signal);
    },
    updateKeyResult: (teamId, keyResultId, changes) =>
      request('PATCH', `/teams/${segment(teamId)}/key-results/${segment(keyResultId)}`, changes),
  };
}
