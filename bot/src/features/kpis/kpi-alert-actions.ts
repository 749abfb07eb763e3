import { API_ERROR_CODES, en, err, ok, type Kpi, type Result, type TenantId } from '@bearing/core';
import { conflict, forbidden, notFound } from '../common';
import {
  acknowledgeEpisode,
  draftCorrectiveOkr,
  snoozeEpisode,
  type KpiAlertStores,
} from './kpi-alerts';
import { recordReadings, type ReadingStores } from './kpi-readings';

/** Which alert an action is about: the KPI, and the breach episode the card was sent for. */
export interface AlertTarget {
  readonly tenantId: TenantId;
  readonly teamId: string;
  readonly kpiId: string;
  /** The episode on the card; absent on cards that name none (any open episode). */
  readonly episodeId?: string;
}

const MESSAGES = {
  gone: 'This KPI no longer exists in this team. Open Bearing to see the team’s KPIs.',
  notOpen: (name: string) => `${name} is not out of range anymore, so there is nothing to do.`,
  earlierEpisode: (name: string) =>
    `This alert is about an earlier time ${name} left its range. Use the latest alert card, or open Bearing.`,
};

/** The code of an action on an alert that is over (recovered, or a later episode is open). */
export const ALERT_OVER = API_ERROR_CODES.conflict;

/**
 * Why an episode change did not apply, read again after it: the KPI is gone, its breach is over,
 * the card is of an earlier episode, or (still open and the same) other writes kept winning.
 */
async function whyNot(stores: KpiAlertStores, target: AlertTarget): Promise<Result<never>> {
  const kpi = (await stores.kpis.getKpi(target.tenantId, target.teamId, target.kpiId))?.value;
  return explain(kpi, target) ?? conflict('this alert');
}

/** The error for an action on `kpi` as `target` names it, or undefined when it can apply. */
function explain(kpi: Kpi | undefined, target: AlertTarget): Result<never> | undefined {
  if (!kpi) return notFound(MESSAGES.gone);
  const episode = kpi.episode;
  if (!episode || episode.state !== 'open')
    return err({ code: ALERT_OVER, message: MESSAGES.notOpen(kpi.name) });
  if (target.episodeId && episode.id !== target.episodeId)
    return err({ code: ALERT_OVER, message: MESSAGES.earlierEpisode(kpi.name) });
  return undefined;
}

/** Acknowledges the open breach of a KPI (the first acknowledgement counts). */
export async function acknowledgeKpiAlert(
  stores: KpiAlertStores,
  target: AlertTarget,
  who: { readonly userId: string; readonly name: string },
  now: Date,
): Promise<Result<void>> {
  const done = await acknowledgeEpisode(
    stores,
    { tenantId: target.tenantId, userId: who.userId, name: who.name },
    target.teamId,
    target.kpiId,
    target.episodeId,
    now,
  );
  return done ? ok(undefined) : whyNot(stores, target);
}

/** Holds back the escalation of an open breach for a day or a week. */
export async function snoozeKpiAlert(
  stores: KpiAlertStores,
  target: AlertTarget,
  duration: '1d' | '1w',
  now: Date,
): Promise<Result<void>> {
  const done = await snoozeEpisode(
    stores,
    target.tenantId,
    target.teamId,
    target.kpiId,
    target.episodeId,
    duration,
    now,
  );
  return done ? ok(undefined) : whyNot(stores, target);
}

/** Drafts (once) the corrective OKR of an open breach; the draft's objective id. */
export async function draftCorrectiveForAlert(
  stores: KpiAlertStores,
  target: AlertTarget,
  userId: string,
  now: Date,
): Promise<Result<{ objectiveId: string }>> {
  const drafted = await draftCorrectiveOkr(
    stores,
    { tenantId: target.tenantId, userId },
    target.teamId,
    target.kpiId,
    target.episodeId,
    now,
  );
  return drafted.kind === 'notOpen'
    ? whyNot(stores, target)
    : ok({ objectiveId: drafted.objectiveId });
}

/** A reading the KPI's owner typed into the card; only the owner may. The KPI as it was. */
export async function recordManualReading(
  stores: ReadingStores,
  target: Omit<AlertTarget, 'episodeId'>,
  userId: string,
  value: number,
  now: Date,
): Promise<Result<Kpi>> {
  const kpi = await stores.kpis.getKpi(target.tenantId, target.teamId, target.kpiId);
  if (!kpi || kpi.value.ownerId !== userId) return forbidden(en.kpi.ownersOnly);
  const recorded = await recordReadings(
    stores,
    { tenantId: target.tenantId, teamId: target.teamId },
    [{ kpiId: target.kpiId, value, at: now.toISOString() }],
    'manual',
    now,
  );
  return recorded.ok ? ok(kpi.value) : recorded;
}
