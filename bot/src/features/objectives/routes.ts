import { Router } from 'express';
import { schemas } from '@bearing/core';
import { closeCycle, previewCycleClose } from './cycle-close';
import { createObjective, updateObjective, type ObjectiveStores } from './objectives';
import { callerOf, send, validate, withIfMatch } from '../../http/respond';

const idParam = schemas.id;
const objectiveParams = schemas.teamParams.extend({ objectiveId: idParam });
const cycleParams = schemas.teamParams.extend({ cycleId: schemas.cycleId });

/** Objectives and cycle close of a team (owners and managers write). */
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
