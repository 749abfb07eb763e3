import {
  evaluateKpi,
  ok,
  type CreateKpiRequest,
  type Kpi,
  type KpiView,
  type Result,
  type UpdateKpiRequest,
} from '@bearing/core';
import { StoreConflictError, type KpiStore, type TeamStore, type Versioned } from '../shared/ports';
import { conflict, invalid, notFound, requireMember, type Caller } from '../shared/team-scope';

type Stores = { readonly teams: TeamStore; readonly kpis: KpiStore };

/** A KPI as the tab shows it, evaluated now from its latest reading. */
export function kpiView(k: Kpi, etag: string, now: Date): KpiView {
  const e = evaluateKpi(k, k.lastReading ? [k.lastReading] : [], now.toISOString());
  return {
    id: k.id,
    name: k.name,
    unit: k.unit,
    direction: k.direction,
    updateFrequency: k.updateFrequency,
    target: { ...k.target },
    ownerId: k.ownerId,
    status: e.status,
    trend: e.trend,
    trendingToBreach: e.trendingToBreach,
    ...(k.lastReading ? { lastReading: { ...k.lastReading } } : {}),
    guardsObjectiveIds: [...k.guardsObjectiveIds],
    etag,
  };
}

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
