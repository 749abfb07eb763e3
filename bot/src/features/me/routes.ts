import { Router } from 'express';
import { schemas } from '@bearing/core';
import { getMyProfile } from './get-my-profile';
import { getMyOkrs, submitMyCheckIn, type MyOkrStores } from './my-okrs';
import { callerOf, send, validate } from '../../http/respond';
import { ADMIN_ROLE } from '../data-rights';

/** The signed-in user's profile, own OKRs and check-ins (the personal tab). */
export function meRoutes(stores: MyOkrStores, now: () => Date): Router {
  const router = Router();

  router.get('/me', async (_req, res) => {
    const caller = callerOf(res);
    const profile = await getMyProfile(stores, caller.tenantId, caller.userId, caller.name);
    const isAdmin = caller.roles?.includes(ADMIN_ROLE) ?? false;
    res.json({ ...profile, identitySource: caller.source, isAdmin });
  });

  router.get('/me/okrs', async (_req, res) => {
    send(res, await getMyOkrs(stores, callerOf(res), now()));
  });

  router.post('/me/check-ins', async (req, res) => {
    const body = validate(res, schemas.myCheckInRequest, req.body);
    if (!body) return;
    send(res, await submitMyCheckIn(stores, callerOf(res), body, now()));
  });

  return router;
}
