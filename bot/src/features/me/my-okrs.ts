import {
  cycleScope,
  inCycleScope,
  yearOf,
  addWeeks,
  historyOf,
  ok,
  type CheckIn,
  type MyCheckIn,
  type MyCheckInRequest,
  type MyCheckInResponse,
  type MyOkrsResponse,
  type MyTeamOkrs,
  type Result,
} from '@bearing/core';
import { keyResultView, liveKeyResultViews } from '../key-results';
import {
  resolveMemberContext,
  type CheckInStore,
  type OkrStore,
  type OrganizationStore,
  type TeamStore,
  type UserStore,
  cycleOf,
  cycleRef,
  invalid,
  teamNotFound,
  weekIn,
  type Caller,
} from '../common';
import { submitCheckIn } from '../check-in';
import { itemLookup, memberOpenItems, type OpenItemStore } from '../open-items';

export interface MyOkrStores {
  readonly users: UserStore;
  readonly teams: TeamStore;
  readonly organizations: OrganizationStore;
  readonly okrs: OkrStore;
  readonly checkIns: CheckInStore;
  readonly openItems: OpenItemStore;
}

/** At most this many teams are read for "my OKRs" (each costs one query and one page). */
const MAX_TEAMS = 20;

export const myCheckInOf = (c: CheckIn): MyCheckIn => ({
  teamId: c.teamId,
  cycleId: c.cycleId,
  week: c.week,
  submittedAt: c.submittedAt,
  nothingChanged: c.nothingChanged,
  updates: c.updates.map((u) => ({ ...u })),
  ...(c.whatChanged ? { whatChanged: c.whatChanged } : {}),
  ...(c.blockers ? { blockers: c.blockers } : {}),
  ...(c.decisionNeeded ? { decisionNeeded: c.decisionNeeded } : {}),
});

/**
 * The caller's key results across their teams in the current quarter (and that year's annual ones), with their check-in history and
 * this week's check-in (the form pre-fills from it). Per team: one single-partition query for the
 * team's cycle and one page of the caller's check-ins (also in the team partition).
 */
export async function getMyOkrs(
  stores: MyOkrStores,
  caller: Caller,
  now: Date,
): Promise<Result<MyOkrsResponse>> {
  const user = await stores.users.getUser(caller.tenantId, caller.userId);
  const { cycle, orgTimeZone } = await cycleOf(stores.organizations, caller.tenantId, now);
  const teams: MyTeamOkrs[] = [];
  for (const teamId of (user?.value.teamIds ?? []).slice(0, MAX_TEAMS)) {
    const [snapshot, page] = await Promise.all([
      stores.teams.loadTeamSnapshot(caller.tenantId, teamId, cycleScope(cycle), []),
      stores.checkIns.listCheckInsForUser(caller.tenantId, teamId, caller.userId),
    ]);
    const member = snapshot?.members.find((m) => m.userId === caller.userId);
    if (!snapshot || !member?.active) continue;
    const team = snapshot.team.value;
    const week = weekIn(
      now,
      member.timeZone ?? user?.value.timeZone,
      team.settings.timeZone,
      orgTimeZone,
    );
    const own = page.items.filter((c) => c.userId === caller.userId);
    const mine = own.filter((c) => c.cycleId === cycle.id);
    // An annual key result's history runs over its whole year (quarterly ones have points only in
    // their own quarter anyway).
    const history = historyOf(
      snapshot.keyResults.map((k) => k.value),
      own.filter((c) => inCycleScope(yearOf(cycle), c.cycleId)),
    );
    const milestones = new Map(snapshot.keyResults.map((k) => [k.value.id, k.value.milestones]));
    const thisWeek = mine.find((c) => c.week === week);
    // What the caller raised, and what managers resolved or decided about it.
    const openItems = await memberOpenItems(
      stores.openItems,
      caller.tenantId,
      teamId,
      caller.userId,
      itemLookup(
        snapshot.members,
        snapshot.keyResults.map((k) => k.value),
        week,
      ),
      now,
    );
    teams.push({
      team: { id: team.id, name: team.name, role: member.role },
      cycle: cycleRef(cycle),
      week,
      ...(thisWeek ? { thisWeek: myCheckInOf(thisWeek) } : {}),
      keyResults: liveKeyResultViews(snapshot)
        .filter((k) => k.ownerId === caller.userId)
        .map((k) => {
          const steps = milestones.get(k.id);
          return {
            ...k,
            ...(steps ? { milestones: [...steps] } : {}),
            points: history.get(k.id) ?? [],
          };
        }),
      checkIns: mine.map(myCheckInOf),
      ...(member.awayUntil ? { awayUntil: member.awayUntil } : {}),
      openItems,
    });
  }
  return ok({ userId: caller.userId, teams });
}

/** A check-in from the tab: the very use case the check-in card calls. */
export async function submitMyCheckIn(
  stores: MyOkrStores,
  caller: Caller,
  body: MyCheckInRequest,
  now: Date,
): Promise<Result<MyCheckInResponse>> {
  const context = await resolveMemberContext(
    stores,
    caller.tenantId,
    caller.userId,
    now,
    body.teamId,
  );
  if (!context) return teamNotFound;
  // The tab may fill in this week or correct last week; older weeks are history.
  if (body.week !== context.week && body.week !== addWeeks(context.week, -1))
    return invalid(`Check in for this week (${context.week}) or last week.`, 'week');
  const submitted = await submitCheckIn(stores, context, body, now.toISOString());
  if (!submitted.ok) return submitted;
  const krs = await stores.okrs.listKeyResultsOwnedBy(
    caller.tenantId,
    body.teamId,
    cycleScope(context.cycle),
    caller.userId,
  );
  return ok({
    checkIn: myCheckInOf(submitted.value.checkIn),
    replayed: submitted.value.replayed,
    keyResults: krs.map((k) => keyResultView(k.value, k.etag, context.member.displayName)),
  });
}
