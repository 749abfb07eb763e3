import {
  ok,
  DEFAULT_KPI_ESCALATION_MINUTES,
  DEFAULT_MISSED_CHECK_IN_WEEKS,
  type PatchTeamSettingsRequest,
  type Result,
  type Team,
  type TeamSettings,
  type TeamSettingsResponse,
} from '@bearing/core';
import {
  StoreConflictError,
  type TeamStore,
  type Versioned,
  canManage,
  conflict,
  roleIn,
  teamNotFound,
  type Caller,
} from '../common';

function view(team: Versioned<Team>, canEdit: boolean): TeamSettingsResponse {
  const s = team.value.settings;
  return {
    teamId: team.value.id,
    checkInDay: s.checkInDay,
    checkInTime: s.checkInTime,
    timeZone: s.timeZone,
    reminderOffsetMinutes: s.reminderOffsetMinutes,
    digestDay: s.digestDay,
    digestTime: s.digestTime,
    kpiEscalationMinutes: s.kpiEscalationMinutes ?? DEFAULT_KPI_ESCALATION_MINUTES,
    missedCheckInWeeks: s.missedCheckInWeeks ?? DEFAULT_MISSED_CHECK_IN_WEEKS,
    etag: team.etag,
    canEdit,
  };
}

/** A team's check-in settings; every active member may read them. Two point reads. */
export async function getTeamSettings(
  teams: TeamStore,
  caller: Caller,
  teamId: string,
): Promise<Result<TeamSettingsResponse>> {
  const role = await roleIn(teams, caller, teamId, false);
  if (!role.ok) return role;
  const team = await teams.getTeam(caller.tenantId, teamId);
  return team ? ok(view(team, canManage(role.value))) : teamNotFound;
}

/**
 * Changes the sent settings (owners and managers), conditioned on the team's ETag. They live on the
 * team document, which the planner reads each time it plans a week, so the next plan uses them.
 */
export async function patchTeamSettings(
  teams: TeamStore,
  caller: Caller,
  teamId: string,
  change: PatchTeamSettingsRequest,
  now: Date,
): Promise<Result<TeamSettingsResponse>> {
  const role = await roleIn(teams, caller, teamId, true);
  if (!role.ok) return role;
  const team = await teams.getTeam(caller.tenantId, teamId);
  if (!team) return teamNotFound;
  if (team.etag !== change.etag) return conflict("this team's settings");
  const { etag, ...fields } = change;
  const next: Team = {
    ...team.value,
    // The schema bounds weekdays to 1–7, which is what `Weekday` means.
    settings: { ...team.value.settings, ...fields } as TeamSettings,
    updatedAt: now.toISOString(),
  };
  try {
    return ok(view(await teams.saveTeam(next, etag), true));
  } catch (error) {
    if (error instanceof StoreConflictError) return conflict("this team's settings");
    throw error;
  }
}
