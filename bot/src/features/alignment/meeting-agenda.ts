import {
  cycleScope,
  isAway,
  ok,
  type AgendaKpiAlert,
  type AgendaNote,
  type MeetingAgendaResponse,
  type OpenItemView,
  type Result,
} from '@bearing/core';
import { kpiView } from '../kpis';
import { liveKeyResultViews } from '../key-results';
import {
  type OrganizationStore,
  type TeamStore,
  canManage,
  cycleRef,
  teamNotFound,
  type Caller,
} from '../common';
import { itemLookup, teamOpenItems, type OpenItemStore } from '../open-items';
import { openNotes } from './agenda-notes';
import { teamWeekFor } from './team-week';
import { atRiskOf, completionOf } from './team-dashboard';

type NoteField = 'whatChanged';

const WEEK_MS = 7 * 24 * 60 * 60_000;

/**
 * This week's meeting agenda (ISO week in the team's time zone): open blockers and decisions first,
 * whichever week raised them (they stay until a manager resolves them), with who has not checked
 * in yet; what changed from the week's check-ins (last week's while nobody has checked in this
 * week); key results at risk; KPIs with an open breach or out of range now. One point read for the
 * role, one for the team, two single-partition queries (the team's week, its open items).
 */
export async function getMeetingAgenda(
  stores: {
    readonly teams: TeamStore;
    readonly organizations: OrganizationStore;
    readonly openItems: OpenItemStore;
  },
  caller: Caller,
  teamId: string,
  now: Date,
  cycleId?: string,
): Promise<Result<MeetingAgendaResponse>> {
  const start = await teamWeekFor(stores, caller, teamId, now, cycleId);
  if (!start.ok) return start;
  const { role, cycle, team, timeZone, week } = start.value;
  const lastWeek = start.value.weekAt(new Date(now.getTime() - WEEK_MS));
  const snapshot = await stores.teams.loadTeamSnapshot(caller.tenantId, teamId, cycleScope(cycle), [
    week,
    lastWeek,
  ]);
  if (!snapshot) return teamNotFound;
  const openItems = await teamOpenItems(
    stores.openItems,
    caller.tenantId,
    teamId,
    itemLookup(
      snapshot.members,
      snapshot.keyResults.map((k) => k.value),
      week,
    ),
  );
  const asNote = (item: OpenItemView): AgendaNote => ({
    author: item.author,
    text: item.text,
    keyResults: item.keyResults,
    submittedAt: item.createdAt,
    since: item.createdWeek,
  });
  const checkedIn = new Set(
    snapshot.checkIns.filter((c) => c.value.week === week).map((c) => c.value.userId),
  );
  const notCheckedIn = snapshot.members
    .filter((m) => m.active && !checkedIn.has(m.userId) && !isAway(m, now.toISOString()))
    .map((m) => ({ userId: m.userId, displayName: m.displayName }))
    .sort((a, b) => a.displayName.localeCompare(b.displayName));
  const names = new Map(snapshot.members.map((m) => [m.userId, m.displayName]));
  const titles = new Map(snapshot.keyResults.map((k) => [k.value.id, k.value.title]));
  // A meeting before anyone has checked in this week reviews last week's check-ins (and says so).
  const notesWeek = snapshot.checkIns.some((c) => c.value.week === week) ? week : lastWeek;
  const sorted = snapshot.checkIns
    .map((c) => c.value)
    .sort((a, b) => a.submittedAt.localeCompare(b.submittedAt));
  const checkIns = sorted.filter((c) => c.week === notesWeek);
  const notes = (field: NoteField, from = checkIns): AgendaNote[] =>
    openNotes(from, field).map(({ c, since }) => ({
      author: { userId: c.userId, displayName: names.get(c.userId) ?? c.userId },
      text: c[field] as string,
      keyResults: c.updates
        .filter((u) => titles.has(u.keyResultId))
        .map((u) => ({ id: u.keyResultId, title: titles.get(u.keyResultId) as string })),
      submittedAt: c.submittedAt,
      since,
    }));
  const kpiAlerts: AgendaKpiAlert[] = snapshot.kpis
    .filter((k) => k.value.status === 'active')
    .map((k) => ({ kpi: kpiView(k.value, k.etag, now), episode: k.value.episode }))
    .filter(({ kpi, episode }) => episode?.state === 'open' || kpi.status === 'breach')
    .map(({ kpi, episode }) => ({
      kpi,
      ...(episode?.state === 'open'
        ? {
            episode: {
              id: episode.id,
              state: episode.state,
              openedAt: episode.openedAt,
              openedValue: episode.openedValue,
              ...(episode.acknowledgedBy
                ? {
                    acknowledgedBy: {
                      userId: episode.acknowledgedBy.userId,
                      displayName: episode.acknowledgedBy.name,
                    },
                  }
                : {}),
              ...(episode.acknowledgedAt ? { acknowledgedAt: episode.acknowledgedAt } : {}),
              ...(episode.snoozedUntil ? { snoozedUntil: episode.snoozedUntil } : {}),
            },
          }
        : {}),
    }));
  return ok({
    team: { id: team.value.id, name: team.value.name },
    cycle: cycleRef(cycle),
    week,
    notesWeek,
    timeZone,
    changes: notes('whatChanged'),
    blockers: openItems.filter((i) => i.kind === 'blocker').map(asNote),
    decisions: openItems.filter((i) => i.kind === 'decision').map(asNote),
    atRisk: atRiskOf(liveKeyResultViews(snapshot)),
    kpiAlerts,
    checkInCompletion: completionOf(snapshot, snapshot.checkIns, week),
    openItems,
    notCheckedIn,
    canManage: canManage(role),
  });
}
