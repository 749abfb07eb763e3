import {
  correctiveKeyResultTarget,
  cycleFor,
  evaluateKpi,
  formatInstant,
  updateFrequencyMs,
  type Kpi,
  type KpiEpisode,
  type TenantId,
  en,
} from '@bearing/core';
import {
  type AdaptiveCard,
  refreshUserIds,
  type TabLink,
  StoreConflictError,
  type KpiStore,
  type OkrStore,
  type OrganizationStore,
  type TeamStore,
  type Versioned,
} from '../common';
import { buildKpiAlertCard, type KpiAlertModel } from './kpi-alert-card';

/** What the alert views and actions read and write. */
export interface KpiAlertStores {
  readonly teams: TeamStore;
  readonly kpis: KpiStore;
  readonly okrs: OkrStore;
  readonly organizations: OrganizationStore;
}

/** How the reader sees times, and where the tab lives. */
export interface Viewer {
  readonly timeZone: string;
  readonly locale: string;
  /** Links into the tab ("Open in Bearing", the drafted corrective OKR). */
  readonly tabLink?: TabLink;
}

/** The id of the one key result of a drafted corrective objective. */
export const correctiveKeyResultId = (objectiveId: string) => `${objectiveId}-kr`;

/** The alert card for a KPI as it is now (used for sends, refreshes and action answers). */
export async function kpiAlertCard(
  stores: KpiAlertStores,
  tenantId: TenantId,
  teamId: string,
  kpiId: string,
  kind: KpiAlertModel['kind'],
  viewer: Viewer,
  now: Date,
): Promise<AdaptiveCard | undefined> {
  const kpi = await stores.kpis.getKpi(tenantId, teamId, kpiId);
  if (!kpi) return undefined;
  const k = kpi.value;
  const since = new Date(now.getTime() - 12 * updateFrequencyMs(k.updateFrequency)).toISOString();
  const [readings, members, guarded, corrective] = await Promise.all([
    stores.kpis.listReadings(tenantId, kpiId, since, 500),
    stores.teams.listMembers(tenantId, teamId),
    Promise.all(k.guardsObjectiveIds.map((id) => stores.okrs.getObjective(tenantId, teamId, id))),
    k.episode?.correctiveObjectiveId
      ? stores.okrs.getObjective(tenantId, teamId, k.episode.correctiveObjectiveId)
      : Promise.resolve(undefined),
  ]);
  const recent = readings.slice(-12);
  const evaluation = evaluateKpi(k, recent, now.toISOString());
  return buildKpiAlertCard({
    kind,
    kpi: k,
    status: evaluation.status,
    values: recent.map((r) => r.value),
    guardedObjectives: guarded.flatMap((o) => (o ? [o.value.title] : [])),
    ...(corrective
      ? {
          correctiveObjectiveTitle: corrective.value.title,
          corrective: {
            cycleId: corrective.value.cycleId,
            keyResultId: correctiveKeyResultId(corrective.value.id),
          },
        }
      : {}),
    ...(viewer.tabLink ? { tabLink: viewer.tabLink } : {}),
    formatInstant: (iso) => formatInstant(iso, viewer.timeZone, viewer.locale),
    refreshUserIds: refreshUserIds(members),
  });
}

/** Changes the open episode `episodeId` of a KPI with an ETag; false when it is not open anymore. */
async function changeEpisode(
  stores: KpiAlertStores,
  tenantId: TenantId,
  teamId: string,
  kpiId: string,
  episodeId: string | undefined,
  change: (episode: KpiEpisode, kpi: Kpi) => KpiEpisode | undefined,
  now: Date,
): Promise<boolean> {
  for (let attempt = 0; attempt < 5; attempt += 1) {
    const current: Versioned<Kpi> | undefined = await stores.kpis.getKpi(tenantId, teamId, kpiId);
    const episode = current?.value.episode;
    if (!current || !episode || episode.state !== 'open') return false;
    if (episodeId && episode.id !== episodeId) return false;
    const next = change(episode, current.value);
    if (!next) return true; // nothing to change (already acknowledged, …)
    try {
      await stores.kpis.saveKpi(
        { ...current.value, episode: next, updatedAt: now.toISOString() },
        current.etag,
      );
      return true;
    } catch (error) {
      if (!(error instanceof StoreConflictError)) throw error;
    }
  }
  return false;
}

/** Records who acknowledged the breach (once: the first one counts). */
export function acknowledgeEpisode(
  stores: KpiAlertStores,
  who: { tenantId: TenantId; userId: string; name: string },
  teamId: string,
  kpiId: string,
  episodeId: string | undefined,
  now: Date,
): Promise<boolean> {
  return changeEpisode(
    stores,
    who.tenantId,
    teamId,
    kpiId,
    episodeId,
    (e) =>
      e.acknowledgedAt
        ? undefined
        : {
            ...e,
            acknowledgedBy: { userId: who.userId, name: who.name },
            acknowledgedAt: now.toISOString(),
          },
    now,
  );
}

/** Holds back the escalation for a day or a week. */
export function snoozeEpisode(
  stores: KpiAlertStores,
  tenantId: TenantId,
  teamId: string,
  kpiId: string,
  episodeId: string | undefined,
  duration: '1d' | '1w',
  now: Date,
): Promise<boolean> {
  const until = new Date(now.getTime() + (duration === '1w' ? 7 : 1) * 86_400_000).toISOString();
  return changeEpisode(
    stores,
    tenantId,
    teamId,
    kpiId,
    episodeId,
    (e) => ({ ...e, snoozedUntil: until }),
    now,
  );
}

/**
 * Drafts the corrective OKR of an open breach, once per episode: a draft team objective in the
 * current cycle, linked to the KPI, with one key result from the KPI's current value to a value
 * back inside its range (clear of the warning band). Deterministic ids make a double click or a
 * retried invoke find the same draft.
 */
export async function draftCorrectiveOkr(
  stores: KpiAlertStores,
  who: { tenantId: TenantId; userId: string },
  teamId: string,
  kpiId: string,
  episodeId: string | undefined,
  now: Date,
): Promise<{ kind: 'drafted' | 'exists'; objectiveId: string } | { kind: 'notOpen' }> {
  const kpi = await stores.kpis.getKpi(who.tenantId, teamId, kpiId);
  const episode = kpi?.value.episode;
  if (!kpi || !episode || episode.state !== 'open' || (episodeId && episode.id !== episodeId))
    return { kind: 'notOpen' };
  if (episode.correctiveObjectiveId)
    return { kind: 'exists', objectiveId: episode.correctiveObjectiveId };
  const k = kpi.value;
  const org = await stores.organizations.getOrganization(who.tenantId);
  const nowIso = now.toISOString();
  const cycle = cycleFor(nowIso.slice(0, 10), org?.value.fiscalStartMonth ?? 1);
  const current = k.lastReading?.value ?? episode.openedValue;
  const { target, direction } = correctiveKeyResultTarget(k, current);
  const objectiveId = `corrective-${k.id}-${episode.id}`;
  const unit = k.unit === '%' ? '%' : k.unit;
  try {
    await stores.okrs.saveObjective({
      tenantId: who.tenantId,
      id: objectiveId,
      teamId,
      cycleId: cycle.id,
      level: 'team',
      title: en.kpi.correctiveTitle(k.name),
      ownerId: k.ownerId,
      parentIds: [],
      status: 'draft',
      kpiIds: [k.id],
      createdAt: nowIso,
      updatedAt: nowIso,
    });
    await stores.okrs.saveKeyResult({
      tenantId: who.tenantId,
      id: correctiveKeyResultId(objectiveId),
      teamId,
      objectiveId,
      cycleId: cycle.id,
      title: en.kpi.correctiveKr(
        k.name,
        `${current}${unit === '%' ? '%' : ` ${unit}`}`,
        `${target}${unit === '%' ? '%' : ` ${unit}`}`,
      ),
      type: unit === '%' ? 'percent' : 'number',
      unit,
      baseline: current,
      target,
      current,
      direction,
      ownerId: k.ownerId,
      confidence: 'atRisk',
      status: 'active',
      createdAt: nowIso,
      updatedAt: nowIso,
    });
  } catch (error) {
    // A concurrent click created it first: same ids, same draft.
    if (!(error instanceof StoreConflictError)) throw error;
  }
  await changeEpisode(
    stores,
    who.tenantId,
    teamId,
    kpiId,
    episode.id,
    (e) => (e.correctiveObjectiveId ? undefined : { ...e, correctiveObjectiveId: objectiveId }),
    now,
  );
  return { kind: 'drafted', objectiveId };
}
