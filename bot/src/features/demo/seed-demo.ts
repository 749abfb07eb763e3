import { addWeeks, cycleFor, isoWeek } from '@bearing/core';
import type { Logger } from '../../observability/logger';
import {
  buildDemoOrganization,
  DEMO_FISCAL_START_MONTH,
  DEMO_TENANT_ID,
  DEMO_TIME_ZONE,
} from './demo-organization';
import type {
  CheckInStore,
  KpiStore,
  OkrStore,
  OrganizationStore,
  TeamStore,
  UserStore,
} from '../common';
import { recordOpenItems, type OpenItemStore } from '../open-items';

/** The stores seeding writes to. */
export interface SeedStores {
  readonly organizations: OrganizationStore;
  readonly teams: TeamStore;
  readonly okrs: OkrStore;
  readonly checkIns: CheckInStore;
  readonly kpis: KpiStore;
  readonly users: UserStore;
  readonly openItems: OpenItemStore;
}

/**
 * Seeds the demo organisation once: if its organisation document exists, nothing is written.
 * The organisation document is written last, so an interrupted seed is completed on the next start.
 */
export async function seedDemoOrganization(
  stores: SeedStores,
  now: Date,
  logger: Logger,
): Promise<'seeded' | 'alreadySeeded'> {
  if (await stores.organizations.getOrganization(DEMO_TENANT_ID)) return 'alreadySeeded';
  const cycle = cycleFor(now.toISOString(), DEMO_FISCAL_START_MONTH);
  const lastWeek = addWeeks(isoWeek(now.toISOString(), DEMO_TIME_ZONE), -1);
  const demo = buildDemoOrganization(now, cycle, lastWeek);
  const tenantId = demo.team.tenantId;

  // Writes are upserts guarded by "missing" checks so a half-finished earlier seed can be resumed.
  if (!(await stores.teams.getTeam(tenantId, demo.team.id))) await stores.teams.saveTeam(demo.team);
  for (const m of demo.members) {
    if (!(await stores.teams.getMember(tenantId, m.teamId, m.userId)))
      await stores.teams.saveMember(m);
    if (!(await stores.users.getUser(tenantId, m.userId))) {
      await stores.users.saveUser({
        tenantId,
        userId: m.userId,
        displayName: m.displayName,
        teamIds: [m.teamId],
        timeZone: m.timeZone,
        locale: m.locale,
        updatedAt: m.updatedAt,
      });
    }
  }
  for (const o of demo.objectives) {
    if (!(await stores.okrs.getObjective(tenantId, o.teamId, o.id)))
      await stores.okrs.saveObjective(o);
  }
  for (const k of demo.keyResults) {
    if (!(await stores.okrs.getKeyResult(tenantId, k.teamId, k.id)))
      await stores.okrs.saveKeyResult(k);
  }
  for (const k of demo.kpis) {
    if (!(await stores.kpis.getKpi(tenantId, k.teamId, k.id))) await stores.kpis.saveKpi(k);
  }
  for (const r of demo.readings) await stores.kpis.addReading(r);
  for (const c of demo.checkIns) {
    if (!(await stores.checkIns.getCheckIn(tenantId, c.teamId, c.userId, c.week))) {
      await stores.checkIns.saveCheckIn(c);
    }
    // Last week's blockers and decisions are open items, as a real check-in would have made them.
    const author = demo.members.find((m) => m.userId === c.userId)?.displayName ?? c.userId;
    await recordOpenItems(stores.openItems, c, author);
  }
  await stores.organizations.saveOrganization(demo.organization);
  logger.info('seeded demo organisation', {
    tenantId,
    objectives: demo.objectives.length,
    keyResults: demo.keyResults.length,
    kpis: demo.kpis.length,
  });
  return 'seeded';
}
