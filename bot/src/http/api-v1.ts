import { Router } from 'express';
import { randomUUID } from 'node:crypto';
import type { DeliveryJobStore } from '../features/delivery';
import type {
  CheckInStore,
  KpiStore,
  OkrStore,
  OrganizationStore,
  TeamStore,
  UserStore,
} from '../features/common';
import { alignmentRoutes } from '../features/alignment';
import { dataRoutes } from '../features/import-export';
import { keyResultRoutes } from '../features/key-results';
import { kpiRoutes } from '../features/kpis';
import { meRoutes } from '../features/me';
import { okrRoutes } from '../features/objectives';
import { openItemRoutes, type OpenItemStore } from '../features/open-items';
import { memberRoutes, teamSettingsRoutes } from '../features/team';
import type { Logger } from '../observability/logger';

/** The `/api/v1` routes (the tab API): each feature's router. Every route runs after `authenticate`. */
export function apiV1Router(
  stores: {
    readonly users: UserStore;
    readonly teams: TeamStore;
    readonly okrs: OkrStore;
    readonly organizations: OrganizationStore;
    readonly kpis: KpiStore;
    readonly deliveries: DeliveryJobStore;
    readonly checkIns: CheckInStore;
    readonly openItems: OpenItemStore;
  },
  now: () => Date = () => new Date(),
  newId: () => string = () => randomUUID(),
  /** Where audited changes (roles) are logged. */
  logger?: Logger,
): Router {
  return Router().use(
    meRoutes(stores, now),
    alignmentRoutes(stores, now),
    okrRoutes(stores, now, newId),
    keyResultRoutes(stores, now, newId),
    kpiRoutes(stores, now, newId),
    dataRoutes(stores, now, newId),
    teamSettingsRoutes(stores, now),
    memberRoutes(stores, now, logger),
    openItemRoutes(stores, now),
  );
}
