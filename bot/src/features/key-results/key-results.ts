import {
  cycleKindOf,
  keyResultCycleFits,
  lintKeyResult,
  ok,
  type CreateKeyResultRequest,
  type KeyResult,
  type KeyResultSavedResponse,
  type Result,
} from '@bearing/core';
import { editKeyResult } from './edit-key-result';
import { keyResultView } from './key-result-view';
import { invalid, notFound, roleIn, type Caller, type KpiStore, type OkrStores } from '../common';

/** Adds a key result to an objective of the team; returns it with its lint hints. */
export async function createKeyResult(
  stores: OkrStores,
  caller: Caller,
  teamId: string,
  objectiveId: string,
  body: CreateKeyResultRequest,
  newId: () => string,
  now: Date,
): Promise<Result<KeyResultSavedResponse>> {
  const role = await roleIn(stores.teams, caller, teamId, true);
  if (!role.ok) return role;
  const objective = await stores.okrs.getObjective(caller.tenantId, teamId, objectiveId);
  if (!objective) return notFound('This objective does not exist.');
  if (objective.value.status === 'archived' || objective.value.status === 'closed')
    return invalid('Key results can only be added to draft or active objectives.', 'objectiveId');
  const cycleId = body.cycleId ?? objective.value.cycleId;
  if (!keyResultCycleFits(objective.value.cycleId, cycleId))
    return invalid(
      `A key result of this objective is for ${objective.value.cycleId}${
        cycleKindOf(objective.value.cycleId) === 'year' ? ' or one of its quarters' : ''
      }.`,
      'cycleId',
    );
  const owner = await stores.teams.getMember(caller.tenantId, teamId, body.ownerId);
  if (!owner?.value.active) return invalid('The owner must be a member of the team.', 'ownerId');
  const current = body.current ?? body.baseline;
  if (
    body.type === 'percent' &&
    [body.baseline, body.target, current].some((n) => n < 0 || n > 100)
  )
    return invalid('A percentage goes from 0 to 100.', 'target');
  const at = now.toISOString();
  const kr: KeyResult = {
    tenantId: caller.tenantId,
    id: newId(),
    teamId,
    objectiveId,
    cycleId,
    title: body.title,
    type: body.type,
    ...(body.unit ? { unit: body.unit } : {}),
    baseline: body.baseline,
    target: body.target,
    current,
    direction: body.direction ?? (body.target < body.baseline ? 'decrease' : 'increase'),
    ...(body.milestones ? { milestones: [...body.milestones] } : {}),
    ownerId: body.ownerId,
    confidence: body.confidence,
    status: 'active',
    createdAt: at,
    updatedAt: at,
  };
  const saved = await stores.okrs.saveKeyResult(kr);
  const warnings = await keyResultHints(stores.kpis, caller, teamId, saved.value);
  return ok({
    ...keyResultView(saved.value, saved.etag, owner.value.displayName),
    warnings,
  });
}

/** Archives a key result (the same ETag-conditioned edit as the PATCH). */
export async function archiveKeyResult(
  stores: OkrStores,
  caller: Caller,
  teamId: string,
  keyResultId: string,
  etag: string,
  now: Date,
): Promise<Result<KeyResultSavedResponse>> {
  const saved = await editKeyResult(
    stores,
    caller,
    teamId,
    keyResultId,
    { etag, status: 'archived' },
    now,
  );
  return saved.ok ? ok({ ...saved.value, warnings: [] }) : saved;
}

/** Lint hints of one key result (measurable target, task-like title, KPI cosplay). */
export async function keyResultHints(
  kpis: KpiStore,
  caller: Caller,
  teamId: string,
  kr: Parameters<typeof lintKeyResult>[0],
) {
  const list = await kpis.listKpis(caller.tenantId, teamId);
  return lintKeyResult(
    kr,
    list.map((k) => k.value).filter((k) => k.status === 'active'),
  );
}
