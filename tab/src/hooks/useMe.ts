import { useCallback, useEffect, useState } from 'react';
import type { MeResponse } from '@bearing/core';
import type { TabApi } from '../api/client';
import { asApiError, type ApiRequestError } from '../api/errors';

/** The signed-in user as the server sees them. */
export type MeState =
  | { readonly status: 'loading' }
  | { readonly status: 'error'; readonly error: ApiRequestError }
  | { readonly status: 'ready'; readonly me: MeResponse };

/** Loads `GET /me` (identity and team roles come from the server, never from Teams context). */
export function useMe(api: TabApi): MeState & { retry(): void } {
  const [state, setState] = useState<MeState>({ status: 'loading' });
  const [attempt, setAttempt] = useState(0);
  useEffect(() => {
    const controller = new AbortController();
    setState({ status: 'loading' });
    api.getMe(controller.signal).then(
      (me) => {
        if (!controller.signal.aborted) setState({ status: 'ready', me });
      },
      (error: unknown) => {
        if (!controller.signal.aborted) setState({ status: 'error', error: asApiError(error) });
      },
    );
    return () => controller.abort();
  }, [api, attempt]);
  const retry = useCallback(() => setAttempt((n) => n + 1), []);
  return { ...state, retry };
}
