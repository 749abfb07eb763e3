import { Router } from 'express';
import { getMyProfile } from '../app/get-my-profile';
import type { TeamStore, UserStore } from '../app/ports';
import { CALLER, type CallerIdentity } from './identity';

/** The `/api/v1` routes (the tab API). Every route runs after `authenticate`. */
export function apiV1Router(stores: {
  readonly users: UserStore;
  readonly teams: TeamStore;
}): Router {
  const router = Router();
  router.get('/me', async (_req, res) => {
    const caller = res.locals[CALLER] as CallerIdentity;
    const profile = await getMyProfile(stores, caller.tenantId, caller.userId, caller.name);
    res.json({ ...profile, identitySource: caller.source });
  });
  return router;
}
