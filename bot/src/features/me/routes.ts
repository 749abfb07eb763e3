import { Router } from 'express';
import { schemas } from '@bearing/core';
import { getMyOkrs, submitMyCheckIn, type MyOkrStores } from './my-okrs';
import { callerOf, send, validate } from '../../http/api-v1-helpers';

/** The signed-in user's own OKRs and check-ins (the personal tab). */
export function meRoutes(stores: MyOkrStores, now: () => Date): Router {
  const router = Router();

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
