import { Router } from 'express';
import { schemas } from '@bearing/core';
import { getMeetingAgenda } from './meeting-agenda';
import { getTeamDashboard, type DashboardStores } from './team-dashboard';
import { getTeamViewForMember, type TeamViewStores } from './team-view';
import { teamNotFound } from '../common';
import type { OpenItemStore } from '../open-items';
import { callerOf, send, validate } from '../../http/respond';

/** A team's alignment view, dashboard and meeting agenda (members read). */
export function alignmentRoutes(
  stores: DashboardStores & TeamViewStores & { readonly openItems: OpenItemStore },
  now: () => Date,
): Router {
  const router = Router();

  router.get('/teams/:teamId/alignment', async (req, res) => {
    const caller = callerOf(res);
    const params = validate(res, schemas.teamParams, req.params);
    const query = params && validate(res, schemas.alignmentQuery, req.query);
    if (!params || !query) return;
    const { tenantId, userId } = caller;
    const view = await getTeamViewForMember(stores, tenantId, params.teamId, userId, now(), query);
    // Not a member and no such team answer alike (404), so team ids cannot be probed.
    if (!view) return send(res, teamNotFound);
    res.json(view);
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
