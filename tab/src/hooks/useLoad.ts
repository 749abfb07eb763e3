import { useCallback, useEffect, useRef, useState } from 'react';
import type { TabApi } from '../api/client';
import { asApiError, type ApiRequestError } from '../api/errors';

/** Where loading one thing stands. `refreshing` keeps the old data on screen. */
export type LoadState<T> =
  | { readonly status: 'loading' }
  | { readonly status: 'error'; readonly error: ApiRequestError }
  | { readonly status: 'ready'; readonly data: T; readonly refreshing: boolean };

export interface Loaded<T> {
  readonly state: LoadState<T>;
  /** Loads again; the current data stays visible meanwhile. */
  reload(): void;
  /** Replaces the data locally (after a save answered with the new version). */
  replace(update: (data: T) => T): void;
}

/**
 * Loads with `load` whenever `key` changes (a string naming what is loaded) or on `reload()`.
 * A stale answer (the key changed meanwhile) is dropped; a new key starts from the skeleton.
 * `refresh` (a string naming a filter of the same thing) loads again too, keeping the data shown.
 */
export function useLoad<T>(
  key: string,
  load: (signal: AbortSignal) => Promise<T>,
  refresh = '',
): Loaded<T> {
  const [state, setState] = useState<LoadState<T>>({ status: 'loading' });
  const [attempt, setAttempt] = useState(0);
  const loadRef = useRef(load);
  loadRef.current = load;
  const shownKey = useRef<string>(undefined);
  useEffect(() => {
    const controller = new AbortController();
    const sameKey = shownKey.current === key;
    shownKey.current = key;
    setState((prev) =>
      sameKey && prev.status === 'ready' ? { ...prev, refreshing: true } : { status: 'loading' },
    );
    loadRef.current(controller.signal).then(
      (data) => {
        if (!controller.signal.aborted) setState({ status: 'ready', data, refreshing: false });
      },
      (error: unknown) => {
        if (!controller.signal.aborted) setState({ status: 'error', error: asApiError(error) });
      },
    );
    return () => controller.abort();
  }, [key, refresh, attempt]);
  const reload = useCallback(() => setAttempt((n) => n + 1), []);
  const replace = useCallback((update: (data: T) => T) => {
    setState((prev) => (prev.status === 'ready' ? { ...prev, data: update(prev.data) } : prev));
  }, []);
  return { state, reload, replace };
}

/**
 * Calls `onSettled` once `status` (of what a view shows first) is no longer `loading`: data or an
 * error is on screen, which is when the tab tells Teams it has loaded.
 */
export function useSettled(status: string, onSettled?: () => void): void {
  const settled = status !== 'loading';
  useEffect(() => {
    if (settled) onSettled?.();
  }, [settled, onSettled]);
}

/**
 * Loads `GET /me` (identity and team roles come from the server, never from Teams context).
 * It lives here, not in a module of its own: that would split the loader out of the first chunk.
 */
export function useMe(api: TabApi) {
  const { state, reload } = useLoad('me', (signal) => api.getMe(signal));
  return { ...state, retry: reload };
}
