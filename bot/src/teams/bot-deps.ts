import type { KpiAlertStores } from '../features/kpis';
import type { DeliveryJobStore, SendNowResult } from '../features/delivery';
import type { CheckInDeps } from '../features/check-in';
import type { TeamStore, UserStore } from '../features/common';
import type { TeamOwnerDirectory } from '../features/team';
import type { ImportDocumentStore } from '../features/viva-import';
import type { Logger } from '../observability/logger';

/** What the bot needs from the composition root. */
export interface BotDeps extends CheckInDeps {
  readonly stores: CheckInDeps['stores'] &
    KpiAlertStores & {
      readonly users: UserStore;
      readonly teams: TeamStore;
      readonly deliveries: DeliveryJobStore;
      readonly imports: ImportDocumentStore;
    };
  readonly logger: Logger;
  /** The tab's own address: pasted links to it unfurl into the shared OKR card. */
  readonly tabUrl?: string;
  /** Who owns a team in Teams (Microsoft Graph); without it the installer is the first owner. */
  readonly teamOwners?: TeamOwnerDirectory;
  /** Starts this week's check-in for a whole team now, through the delivery engine. */
  readonly sendCheckInsNow: (
    tenantId: string,
    teamId: string,
  ) => Promise<SendNowResult | undefined>;
}
