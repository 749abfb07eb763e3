import { Router } from 'express';
import { schemas } from '@bearing/core';
import { getDecisionLog } from './decision-log';
import {
  recordDecision,
  resolveOpenItem,
  updateOpenItem,
  withdrawOpenItem,
  type OpenItemStores,
} from './item-actions';
import { callerOf, send, validate, sendDownload } from '../../http/respond';

/**
 * Open items (blockers and decisions from check-ins): managers resolve them and record decisions;
 * their author rewords or withdraws them; every member reads the decision log and exports it.
 */
export function openItemRoutes(stores: OpenItemStores, now: () => Date): Router {
  const router = Router();
  const path = '/teams/:teamId/open-items/:itemId';

  router.post(`${path}/resolve`, async (req, res) => {
    const params = validate(res, schemas.openItemParams, req.params);
    const body = params && validate(res, schemas.resolveOpenItemRequest, req.body);
    if (!params || !body) return;
    const { teamId, itemId } = params;
    send(res, await resolveOpenItem(stores, callerOf(res), teamId, itemId, body.note, now()));
  });

  router.post(`${path}/decision`, async (req, res) => {
    const params = validate(res, schemas.openItemParams, req.params);
    const body = params && validate(res, schemas.recordDecisionRequest, req.body);
    if (!params || !body) return;
    const { teamId, itemId } = params;
    send(res, await recordDecision(stores, callerOf(res), teamId, itemId, body.decision, now()));
  });

  router.patch(path, async (req, res) => {
    const params = validate(res, schemas.openItemParams, req.params);
    const body = params && validate(res, schemas.updateOpenItemRequest, req.body);
    if (!params || !body) return;
    const { teamId, itemId } = params;
    send(res, await updateOpenItem(stores, callerOf(res), teamId, itemId, body.text, now()));
  });

  router.post(`${path}/withdraw`, async (req, res) => {
    const params = validate(res, schemas.openItemParams, req.params);
    const body = params && validate(res, schemas.withdrawOpenItemRequest, req.body);
    if (!params || !body) return;
    send(res, await withdrawOpenItem(stores, callerOf(res), params.teamId, params.itemId, now()));
  });

  router.get('/teams/:teamId/decision-log', async (req, res) => {
    const params = validate(res, schemas.teamParams, req.params);
    const query = params && validate(res, schemas.decisionLogQuery, req.query);
    if (!params || !query) return;
    sendDownload(res, await getDecisionLog(stores, callerOf(res), params.teamId, query, now()));
  });

  return router;
}
