import {
  ok,
  type AgendaKpiAlert,
  type AgendaNote,
  type MeetingAgendaResponse,
  type Result,
} from '@bearing/core';
import { kpiView } from '../kpis';
import { liveKeyResultViews } from '../key-results';
import type { OrganizationStore, TeamStore } from '../shared';
import { openNotes } from './agenda-notes';
import { atRiskOf, completionOf } from './team-dashboard';
import { cycleOf, cycleRef, roleIn, teamNotFound, weekIn, type Caller } from '../shared';

type NoteField = 'whatChanged' | 'blockers' | 'decisionNeeded';

const WEEK_MS = 7 * 24 * 60 * 60_000;

/**
 * This week's meeting agenda (ISO week in the team's time zone): what changed, blockers and
 * decisions needed from the week's check-ins (last week's while nobody has checked in this week), each with its author and the key results that
 * check-in updated; key results at risk; KPIs with an open breach or out of range now.
 * One point read for the role, one for the team, one single-partition query.
 */
export async function getMeetingAgenda(
  stores: { readonly teams: TeamStore; readonly organizations: OrganizationStore },
  caller: Caller,
  teamId: string,
  now: Date,
  cycleId?: string,
): Promise<Result<MeetingAgendaResponse>> {
  const role = await roleIn(stores.teams, caller, teamId, false);
  if (!role.ok) return role;
  const { cycle, orgTimeZone } = await cycleOf(stores.organizations, caller.tenantId, now, cycleId);
  const team = await stores.teams.getTeam(caller.tenantId, teamId);
  if (!team) return teamNotFound;
  const timeZone = team.value.settings.timeZone || orgTimeZone || 'UTC';
  const week = weekIn(now, team.value.settings.timeZone, orgTimeZone);
  const lastWeek = weekIn(
    new Date(now.getTime() - WEEK_MS),
    team.value.settings.timeZone,
    orgTimeZone,
  );
  const snapshot = await stores.teams.loadTeamSnapshot(caller.tenantId, teamId, cycle.id, [
    week,
    lastWeek,
  ]);
  if (!snapshot) return teamNotFound;
  const names = new Map(snapshot.members.map((m) => [m.userId, m.displayName]));
  const titles = new Map(snapshot.keyResults.map((k) => [k.value.id, k.value.title]));
  // A meeting before anyone has checked in this week reviews last week's check-ins (and says so).
  const notesWeek = snapshot.checkIns.some((c) => c.value.week === week) ? week : lastWeek;
  const sorted = snapshot.checkIns
    .map((c) => c.value)
    .sort((a, b) => a.submittedAt.localeCompare(b.submittedAt));
  const checkIns = sorted.filter((c) => c.week === notesWeek);
  // Blockers and decisions stay open from last week (until open-item tracking resolves them).
  const open = sorted.filter((c) => c.week === week || c.week === lastWeek);
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
    blockers: notes('blockers', open),
    decisions: notes('decisionNeeded', open),
    atRisk: atRiskOf(liveKeyResultViews(snapshot)),
    kpiAlerts,
    checkInCompletion: completionOf(snapshot, snapshot.checkIns, week),
  });
}
