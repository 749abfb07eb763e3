import express, { Router, type Response } from 'express';
import { API_ERROR_CODES, schemas } from '@bearing/core';
import { authenticateIngestionKey, ingestionKeyId, type IngestionScope } from './ingestion-keys';
import { IngestionThrottle } from './ingestion-throttle';
import { recordReadings, type ReadingInput, type ReadingStores } from './kpi-readings';
import { validate } from '../../http/respond';
import { sendDomainError, sendError } from '../../http/errors';
import { clientAddress } from '../../http/client-address';

/** Largest ingestion body: 500 readings fit in well under this. */
export const INGEST_BODY_LIMIT = '256kb';

/**
 * Reading ingestion for data pipelines: `POST /api/v1/kpis/:kpiId/readings` (one) and
 * `POST /api/v1/kpis/readings:batch` (up to 500), authenticated with a per-team ingestion key
 * (`Authorization: Bearer bk_…` or `X-Api-Key`), never with a user token. Mounted before the tab
 * API's user authentication.
 */
export function ingestRouter(
  stores: ReadingStores & Parameters<typeof authenticateIngestionKey>[0],
  now: () => Date,
): Router {
  const router = Router();
  const json = express.json({ limit: INGEST_BODY_LIMIT });

  // Failed key checks are throttled before their store read (see IngestionThrottle). The client
  // address is the caller's (see clientAddress: behind App Service's front end, from X-Forwarded-For).
  const throttle = new IngestionThrottle(() => now().getTime());
  const unauthenticated = (res: Response) =>
    sendError(
      res,
      401,
      API_ERROR_CODES.unauthenticated,
      'Send a valid ingestion key: Authorization: Bearer bk_…',
    );

  /** The key's scope, or undefined once an answer (401 or 429) has been sent. */
  const authenticate = async (
    req: express.Request,
    res: Response,
  ): Promise<IngestionScope | undefined> => {
    const raw = /^Bearer (\S+)$/.exec(req.get('authorization') ?? '')?.[1] ?? req.get('x-api-key');
    const keyId = ingestionKeyId(raw);
    // Malformed or missing: rejected without a store read, so there is nothing to throttle.
    if (!raw || !keyId) return void unauthenticated(res);
    const decision = throttle.check(keyId, raw, clientAddress(req));
    if (!decision.allowed) {
      res.setHeader('Retry-After', String(decision.retryAfterSeconds));
      sendError(
        res,
        429,
        API_ERROR_CODES.tooManyRequests,
        `Too many failed ingestion key checks; try again in ${decision.retryAfterSeconds} s.`,
      );
      return undefined;
    }
    let scope: IngestionScope | undefined;
    try {
      scope = await authenticateIngestionKey(stores, raw);
    } catch (error) {
      decision.settle('error');
      throw error;
    }
    decision.settle(scope ? 'valid' : 'invalid');
    if (!scope) unauthenticated(res);
    return scope;
  };

  const ingest = async (
    res: Response,
    scope: IngestionScope,
    readings: ReadingInput[],
    single = false,
  ) => {
    const result = await recordReadings(stores, scope, readings, 'api', now());
    if (!result.ok) return sendDomainError(res, result.error);
    const conflict = single ? result.value.conflicts[0] : undefined;
    if (conflict) {
      sendError(
        res,
        409,
        API_ERROR_CODES.conflict,
        `Reading "${conflict.id}" is already stored with the value ${conflict.kept.value} at ` +
          `${conflict.kept.at}; the first value sent is kept, so ${conflict.rejected.value} was ` +
          'not recorded. Send a correction under a new id.',
        readings[0]?.id === undefined ? 'at' : 'id',
      );
      return;
    }
    res.status(result.value.accepted > 0 ? 201 : 200).json(result.value);
  };

  const withKey =
    (handler: (req: express.Request, res: Response, scope: IngestionScope) => Promise<void>) =>
    // A throw (store down, bad body) reaches the one error middleware (http/errors.ts).
    async (req: express.Request, res: Response) => {
      const scope = await authenticate(req, res);
      if (scope) await handler(req, res, scope);
    };

  // Authenticate before reading the body, so unauthenticated callers cannot make us parse 256 KB.
  router.post(
    ['/kpis/readings\\:batch', '/kpis/readings/batch'],
    withKey(async (req, res, scope) => {
      await new Promise<void>((resolve, reject) =>
        json(req, res, (error?: unknown) => (error ? reject(error) : resolve())),
      );
      const body = validate(res, schemas.addReadingsBatchRequest, req.body);
      if (body) await ingest(res, scope, body.readings);
    }),
  );
  router.post(
    '/kpis/:kpiId/readings',
    withKey(async (req, res, scope) => {
      await new Promise<void>((resolve, reject) =>
        json(req, res, (error?: unknown) => (error ? reject(error) : resolve())),
      );
      const params = validate(
        res,
        schemas.teamParams
          .extend({ kpiId: schemas.teamParams.shape.teamId })
          .omit({ teamId: true }),
        req.params,
      );
      const body = params && validate(res, schemas.addReadingRequest, req.body);
      if (params && body) await ingest(res, scope, [{ ...body, kpiId: params.kpiId }], true);
    }),
  );
  return router;
}
