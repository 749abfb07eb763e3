import { Router } from 'express';
import { schemas } from '@bearing/core';
import type { ObjectiveStores } from '../objectives';
import { importOkrs } from './okr-import';
import { exportTeam } from './team-export';
import { callerOf, send, validate, sendDownload } from '../../http/respond';

/** Export of a team's data and OKR import from CSV. */
export function dataRoutes(stores: ObjectiveStores, now: () => Date, newId: () => string): Router {
  const router = Router();

  router.get('/teams/:teamId/export', async (req, res) => {
    const params = validate(res, schemas.teamParams, req.params);
    const query = params && validate(res, schemas.teamExportQuery, req.query);
    if (!params || !query) return;
    sendDownload(res, await exportTeam(stores, callerOf(res), params.teamId, query, now()));
  });

  router.post('/teams/:teamId/objectives/import', async (req, res) => {
    const params = validate(res, schemas.teamParams, req.params);
    const query = params && validate(res, schemas.okrImportQuery, req.query);
    const body = query && validate(res, schemas.okrImportRequest, req.body);
    if (!params || !query || !body) return;
    const confirm = query.confirm || body.confirm;
    const caller = callerOf(res);
    send(res, await importOkrs(stores, caller, params.teamId, body, confirm, newId, now()));
  });

  return router;
}
