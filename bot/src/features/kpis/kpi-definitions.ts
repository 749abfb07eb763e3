import {
  ok,
  type CreateKpiRequest,
  type Kpi,
  type KpiView,
  type Result,
  type UpdateKpiRequest,
} from '@bearing/core';
import {
  StoreConflictError,
  type KpiStore,
  type TeamStore,
  type Versioned,
  conflict,
  invalid,
  notFound,
  requireMember,
  type Caller,
} from '../common';
import { kpiView } from './kpi-view';

/** Kept for callers of the old path. */
export { kpiView };

type Stores = { readonly teams: TeamStore; readonly kpis: KpiStore };

const manager = (stores: Stores, caller: Caller, teamId: string) =>
  requireMember(stores.teams, caller, teamId, {
    write: true,
    forbidden: 'Only team owners and managers can change KPIs.',
  });

async function ownerIsMember(stores: Stores, caller: Caller, teamId: string, ownerId: string) {
  return Boolean((await stores.teams.getMember(caller.tenantId, teamId, ownerId))?.value.active);
}

/** Creates a KPI definition (owners and managers). */
export async function createKpi(
  stores: Stores,
  caller: Caller,
  teamId: string,
  request: CreateKpiRequest,
  newId: () => string,
  now: Date,
): Promise<Result<KpiView>> {
  const allowed = await manager(stores, caller, teamId);
  if (!allowed.ok) return allowed;
  if (!(await ownerIsMember(stores, caller, teamId, request.ownerId)))
    return invalid('The owner must be a member of the team.', 'ownerId');
  const at = now.toISOString();
  const kpi: Kpi = {
    ...request,
    tenantId: caller.tenantId,
    teamId,
    id: newId(),
    status: 'active',
    createdAt: at,
    updatedAt: at,
  } as Kpi;
  const saved = await stores.kpis.saveKpi(kpi);
  return ok(kpiView(saved.value, saved.etag, now));
}

/** Edits or archives a KPI; the write is conditioned on the ETag the editor saw. */
export async function updateKpi(
  stores: Stores,
  caller: Caller,
  teamId: string,
  kpiId: string,
  change: UpdateKpiRequest,
  now: Date,
): Promise<Result<KpiView>> {
  const allowed = await manager(stores, caller, teamId);
  if (!allowed.ok) return allowed;
  const current: Versioned<Kpi> | undefined = await stores.kpis.getKpi(
    caller.tenantId,
    teamId,
    kpiId,
  );
  if (!current) return notFound('This KPI does not exist.');
  if (current.etag !== change.etag) return conflict('this KPI');
  if (change.ownerId && !(await ownerIsMember(stores, caller, teamId, change.ownerId)))
    return invalid('The owner must be a member of the team.', 'ownerId');
  const { etag, ...fields } = change;
  const next = { ...current.value, ...fields, updatedAt: now.toISOString() } as Kpi;
  const { min, max } = next.target;
  if (min !== undefined && max !== undefined && min > max)
    return invalid('The minimum must not exceed the maximum.', 'target');
  try {
    const saved = await stores.kpis.saveKpi(next, etag);
    return ok(kpiView(saved.value, saved.etag, now));
  } catch (error) {
    if (error instanceof StoreConflictError) return conflict('this KPI');
    throw error;
  }
}
