import { Router, type Response } from 'express';
import type { z } from 'zod';
import { API_ERROR_CODES, formatZodError, schemas, type DomainError } from '@bearing/core';
import { randomUUID } from 'node:crypto';
import type { Result } from '@bearing/core';
import type { DeliveryJobStore } from '../app/delivery-ports';
import { editKeyResult } from '../app/edit-key-result';
import { createIngestionKey, listIngestionKeys, revokeIngestionKey } from '../app/ingestion-keys';
import { importReadingsCsv } from '../app/kpi-csv';
import { createKpi, updateKpi } from '../app/kpi-definitions';
import { getMyProfile } from '../app/get-my-profile';
import type {
  CheckInStore,
  KpiStore,
  OkrStore,
  OrganizationStore,
  TeamStore,
  UserStore,
} from '../app/ports';
import { getTeamViewForMember } from '../app/team-view';
import { dataRoutes } from './api-v1-data';
import { meRoutes } from './api-v1-me';
import { memberRoutes } from './api-v1-members';
import { okrRoutes } from './api-v1-okrs';
import { teamRoutes } from './api-v1-team';
import { sendError } from './errors';
import { CALLER, type CallerIdentity } from './identity';
import type { Logger } from '../observability/logger';

/** HTTP status of each domain error code the tab API returns. */
const STATUS: Record<string, number> = {
  [API_ERROR_CODES.validation]: 400,
  [API_ERROR_CODES.forbidden]: 403,
  [API_ERROR_CODES.notFound]: 404,
  [API_ERROR_CODES.conflict]: 409,
};

function sendDomainError(res: Response, error: DomainError): void {
  sendError(res, STATUS[error.code] ?? 400, error.code, error.message, error.field);
}

/** Parses with a core schema; on failure answers 400 with the field to fix and returns undefined. */
function parse<T>(res: Response, schema: z.ZodType<T>, value: unknown): T | undefined {
  const result = schema.safeParse(value ?? {});
  if (result.success) return result.data;
  const e = formatZodError(result.error);
  sendError(res, 400, e.code, e.message, e.field);
  return undefined;
}

const teamNotFound = (res: Response) =>
  sendError(res, 404, API_ERROR_CODES.notFound, 'This team does not exist or you are not in it.');

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
  const callerOf = (res: Response) => res.locals[CALLER] as CallerIdentity;

  router.get('/me', async (_req, res) => {
    const caller = callerOf(res);
    const profile = await getMyProfile(stores, caller.tenantId, caller.userId, caller.name);
    res.json({ ...profile, identitySource: caller.source });
  });

  router.get('/teams/:teamId/alignment', async (req, res) => {
    const caller = callerOf(res);
    const params = parse(res, schemas.teamParams, req.params);
    const query = params && parse(res, schemas.alignmentQuery, req.query);
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
    if (!view) return teamNotFound(res);
    res.json(view);
  });

  router.patch('/teams/:teamId/key-results/:keyResultId', async (req, res) => {
    const caller = callerOf(res);
    const params = parse(
      res,
      schemas.teamParams.extend({ keyResultId: schemas.teamParams.shape.teamId }),
      req.params,
    );
    const body = params && parse(res, schemas.updateKeyResultRequest, req.body);
    if (!params || !body) return;
    const result = await editKeyResult(
      stores,
      caller,
      params.teamId,
      params.keyResultId,
      body,
      now(),
    );
    if (!result.ok) return sendDomainError(res, result.error);
    res.json(result.value);
  });

  const idParam = schemas.teamParams.shape.teamId;
  const send = <T>(res: Response, result: Result<T>, status = 200) => {
    if (!result.ok) return sendDomainError(res, result.error);
    res.status(status).json(result.value);
  };

  router.post('/teams/:teamId/kpis', async (req, res) => {
    const params = parse(res, schemas.teamParams, req.params);
    const body = params && parse(res, schemas.createKpiRequest, req.body);
    if (!params || !body) return;
    send(res, await createKpi(stores, callerOf(res), params.teamId, body, newId, now()), 201);
  });

  router.patch('/teams/:teamId/kpis/:kpiId', async (req, res) => {
    const params = parse(res, schemas.teamParams.extend({ kpiId: idParam }), req.params);
    const body = params && parse(res, schemas.updateKpiRequest, req.body);
    if (!params || !body) return;
    send(res, await updateKpi(stores, callerOf(res), params.teamId, params.kpiId, body, now()));
  });

  router.post('/teams/:teamId/kpis/:kpiId/readings/csv', async (req, res) => {
    const params = parse(res, schemas.teamParams.extend({ kpiId: idParam }), req.params);
    const body = params && parse(res, schemas.csvReadingsRequest, req.body);
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
    const params = parse(res, schemas.teamParams, req.params);
    const body = params && parse(res, schemas.createIngestionKeyRequest, req.body);
    if (!params || !body) return;
    send(
      res,
      await createIngestionKey(stores, callerOf(res), params.teamId, body.name, now()),
      201,
    );
  });

  router.get('/teams/:teamId/ingestion-keys', async (req, res) => {
    const params = parse(res, schemas.teamParams, req.params);
    if (!params) return;
    send(res, await listIngestionKeys(stores, callerOf(res), params.teamId));
  });

  router.delete('/teams/:teamId/ingestion-keys/:keyId', async (req, res) => {
    const params = parse(res, schemas.teamParams.extend({ keyId: idParam }), req.params);
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
