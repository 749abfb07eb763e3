import { en } from '@bearing/core';
import {
  buildMessageCard,
  type AdaptiveCard,
  type KpiStore,
  type MemberContext,
  type TabLink,
} from '../common';
import { kpiAlertCard, type KpiAlertStores, type Viewer } from './kpi-alerts';
import type { KpiAlertModel } from './kpi-alert-card';
import { buildKpiUpdateCard } from './kpi-update-card';

/** How a member sees times, and how to link into the tab. */
export const viewerOf = (ctx: MemberContext, tabLink?: TabLink): Viewer => ({
  timeZone: ctx.timeZone,
  locale: ctx.locale,
  ...(tabLink ? { tabLink } : {}),
});

/** The "Update a KPI" card with the active KPIs the member owns (again with an error, if any). */
export async function kpiUpdateCardFor(
  kpis: KpiStore,
  ctx: MemberContext,
  options: { error?: string; value?: string; kpiId?: string } = {},
): Promise<AdaptiveCard> {
  const owned = (await kpis.listKpis(ctx.team.tenantId, ctx.team.id))
    .map((k) => k.value)
    .filter((k) => k.status === 'active' && k.ownerId === ctx.member.userId);
  return buildKpiUpdateCard(ctx.team.id, owned, options);
}

/** The alert card of a KPI as it is now, for the member; "out of date" when the KPI is gone. */
export async function kpiAlertCardFor(
  stores: KpiAlertStores,
  ctx: MemberContext,
  kpiId: string,
  kind: KpiAlertModel['kind'],
  now: Date,
  tabLink?: TabLink,
): Promise<AdaptiveCard> {
  const card = await kpiAlertCard(
    stores,
    ctx.team.tenantId,
    ctx.team.id,
    kpiId,
    kind,
    viewerOf(ctx, tabLink),
    now,
  );
  return card ?? buildMessageCard(en.errors.outOfDate);
}
