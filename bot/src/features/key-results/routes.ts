import { Router } from 'express';
import { schemas } from '@bearing/core';
import type { OkrStores } from '../common';
import { editKeyResult } from './edit-key-result';
import { archiveKeyResult, createKeyResult } from './key-results';
import { callerOf, send, validate, withIfMatch } from '../../http/respond';

const objectiveParams = schemas.teamParams.extend({ objectiveId: schemas.id });
const keyResultParams = schemas.teamParams.extend({ keyResultId: schemas.id });

/** Key results of a team's objectives: create, edit and archive (owners and managers). */
export function keyResultRoutes(stores: OkrStores, now: () => Date, newId: () => string): Router {
  const router = Router();

  router.post('/teams/:teamId/objectives/:objectiveId/key-results', async (req, res) => {
    const params = validate(res, objectiveParams, req.params);
    const body = params && validate(res, schemas.createKeyResultRequest, req.body);
    if (!params || !body) return;
    const caller = callerOf(res);
    send(
      res,
      await createKeyResult(stores, caller, params.teamId, params.objectiveId, body, newId, now()),
      201,
    );
  });

  router.patch('/teams/:teamId/key-results/:keyResultId', async (req, res) => {
    const params = validate(res, keyResultParams, req.params);
    const body = params && validate(res, schemas.updateKeyResultRequest, req.body);
    if (!params || !body) return;
    const caller = callerOf(res);
    send(res, await editKeyResult(stores, caller, params.teamId, params.keyResultId, body, now()));
  });

  router.post('/teams/:teamId/key-results/:keyResultId/archive', async (req, res) => {
    const params = validate(res, keyResultParams, req.params);
    const body = params && validate(res, schemas.archiveKeyResultRequest, withIfMatch(req));
    if (!params || !body) return;
    const caller = callerOf(res);
    send(
      res,
      await archiveKeyResult(stores, caller, params.teamId, params.keyResultId, body.etag, now()),
    );
  });

  return router;
}
