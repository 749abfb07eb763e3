import { Router } from 'express';
import { schemas } from '@bearing/core';
import { getTeamSettings, patchTeamSettings } from './team-settings';
import { replanTeamWeek, type PlannerStores } from '../delivery';
import { callerOf, send, validate, withIfMatch } from '../../http/respond';

/** A team's settings; a change moves this week's waiting cards, reminders and digest. */
export function teamSettingsRoutes(stores: PlannerStores, now: () => Date): Router {
  const router = Router();

  router.get('/teams/:teamId/settings', async (req, res) => {
    const params = validate(res, schemas.teamParams, req.params);
    if (!params) return;
    send(res, await getTeamSettings(stores.teams, callerOf(res), params.teamId));
  });

  router.patch('/teams/:teamId/settings', async (req, res) => {
    const params = validate(res, schemas.teamParams, req.params);
    const body = params && validate(res, schemas.patchTeamSettingsRequest, withIfMatch(req));
    if (!params || !body) return;
    const caller = callerOf(res);
    const at = now();
    const result = await patchTeamSettings(stores.teams, caller, params.teamId, body, at);
    // This week's cards, reminders and digest that are still waiting move to the new times.
    if (result.ok) await replanTeamWeek(stores, caller.tenantId, params.teamId, at);
    send(res, result);
  });

  return router;
}
