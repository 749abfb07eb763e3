import { Router } from 'express';
import { schemas } from '@bearing/core';
import { getMeetingAgenda } from './meeting-agenda';
import { getTeamDashboard, type DashboardStores } from './team-dashboard';
import { getTeamSettings, patchTeamSettings } from '../team/team-settings';
import { replanTeamWeek, type PlannerStores } from '../delivery/planner';
import { callerOf, send, validate, withIfMatch } from '../../http/api-v1-helpers';

/** A team's settings, dashboard and meeting agenda. */
export function teamRoutes(stores: DashboardStores & PlannerStores, now: () => Date): Router {
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

  router.get('/teams/:teamId/dashboard', async (req, res) => {
    const params = validate(res, schemas.teamParams, req.params);
    const query = params && validate(res, schemas.teamViewQuery, req.query);
    if (!params || !query) return;
    send(res, await getTeamDashboard(stores, callerOf(res), params.teamId, now(), query.cycleId));
  });

  router.get('/teams/:teamId/meeting-agenda', async (req, res) => {
    const params = validate(res, schemas.teamParams, req.params);
    const query = params && validate(res, schemas.teamViewQuery, req.query);
    if (!params || !query) return;
    send(res, await getMeetingAgenda(stores, callerOf(res), params.teamId, now(), query.cycleId));
  });

  return router;
}
