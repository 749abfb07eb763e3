import { Router } from 'express';
import { schemas } from '@bearing/core';
import { randomUUID } from 'node:crypto';
import type { DeliveryJobStore } from '../features/delivery/ports';
import { editKeyResult } from '../features/key-results/edit-key-result';
import {
  createIngestionKey,
  listIngestionKeys,
  revokeIngestionKey,
} from '../features/kpis/ingestion-keys';
import { importReadingsCsv } from '../features/kpis/kpi-csv';
import { createKpi, updateKpi } from '../features/kpis/kpi-definitions';
import { getMyProfile } from '../features/me/get-my-profile';
import type {
  CheckInStore,
  KpiStore,
  OkrStore,
  OrganizationStore,
  TeamStore,
  UserStore,
} from '../features/shared/ports';
import { teamNotFound } from '../features/shared/team-scope';
import { getTeamViewForMember } from '../features/alignment/team-view';
import { dataRoutes } from '../features/import-export/routes';
import { meRoutes } from '../features/me/routes';
import { memberRoutes } from '../features/team/member-routes';
import { okrRoutes } from '../features/objectives/routes';
import { teamRoutes } from '../features/alignment/routes';
import { callerOf, send, validate } from './api-v1-helpers';
import type { Logger } from '../observability/logger';

/** The `/api/v1` routes (the tab API). Every route runs after `authenticate`. */
export function apiV1Router(
  stores: {
    readonly users: UserStore;
    readonly teams: TeamStore;
    readonly okrs: OkrStore;
    readonly organizations: OrganizationStore;
    readonly kpis: KpiStore;
    readonly deliveries: DeliveryJobStore;
    readonly checkIns: CheckInStore;
  },
  now: () => Date = () => new Date(),
  newId: () => string = () => randomUUID(),
  /** Where audited changes (roles) are logged. */
  logger?: Logger,
): Router {
  const router = Router();
  router.get('/me', async (_req, res) => {
    const caller = callerOf(res);
    const profile = await getMyProfile(stores, caller.tenantId, caller.userId, caller.name);
    res.json({ ...profile, identitySource: caller.source });
  });

  router.get('/teams/:teamId/alignment', async (req, res) => {
    const caller = callerOf(res);
    const params = validate(res, schemas.teamParams, req.params);
    const query = params && validate(res, schemas.alignmentQuery, req.query);
    if (!params || !query) return;
    // Not a member and no such team answer alike (404), so team ids cannot be probed.
    const view = await getTeamViewForMember(
      stores,
      caller.tenantId,
      params.teamId,
      caller.userId,
      now(),
      query,
    );
    if (!view) return send(res, teamNotFound);
    res.json(view);
  });

  router.patch('/teams/:teamId/key-results/:keyResultId', async (req, res) => {
    const caller = callerOf(res);
    const params = validate(
      res,
      schemas.teamParams.extend({ keyResultId: schemas.teamParams.shape.teamId }),
      req.params,
    );
    const body = params && validate(res, schemas.updateKeyResultRequest, req.body);
    if (!params || !body) return;
    const result = await editKeyResult(
      stores,
      caller,
      params.teamId,
      params.keyResultId,
      body,
      now(),
    );
    send(res, result);
  });

  const idParam = schemas.teamParams.shape.teamId;

  router.post('/teams/:teamId/kpis', async (req, res) => {
    const params = validate(res, schemas.teamParams, req.params);
    const body = params && validate(res, schemas.createKpiRequest, req.body);
    if (!params || !body) return;
    send(res, await createKpi(stores, callerOf(res), params.teamId, body, newId, now()), 201);
  });

  router.patch('/teams/:teamId/kpis/:kpiId', async (req, res) => {
    const params = validate(res, schemas.teamParams.extend({ kpiId: idParam }), req.params);
    const body = params && validate(res, schemas.updateKpiRequest, req.body);
    if (!params || !body) return;
    send(res, await updateKpi(stores, callerOf(res), params.teamId, params.kpiId, body, now()));
  });

  router.post('/teams/:teamId/kpis/:kpiId/readings/csv', async (req, res) => {
    const params = validate(res, schemas.teamParams.extend({ kpiId: idParam }), req.params);
    const body = params && validate(res, schemas.csvReadingsRequest, req.body);
    if (!params || !body) return;
    send(
      res,
      await importReadingsCsv(
        stores,
        callerOf(res),
        params.teamId,
        params.kpiId,
        body.csv,
        body.confirm,
        now(),
      ),
    );
  });

  router.post('/teams/:teamId/ingestion-keys', async (req, res) => {
    const params = validate(res, schemas.teamParams, req.params);
    const body = params && validate(res, schemas.createIngestionKeyRequest, req.body);
    if (!params || !body) return;
    send(
      res,
      await createIngestionKey(stores, callerOf(res), params.teamId, body.name, now()),
      201,
    );
  });

  router.get('/teams/:teamId/ingestion-keys', async (req, res) => {
    const params = validate(res, schemas.teamParams, req.params);
    if (!params) return;
    send(res, await listIngestionKeys(stores, callerOf(res), params.teamId));
  });

  router.delete('/teams/:teamId/ingestion-keys/:keyId', async (req, res) => {
    const params = validate(res, schemas.teamParams.extend({ keyId: idParam }), req.params);
    if (!params) return;
    send(res, await revokeIngestionKey(stores, callerOf(res), params.teamId, params.keyId, now()));
  });

  router.use(
    dataRoutes(stores, now, newId),
    okrRoutes(stores, now, newId),
    teamRoutes(stores, now),
    meRoutes(stores, now),
    memberRoutes(stores, now, logger),
  );

  return router;
}
