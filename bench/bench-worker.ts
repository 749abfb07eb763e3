import { deactivateTeamMember, rememberConversation } from '../bot/src/features/team/installation';
import { DeliveryContentResolver } from '../bot/src/features/delivery/delivery-content';
import { DeliveryWorker } from '../bot/src/features/delivery/delivery-worker';
import {
  SendRateLimiter,
  TEAMS_CONVERSATION_LIMITS,
  teamsTenantLimits,
} from '../bot/src/features/delivery/rate-limiter';
import type { Stores } from '../bot/src/store';
import { TeamsProactiveSender } from '../bot/src/teams/proactive-sender';

const silent = { debug() {}, info() {}, warn() {}, error() {} };

/** The production delivery worker, wired as server.ts wires it, for benchmarks. */
export function createBenchWorker(
  stores: Stores,
  now: () => Date,
  perTenant: number,
  owner: string,
  leaseMs?: number,
) {
  const contents = new DeliveryContentResolver({ stores, now, newId: () => 'bench' });
  return new DeliveryWorker({
    deliveries: stores.deliveries,
    sender: new TeamsProactiveSender(async () => undefined, true),
    limiter: new SendRateLimiter(TEAMS_CONVERSATION_LIMITS, teamsTenantLimits(perTenant)),
    content: (job) => contents.contentFor(job),
    onConversationCreated: (job, ref) =>
      rememberConversation(stores, job.tenantId, job.userId as string, ref, now().toISOString()),
    onRecipientGone: (job) =>
      deactivateTeamMember(
        stores,
        job.tenantId,
        job.teamId,
        job.userId as string,
        now().toISOString(),
      ),
    now,
    logger: silent,
    owner,
    ...(leaseMs ? { leaseMs } : {}),
  });
}
