import { Router } from 'express';
import { schemas } from '@bearing/core';
import { closeCycle, previewCycleClose } from './cycle-close';
import { archiveKeyResult, createKeyResult } from '../key-results/key-results';
import { createObjective, updateObjective, type ObjectiveStores } from './objectives';
import { callerOf, send, validate, withIfMatch } from '../../http/api-v1-helpers';

const idParam = schemas.id;
const objectiveParams = schemas.teamParams.extend({ objectiveId: idParam });
const keyResultParams = schemas.teamParams.extend({ keyResultId: idParam });
const cycleParams = schemas.teamParams.extend({ cycleId: schemas.cycleId });

/** Objectives, key results and cycle close of a team (owners and managers write). */
export function okrRoutes(stores: ObjectiveStores, now: () => Date, newId: () => string): Router {
  const router = Router();

  router.post('/teams/:teamId/objectives', async (req, res) => {
    const params = validate(res, schemas.teamParams, req.params);
    const body = params && validate(res, schemas.createObjectiveRequest, req.body);
    if (!params || !body) return;
    send(res, await createObjective(stores, callerOf(res), params.teamId, body, newId, now()), 201);
  });

  router.patch('/teams/:teamId/objectives/:objectiveId', async (req, res) => {
    const params = validate(res, objectiveParams, req.params);
    const body = params && validate(res, schemas.updateObjectiveRequest, withIfMatch(req));
    if (!params || !body) return;
    const caller = callerOf(res);
    send(
      res,
      await updateObjective(stores, caller, params.teamId, params.objectiveId, body, now()),
    );
  });

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

  router.get('/teams/:teamId/cycles/:cycleId/close', async (req, res) => {
    const params = validate(res, cycleParams, req.params);
    if (!params) return;
    send(res, await previewCycleClose(stores, callerOf(res), params.teamId, params.cycleId));
  });

  router.post('/teams/:teamId/cycles/:cycleId/close', async (req, res) => {
    const params = validate(res, cycleParams, req.params);
    const body = params && validate(res, schemas.closeCycleTeamRequest, req.body);
    if (!params || !body) return;
    const caller = callerOf(res);
    send(res, await closeCycle(stores, caller, params.teamId, params.cycleId, body, now()));
  });

  return router;
}
