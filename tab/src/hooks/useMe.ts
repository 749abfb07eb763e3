import type { TabApi } from '../api/client';
import { useLoad } from './useLoad';

/** Loads `GET /me` (identity and team roles come from the server, never from Teams context). */
export function useMe(api: TabApi) {
  const { state, reload } = useLoad('me', (signal) => api.getMe(signal));
  return { ...state, retry: reload };
}
