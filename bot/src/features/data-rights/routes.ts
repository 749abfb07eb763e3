import { Router, type RequestHandler } from 'express';
import { z } from 'zod';
import { API_ERROR_CODES, schemas } from '@bearing/core';
import {
  eraseTenantData,
  eraseUserData,
  exportUserData,
  type DataRightsStore,
  type RetentionPolicy,
} from './data-rights';
import { StoreConflictError, type TeamStore } from '../common';
import type { Logger } from '../../observability/logger';
import { validate } from '../../http/respond';
import { sendError } from '../../http/errors';
import { CALLER, type CallerIdentity } from '../../http/identity';

/**
 * The Entra app role (aad.manifest.json `appRoles`) that makes a caller a Bearing admin. Tenant
 * admins assign it in Entra ID > Enterprise applications > Bearing > Users and groups; it arrives
 * in the token's `roles` claim. In local mode the development identity has it.
 */
export const ADMIN_ROLE = 'Bearing.Admin';

// Users are named by their Entra object id (a GUID), as the bot and the tab know them.
const userParams = z.strictObject({ userId: schemas.guid });
const eraseUserQuery = z.strictObject({ reassignTo: schemas.guid.optional() });
const eraseTenantQuery = z.strictObject({
  confirm: z.string({ message: 'Repeat your tenant id in ?confirm= to erase the tenant.' }),
});

/** Audit lines of admin actions: who, what, which tenant, with ids and counts only. */
export type AdminAudit = (
  caller: CallerIdentity,
  action: string,
  fields: Record<string, unknown>,
) => void;

export function adminAudit(logger: Logger): AdminAudit {
  return (caller, action, fields) =>
    logger.info('admin audit', {
      audit: true,
      action,
      tenantId: caller.tenantId,
      actorId: caller.userId,
      actorSource: caller.source,
      ...fields,
    });
}

/** Admins only: anyone else gets 403, and the attempt is audited too. */
export function adminOnly(audit: AdminAudit): RequestHandler {
  return (req, res, next) => {
    const caller = res.locals[CALLER] as CallerIdentity;
    if (caller.roles?.includes(ADMIN_ROLE)) return next();
    audit(caller, 'denied', { method: req.method, path: req.path, outcome: 'forbidden' });
    sendError(
      res,
      403,
      API_ERROR_CODES.forbidden,
      `Only admins (Entra app role ${ADMIN_ROLE}) can use the admin API.`,
    );
  };
}

/**
 * `/api/v1/admin`: data-subject requests and retention, for admins of the caller's own tenant.
 * Every request is audited (who, what, which tenant, outcome) with ids and counts only, never
 * names or anything a user wrote. The tenant always comes from the verified token, never from the
 * request, so one tenant's admin cannot reach another tenant's data.
 */
export function adminApiRouter(
  stores: { readonly dataRights: DataRightsStore; readonly teams: TeamStore },
  retention: RetentionPolicy,
  logger: Logger,
  now: () => Date = () => new Date(),
): Router {
  const router = Router();
  // Bound methods (the store is a class instance; spreading it would lose its prototype).
  const bound: DataRightsStore & { teams: TeamStore } = {
    collectUser: (t, u) => stores.dataRights.collectUser(t, u),
    eraseUser: (t, u, o) => stores.dataRights.eraseUser(t, u, o),
    eraseTenant: (t) => stores.dataRights.eraseTenant(t),
    teams: stores.teams,
  };
  const audit = adminAudit(logger);
  router.use(adminOnly(audit));

  router.get('/users/:userId/export', async (req, res) => {
    const caller = res.locals[CALLER] as CallerIdentity;
    const params = validate(res, userParams, req.params);
    if (!params) return;
    const data = await exportUserData(bound, caller.tenantId, params.userId, now());
    audit(caller, 'exportUser', { targetUserId: params.userId, items: data.items.length });
    res.setHeader('Content-Disposition', `attachment; filename="bearing-user-export.json"`);
    res.json(data);
  });

  router.delete('/users/:userId', async (req, res) => {
    const caller = res.locals[CALLER] as CallerIdentity;
    const params = validate(res, userParams, req.params);
    const query = params && validate(res, eraseUserQuery, req.query);
    if (!params || !query) return;
    if (query.reassignTo === params.userId) {
      return sendError(
        res,
        400,
        API_ERROR_CODES.validation,
        'reassignTo must be someone other than the user being erased.',
        'reassignTo',
      );
    }
    let result: Awaited<ReturnType<typeof eraseUserData>>;
    try {
      result = await eraseUserData(bound, caller.tenantId, params.userId, query);
    } catch (error) {
      if (!(error instanceof StoreConflictError)) throw error;
      // Someone edited one of the items meanwhile; what was done is kept, a retry finishes it.
      audit(caller, 'eraseUser', { targetUserId: params.userId, outcome: 'conflict' });
      return sendError(
        res,
        409,
        API_ERROR_CODES.conflict,
        'An item changed while it was being erased. Send the same request again to finish.',
      );
    }
    if (result.kind === 'newOwnerNotMember') {
      audit(caller, 'eraseUser', { targetUserId: params.userId, outcome: 'rejected' });
      return sendError(
        res,
        400,
        API_ERROR_CODES.validation,
        `reassignTo is not an active member of team ${result.teamId}, where the user owns items.`,
        'reassignTo',
      );
    }
    const { removed, reassigned, flagged } = result.erasure;
    audit(caller, 'eraseUser', {
      targetUserId: params.userId,
      outcome: 'done',
      removed,
      reassigned,
      flagged: flagged.length,
    });
    res.json({ userId: params.userId, ...result.erasure });
  });

  router.delete('/tenant', async (req, res) => {
    const caller = res.locals[CALLER] as CallerIdentity;
    const query = validate(res, eraseTenantQuery, req.query);
    if (!query) return;
    if (query.confirm !== caller.tenantId) {
      return sendError(
        res,
        400,
        API_ERROR_CODES.validation,
        'confirm must be your own tenant id: erasing a tenant cannot be undone.',
        'confirm',
      );
    }
    const result = await eraseTenantData(bound, caller.tenantId);
    audit(caller, 'eraseTenant', { outcome: 'done', removed: result.removed });
    res.json({ tenantId: caller.tenantId, ...result });
  });

  router.get('/retention', (_req, res) => {
    const caller = res.locals[CALLER] as CallerIdentity;
    audit(caller, 'readRetention', {});
    res.json({
      ...retention,
      enforcedBy:
        'Cosmos DB per-item TTL (check-ins from their last change, readings from storage)',
      configuredWith: ['BEARING_CHECKIN_RETENTION_DAYS', 'BEARING_READING_RETENTION_DAYS'],
    });
  });

  return router;
}
