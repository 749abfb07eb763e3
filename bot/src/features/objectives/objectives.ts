import {
  cycleById,
  cycleScopeOf,
  lintTeamOkrs,
  ok,
  type CreateObjectiveRequest,
  type Objective,
  type ObjectiveView,
  type Result,
  type UpdateObjectiveRequest,
} from '@bearing/core';
import { kpiView } from '../kpis';
import { objectiveView } from './objective-view';
import {
  StoreConflictError,
  type TeamSnapshot,
  conflict,
  invalid,
  notFound,
  roleIn,
  type Caller,
  type OkrStores,
} from '../common';

/** What objectives are read and written with (the OKR stores every OKR feature uses). */
export type ObjectiveStores = OkrStores;

const objectiveNotFound = notFound('This objective does not exist.');

/** An objective of a team snapshot as the tab shows it, with lint hints for it and its KRs. */
export function objectiveViewOf(
  snapshot: TeamSnapshot,
  objectiveId: string,
  now: Date,
): ObjectiveView | undefined {
  const found = snapshot.objectives.find((o) => o.value.id === objectiveId);
  if (!found) return undefined;
  const activeKrs = snapshot.keyResults.filter((k) => k.value.status === 'active');
  const kpis = snapshot.kpis.filter((k) => k.value.status === 'active');
  const warnings = lintTeamOkrs({
    objectives: snapshot.objectives.map((x) => x.value).filter((x) => x.status !== 'archived'),
    keyResults: activeKrs.map((k) => k.value),
    kpis: kpis.map((k) => k.value),
    now: now.toISOString(),
  });
  return objectiveView(found, {
    keyResults: activeKrs.filter((k) => k.value.objectiveId === objectiveId),
    names: new Map(snapshot.members.map((m) => [m.userId, m.displayName])),
    kpis: kpis.map((k) => kpiView(k.value, k.etag, now)),
    warnings,
    countsAsAligned: () => true,
  });
}

// Parents may be company objectives, objectives of this team or of the team above it.
async function checkLinks(
  stores: ObjectiveStores,
  caller: Caller,
  teamId: string,
  selfId: string | undefined,
  change: { parentIds?: readonly string[]; kpiIds?: readonly string[]; ownerId?: string },
): Promise<Result<true>> {
  const { tenantId } = caller;
  if (change.ownerId) {
    const owner = await stores.teams.getMember(tenantId, teamId, change.ownerId);
    if (!owner?.value.active) return invalid('The owner must be a member of the team.', 'ownerId');
  }
  if (change.parentIds?.length) {
    const team = await stores.teams.getTeam(tenantId, teamId);
    const scopes = [null, teamId, ...(team?.value.parentTeamId ? [team.value.parentTeamId] : [])];
    for (const [i, parentId] of change.parentIds.entries()) {
      if (parentId === selfId)
        return invalid('An objective cannot align to itself.', `parentIds.${i}`);
      let exists = false;
      for (const scope of scopes) {
        const parent = await stores.okrs.getObjective(tenantId, scope, parentId);
        if (parent && parent.value.status !== 'archived') {
          exists = true;
          break;
        }
      }
      if (!exists) return invalid(`No objective ${parentId} to align to.`, `parentIds.${i}`);
    }
  }
  for (const [i, kpiId] of (change.kpiIds ?? []).entries()) {
    if (!(await stores.kpis.getKpi(tenantId, teamId, kpiId)))
      return invalid(`This team has no KPI ${kpiId}.`, `kpiIds.${i}`);
  }
  return ok(true);
}

async function viewAfterSave(
  stores: ObjectiveStores,
  caller: Caller,
  teamId: string,
  saved: Objective,
  now: Date,
): Promise<Result<ObjectiveView>> {
  // One single-partition query for the view of the item's cycle: the saved item with fresh lint hints.
  const scope = cycleScopeOf(saved.cycleId);
  const snapshot = await stores.teams.loadTeamSnapshot(caller.tenantId, teamId, scope, []);
  const view = snapshot && objectiveViewOf(snapshot, saved.id, now);
  return view ? ok(view) : objectiveNotFound;
}

/** Creates a team (or individual) objective; owners and managers only. */
export async function createObjective(
  stores: ObjectiveStores,
  caller: Caller,
  teamId: string,
  body: CreateObjectiveRequest,
  newId: () => string,
  now: Date,
): Promise<Result<ObjectiveView>> {
  const role = await roleIn(stores.teams, caller, teamId, true);
  if (!role.ok) return role;
  const org = await stores.organizations.getOrganization(caller.tenantId);
  if (!cycleById(body.cycleId, org?.value.fiscalStartMonth ?? 1))
    return invalid('Unknown cycle.', 'cycleId');
  const links = await checkLinks(stores, caller, teamId, undefined, body);
  if (!links.ok) return links;
  const at = now.toISOString();
  const objective: Objective = {
    tenantId: caller.tenantId,
    id: newId(),
    teamId,
    cycleId: body.cycleId,
    level: body.level,
    title: body.title,
    ...(body.description ? { description: body.description } : {}),
    ownerId: body.ownerId,
    parentIds: [...new Set(body.parentIds)],
    status: body.status,
    ...(body.kpiIds ? { kpiIds: [...new Set(body.kpiIds)] } : {}),
    createdAt: at,
    updatedAt: at,
  };
  const saved = await stores.okrs.saveObjective(objective);
  return viewAfterSave(stores, caller, teamId, saved.value, now);
}

/** Edits, re-aligns or archives (`status: 'archived'`) an objective, conditioned on its ETag. */
export async function updateObjective(
  stores: ObjectiveStores,
  caller: Caller,
  teamId: string,
  objectiveId: string,
  change: UpdateObjectiveRequest,
  now: Date,
): Promise<Result<ObjectiveView>> {
  const role = await roleIn(stores.teams, caller, teamId, true);
  if (!role.ok) return role;
  const current = await stores.okrs.getObjective(caller.tenantId, teamId, objectiveId);
  if (!current) return objectiveNotFound;
  if (current.etag !== change.etag) return conflict('this objective');
  if (current.value.status === 'closed' && change.status && change.status !== 'archived')
    return invalid('This objective was closed with its cycle.', 'status');
  const links = await checkLinks(stores, caller, teamId, objectiveId, change);
  if (!links.ok) return links;
  const { etag, parentIds, kpiIds, ...fields } = change;
  const next: Objective = {
    ...current.value,
    ...fields,
    ...(parentIds ? { parentIds: [...new Set(parentIds)] } : {}),
    ...(kpiIds ? { kpiIds: [...new Set(kpiIds)] } : {}),
    updatedAt: now.toISOString(),
  };
  try {
    const saved = await stores.okrs.saveObjective(next, etag);
    return viewAfterSave(stores, caller, teamId, saved.value, now);
  } catch (error) {
    if (error instanceof StoreConflictError) return conflict('this objective');
    throw error;
  }
}
