import { useCallback, useEffect, useState } from 'react';
import type { KeyResultView, TeamViewResponse } from '@bearing/core';
import { withKeyResult } from '../alignment/group';
import type { TabApi } from '../api/client';
import { asApiError, type ApiRequestError } from '../api/errors';

/** The team view and where loading it stands. `refreshing` keeps the old view on screen. */
export type AlignmentState =
  | { readonly status: 'loading' }
  | { readonly status: 'error'; readonly error: ApiRequestError }
  | { readonly status: 'ready'; readonly view: TeamViewResponse; readonly refreshing: boolean };

export interface TeamAlignment {
  readonly state: AlignmentState;
  /** Loads again; the current view stays visible meanwhile. */
  reload(): void;
  /** Puts an updated key result (from a successful edit) into the view. */
  replaceKeyResult(keyResult: KeyResultView): void;
}

/** Loads `GET /teams/:teamId/alignment`, again whenever team, cycle or search change. */
export function useTeamAlignment(
  api: TabApi,
  teamId: string,
  cycleId: string | undefined,
  search: string,
): TeamAlignment {
  const [state, setState] = useState<AlignmentState>({ status: 'loading' });
  const [attempt, setAttempt] = useState(0);
  useEffect(() => {
    const controller = new AbortController();
    // Another team's view must not linger while this one loads.
    setState((prev) =>
      prev.status === 'ready' && prev.view.team.id === teamId
        ? { ...prev, refreshing: true }
        : { status: 'loading' },
    );
    const query = { ...(cycleId ? { cycleId } : {}), ...(search ? { search } : {}) };
    api.getTeamAlignment(teamId, query, controller.signal).then(
      (view) => {
        if (!controller.signal.aborted) setState({ status: 'ready', view, refreshing: false });
      },
      (error: unknown) => {
        if (!controller.signal.aborted) setState({ status: 'error', error: asApiError(error) });
      },
    );
    return () => controller.abort();
  }, [api, teamId, cycleId, search, attempt]);
  const reload = useCallback(() => setAttempt((n) => n + 1), []);
  const replaceKeyResult = useCallback((keyResult: KeyResultView) => {
    setState((prev) =>
      prev.status === 'ready' ? { ...prev, view: withKeyResult(prev.view, keyResult) } : prev,
    );
  }, []);
  return { state, reload, replaceKeyResult };
}
