import { Router } from 'express';
import { schemas } from '@bearing/core';
import { createIngestionKey, listIngestionKeys, revokeIngestionKey } from './ingestion-keys';
import { importReadingsCsv } from './kpi-csv';
import { createKpi, updateKpi } from './kpi-definitions';
import type { ReadingStores } from './kpi-readings';
import { callerOf, send, validate } from '../../http/respond';

const idParam = schemas.teamParams.shape.teamId;
const kpiParams = schemas.teamParams.extend({ kpiId: idParam });
const keyParams = schemas.teamParams.extend({ keyId: idParam });

/** A team's KPI definitions, CSV readings and the ingestion keys of its data pipelines. */
export function kpiRoutes(stores: ReadingStores, now: () => Date, newId: () => string): Router {
  const router = Router();

  router.post('/teams/:teamId/kpis', async (req, res) => {
    const params = validate(res, schemas.teamParams, req.params);
    const body = params && validate(res, schemas.createKpiRequest, req.body);
    if (!params || !body) return;
    send(res, await createKpi(stores, callerOf(res), params.teamId, body, newId, now()), 201);
  });

  router.patch('/teams/:teamId/kpis/:kpiId', async (req, res) => {
    const params = validate(res, kpiParams, req.params);
    const body = params && validate(res, schemas.updateKpiRequest, req.body);
    if (!params || !body) return;
    send(res, await updateKpi(stores, callerOf(res), params.teamId, params.kpiId, body, now()));
  });

  router.post('/teams/:teamId/kpis/:kpiId/readings/csv', async (req, res) => {
    const params = validate(res, kpiParams, req.params);
    const body = params && validate(res, schemas.csvReadingsRequest, req.body);
    if (!params || !body) return;
    const { teamId, kpiId } = params;
    const caller = callerOf(res);
    send(
      res,
      await importReadingsCsv(stores, caller, teamId, kpiId, body.csv, body.confirm, now()),
    );
  });

  router.post('/teams/:teamId/ingestion-keys', async (req, res) => {
    const params = validate(res, schemas.teamParams, req.params);
    const body = params && validate(res, schemas.createIngestionKeyRequest, req.body);
    if (!params || !body) return;
    const caller = callerOf(res);
    send(res, await createIngestionKey(stores, caller, params.teamId, body.name, now()), 201);
  });

  router.get('/teams/:teamId/ingestion-keys', async (req, res) => {
    const params = validate(res, schemas.teamParams, req.params);
    if (!params) return;
    send(res, await listIngestionKeys(stores, callerOf(res), params.teamId));
  });

  router.delete('/teams/:teamId/ingestion-keys/:keyId', async (req, res) => {
    const params = validate(res, keyParams, req.params);
    if (!params) return;
    send(res, await revokeIngestionKey(stores, callerOf(res), params.teamId, params.keyId, now()));
  });

  return router;
}
