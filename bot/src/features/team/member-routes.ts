import { Router, type Response } from 'express';
import { API_ERROR_CODES, ok, schemas } from '@bearing/core';
import type { TeamStore } from '../common';
import { auditRole, listTeamMembers, setMemberRole, type RoleCaller } from './team-roles';
import type { Logger } from '../../observability/logger';
import { ADMIN_ROLE } from '../data-rights';
import { setAway } from './away';
import { callerOf, send, validate, withIfMatch } from '../../http/respond';

const roleCaller = (res: Response): RoleCaller & { source: string } => {
  const caller = callerOf(res);
  return { ...caller, isAdmin: caller.roles?.includes(ADMIN_ROLE) ?? false };
};

/** A team's people and their roles (team settings → People). Every change is audited. */
export function memberRoutes(
  stores: { readonly teams: TeamStore },
  now: () => Date,
  logger: Logger | undefined,
): Router {
  const router = Router();

  router.get('/teams/:teamId/members', async (req, res) => {
    const params = validate(res, schemas.teamParams, req.params);
    if (!params) return;
    send(res, await listTeamMembers(stores.teams, roleCaller(res), params.teamId));
  });

  router.put('/teams/:teamId/members/:userId/role', async (req, res) => {
    const params = validate(res, schemas.memberParams, req.params);
    const body = params && validate(res, schemas.setMemberRoleRequest, withIfMatch(req));
    if (!params || !body) return;
    const caller = roleCaller(res);
    const result = await setMemberRole(
      stores.teams,
      caller,
      params.teamId,
      params.userId,
      body,
      now(),
    );
    auditRole(logger, {
      action: 'setRole',
      tenantId: caller.tenantId,
      teamId: params.teamId,
      actorId: caller.userId,
      actorSource: caller.isAdmin ? `${caller.source}:admin` : caller.source,
      targetUserId: params.userId,
      to: body.role,
      ...(result.ok
        ? { from: result.value.from, outcome: result.value.changed ? 'done' : 'unchanged' }
        : { outcome: OUTCOME[result.error.code] ?? 'rejected' }),
    });
    send(res, result.ok ? ok(result.value.member) : result);
  });

  router.put('/teams/:teamId/members/:userId/away', async (req, res) => {
    const params = validate(res, schemas.memberParams, req.params);
    const body = params && validate(res, schemas.setAwayRequest, req.body);
    if (!params || !body) return;
    const { teamId, userId } = params;
    send(res, await setAway(stores.teams, callerOf(res), teamId, userId, body.until, now()));
  });

  return router;
}

const OUTCOME: Record<string, string> = {
  [API_ERROR_CODES.forbidden]: 'forbidden',
  [API_ERROR_CODES.notFound]: 'notFound',
  [API_ERROR_CODES.conflict]: 'conflict',
  [API_ERROR_CODES.lastOwner]: 'lastOwner',
};
