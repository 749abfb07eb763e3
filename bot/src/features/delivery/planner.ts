import {
  checkInInstantForWeek,
  cycleFor,
  isoWeek,
  reminderInstant,
  resolveMemberTimeZone,
  type TenantId,
} from '@bearing/core';
import { missedWeeksSetting } from './missed-check-ins';
import {
  deliveryJobId,
  type DeliveryJob,
  type DeliveryJobStore,
  type DeliveryKind,
  StoreConflictError,
  type OrganizationStore,
  type TeamStore,
  type UserStore,
} from '../common';

/** The stores planning reads and writes. */
export interface PlannerStores {
  readonly organizations: OrganizationStore;
  readonly teams: TeamStore;
  readonly users: UserStore;
  readonly deliveries: DeliveryJobStore;
}

/**
 * How late a week's card may still go out on its own. A team installed (or a member added) on a
 * Thursday does not get "Monday's" card out of the blue; a server that was down for an hour still
 * sends it. A manager can always start the week's check-in at once ("send check-ins").
 */
export const CATCH_UP_MS = 12 * 60 * 60_000;

/** What starting the check-in now did. */
export interface SendNowResult {
  /** Cards that will go out within seconds (new or pulled forward). */
  readonly queued: number;
  /** Members whose card for this week was already sent (or who already checked in). */
  readonly alreadyDone: number;
  /** Active members Bearing cannot reach yet (never talked to the bot, not in a roster). */
  readonly unreachable: number;
}

interface Plan {
  readonly jobs: DeliveryJob[];
  readonly unreachable: number;
}

async function planJobs(
  stores: PlannerStores,
  tenantId: TenantId,
  teamId: string,
  now: Date,
  sendNow: boolean,
): Promise<Plan | undefined> {
  const team = await stores.teams.getTeam(tenantId, teamId);
  if (!team) return undefined;
  const org = await stores.organizations.getOrganization(tenantId);
  const settings = team.value.settings;
  const orgZone = org?.value.defaultTimeZone;
  const teamZone = resolveMemberTimeZone(settings.timeZone, orgZone);
  const cycle = cycleFor(now.toISOString().slice(0, 10), org?.value.fiscalStartMonth ?? 1);
  const nowMs = now.getTime();
  const nowIso = now.toISOString();
  const base = { tenantId, teamId, cycleId: cycle.id, status: 'pending' as const, attempts: 0 };
  const job = (
    kind: DeliveryKind,
    recipient: string,
    week: string,
    dueAt: string,
    userId?: string,
  ): DeliveryJob => ({
    ...base,
    id: deliveryJobId(cycle.id, week, recipient, kind),
    kind,
    week,
    dueAt,
    notBefore: dueAt,
    ...(userId ? { userId } : {}),
  });
  const tooLate = (dueAt: string) => !sendNow && Date.parse(dueAt) + CATCH_UP_MS < nowMs;

  const jobs: DeliveryJob[] = [];
  const managers: string[] = [];
  let unreachable = 0;
  for (const member of await stores.teams.listMembers(tenantId, teamId)) {
    if (!member.active) continue;
    const user = await stores.users.getUser(tenantId, member.userId);
    // Reachable through their 1:1 chat, or by opening one from this team's roster.
    const reachable =
      user?.value.conversationReference || (user?.value.teamsUserId && team.value.channelReference);
    if (!user || !reachable) {
      unreachable += 1;
      continue;
    }
    if (member.role !== 'member') managers.push(member.userId);
    const zone = resolveMemberTimeZone(
      member.timeZone ?? user.value.timeZone,
      settings.timeZone,
      orgZone,
    );
    const week = isoWeek(nowIso, zone);
    const scheduled = checkInInstantForWeek(week, {
      day: settings.checkInDay,
      time: settings.checkInTime,
      timeZone: zone,
    });
    if (tooLate(scheduled)) continue;
    const dueAt = sendNow && scheduled > nowIso ? nowIso : scheduled;
    // The reminder comes a full offset after the card actually goes out, never with it.
    const sentAt = dueAt > nowIso ? dueAt : nowIso;
    const reminderAt = [
      reminderInstant(scheduled, settings.reminderOffsetMinutes),
      reminderInstant(sentAt, settings.reminderOffsetMinutes),
    ].sort()[1] as string;
    jobs.push(job('checkIn', member.userId, week, dueAt, member.userId));
    jobs.push(job('reminder', member.userId, week, reminderAt, member.userId));
  }
  if (team.value.channelReference && !sendNow) {
    const week = isoWeek(nowIso, teamZone);
    const dueAt = checkInInstantForWeek(week, {
      day: settings.digestDay,
      time: settings.digestTime,
      timeZone: teamZone,
    });
    if (!tooLate(dueAt)) jobs.push(job('digest', 'team', week, dueAt));
  }
  if (!sendNow && missedWeeksSetting(team.value) > 0) {
    // One card per manager and week, at the team's check-in time (last week is complete by then);
    // whether anyone has missed is decided when it is due, from the check-ins as they are then.
    const week = isoWeek(nowIso, teamZone);
    const dueAt = checkInInstantForWeek(week, {
      day: settings.checkInDay,
      time: settings.checkInTime,
      timeZone: teamZone,
    });
    if (!tooLate(dueAt))
      for (const userId of managers) jobs.push(job('missedCheckIns', userId, week, dueAt, userId));
  }
  return { jobs, unreachable };
}

/**
 * Plans one team's deliveries for the week containing `now`: a check-in card and one reminder per
 * active member we can reach, each at the team's day and time in the member's own time zone, and the
 * digest to the team channel. Job ids are deterministic, so planning again creates nothing new.
 * Weeks whose time passed more than {@link CATCH_UP_MS} ago are left alone. Returns how many jobs
 * were created.
 */
export async function planTeamWeek(
  stores: PlannerStores,
  tenantId: TenantId,
  teamId: string,
  now: Date,
): Promise<number> {
  const plan = await planJobs(stores, tenantId, teamId, now, false);
  let created = 0;
  for (const j of plan?.jobs ?? []) if (await stores.deliveries.createJob(j)) created += 1;
  return created;
}

/**
 * Starts this week's check-in for the whole team now (a manager's "send check-ins"): members whose
 * card has not gone out get it within seconds, through the same jobs the weekly schedule uses, so
 * the scheduled send later finds the job done and nobody gets the card twice.
 */
export async function sendCheckInsNow(
  stores: PlannerStores,
  tenantId: TenantId,
  teamId: string,
  now: Date,
): Promise<SendNowResult | undefined> {
  const plan = await planJobs(stores, tenantId, teamId, now, true);
  if (!plan) return undefined;
  const nowIso = now.toISOString();
  let queued = 0;
  let alreadyDone = 0;
  for (const j of plan.jobs) {
    if (j.kind !== 'checkIn') {
      await stores.deliveries.createJob(j);
      continue;
    }
    if (await stores.deliveries.createJob(j)) {
      queued += 1;
      continue;
    }
    queued += (await pullForward(stores.deliveries, j, nowIso)) ? 1 : 0;
    alreadyDone +=
      (await stores.deliveries.getJob(tenantId, teamId, j.id))?.value.status === 'pending' ? 0 : 1;
  }
  return { queued, alreadyDone, unreachable: plan.unreachable };
}

/** Moves a pending, unleased job to now; false if it is sent, leased, or already due. */
async function pullForward(
  deliveries: DeliveryJobStore,
  planned: DeliveryJob,
  nowIso: string,
): Promise<boolean> {
  for (let attempt = 0; attempt < 3; attempt += 1) {
    const current = await deliveries.getJob(planned.tenantId, planned.teamId, planned.id);
    if (!current || current.value.status !== 'pending') return false;
    if (current.value.attempts > 0) return true; // retrying on its own schedule (Retry-After)
    if (current.value.leaseUntil && current.value.leaseUntil > nowIso) return true; // sending now
    if (current.value.notBefore <= nowIso) return true; // already due
    try {
      await deliveries.saveJob(
        { ...current.value, dueAt: nowIso, notBefore: nowIso },
        current.etag,
      );
      return true;
    } catch (error) {
      if (!(error instanceof StoreConflictError)) throw error;
    }
  }
  return false;
}

/**
 * Brings this week's planned deliveries in line with the team's settings after an owner changed
 * them (day, time, time zone, reminder offset, digest): jobs that are still waiting for their time
 * move to the new one; missing ones are created. What already went out, is being sent or retried,
 * or is due now stays as it is, and so does a member's reminder once their card has gone out (it
 * counts from when the card was sent). A new time that passed more than {@link CATCH_UP_MS} ago
 * does not cancel a card still waiting for the old one. Returns how many jobs moved or were added.
 */
export async function replanTeamWeek(
  stores: PlannerStores,
  tenantId: TenantId,
  teamId: string,
  now: Date,
): Promise<number> {
  const plan = await planJobs(stores, tenantId, teamId, now, false);
  if (!plan) return 0;
  const nowIso = now.toISOString();
  const cardSent = new Set<string>();
  let changed = 0;
  // Cards first, so a reminder knows whether its card is still waiting.
  const ordered = [...plan.jobs].sort(
    (a, b) => Number(a.kind === 'reminder') - Number(b.kind === 'reminder'),
  );
  for (const planned of ordered) {
    if (planned.kind === 'reminder' && planned.userId && cardSent.has(planned.userId)) continue;
    const moved = await moveIfWaiting(stores.deliveries, planned, nowIso);
    if (moved === 'created' || moved === 'moved') changed += 1;
    if (planned.kind === 'checkIn' && moved === 'fixed' && planned.userId) {
      cardSent.add(planned.userId);
    }
  }
  return changed;
}

/** Creates the job, or moves a waiting one to the planned time; `fixed` when it may not move. */
async function moveIfWaiting(
  deliveries: DeliveryJobStore,
  planned: DeliveryJob,
  nowIso: string,
): Promise<'created' | 'moved' | 'unchanged' | 'fixed'> {
  if (await deliveries.createJob(planned)) return 'created';
  for (let attempt = 0; attempt < 3; attempt += 1) {
    const current = await deliveries.getJob(planned.tenantId, planned.teamId, planned.id);
    if (!current) return 'fixed';
    const job = current.value;
    const waiting =
      job.status === 'pending' &&
      job.attempts === 0 &&
      !(job.leaseUntil && job.leaseUntil > nowIso) &&
      job.notBefore > nowIso;
    if (!waiting) return 'fixed';
    if (job.dueAt === planned.dueAt) return 'unchanged';
    try {
      await deliveries.saveJob(
        { ...job, dueAt: planned.dueAt, notBefore: planned.dueAt },
        current.etag,
      );
      return 'moved';
    } catch (error) {
      if (!(error instanceof StoreConflictError)) throw error;
    }
  }
  return 'fixed';
}
