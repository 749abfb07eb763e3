import { evaluateKpi, type Kpi, type KpiView } from '@bearing/core';

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
