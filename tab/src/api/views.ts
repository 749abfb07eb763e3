import type {
  CloseCycleTeamRequest,
  CreateKeyResultRequest,
  CreateObjectiveRequest,
  AwayResponse,
  CycleCloseResponse,
  DecisionLogResponse,
  KeyResultSavedResponse,
  MeetingAgendaResponse,
  MyCheckInRequest,
  MyCheckInResponse,
  MyOkrsResponse,
  ObjectiveSavedResponse,
  OpenItemView,
  OkrImportResponse,
  PatchTeamSettingsRequest,
  SetMemberRoleRequest,
  TeamDashboardResponse,
  TeamMemberView,
  TeamMembersResponse,
  TeamSettingsResponse,
  UpdateObjectiveRequest,
  VivaImportReport,
  VivaImportRequest,
} from '@bearing/core';

// The contracts are core's (core/src/api/tab-views.ts); these names are what the views use.
export type MeetingAgenda = MeetingAgendaResponse;
export type TeamDashboard = TeamDashboardResponse;
export type MyOkrs = MyOkrsResponse;
export type TeamSettingsView = TeamSettingsResponse;

/** The server calls behind the views beyond the alignment tree. */
export interface TabViewsApi {
  getMeetingAgenda(teamId: string, signal?: AbortSignal): Promise<MeetingAgendaResponse>;
  getDashboard(
    teamId: string,
    cycleId: string | undefined,
    signal?: AbortSignal,
  ): Promise<TeamDashboardResponse>;
  getMyOkrs(signal?: AbortSignal): Promise<MyOkrsResponse>;
  submitMyCheckIn(body: MyCheckInRequest): Promise<MyCheckInResponse>;
  createObjective(teamId: string, body: CreateObjectiveRequest): Promise<ObjectiveSavedResponse>;
  updateObjective(
    teamId: string,
    objectiveId: string,
    body: UpdateObjectiveRequest,
  ): Promise<ObjectiveSavedResponse>;
  createKeyResult(
    teamId: string,
    objectiveId: string,
    body: CreateKeyResultRequest,
  ): Promise<KeyResultSavedResponse>;
  archiveKeyResult(
    teamId: string,
    keyResultId: string,
    etag: string,
  ): Promise<KeyResultSavedResponse>;
  getTeamSettings(teamId: string, signal?: AbortSignal): Promise<TeamSettingsResponse>;
  updateTeamSettings(teamId: string, body: PatchTeamSettingsRequest): Promise<TeamSettingsResponse>;
  getCycleClose(
    teamId: string,
    cycleId: string | undefined,
    signal?: AbortSignal,
  ): Promise<CycleCloseResponse>;
  closeCycle(
    teamId: string,
    cycleId: string,
    body: CloseCycleTeamRequest,
  ): Promise<CycleCloseResponse>;
  importOkrs(
    teamId: string,
    body: { cycleId: string; csv: string; confirm: boolean },
  ): Promise<OkrImportResponse>;
  exportOkrs(teamId: string, format: 'csv' | 'json', cycleId?: string): Promise<Blob>;
  getTeamMembers(teamId: string, signal?: AbortSignal): Promise<TeamMembersResponse>;
  setMemberRole(
    teamId: string,
    userId: string,
    body: SetMemberRoleRequest,
  ): Promise<TeamMemberView>;
  /** A manager closes a blocker (optional note) or records the decision asked for. */
  resolveOpenItem(teamId: string, itemId: string, note?: string): Promise<OpenItemView>;
  recordDecision(teamId: string, itemId: string, decision: string): Promise<OpenItemView>;
  getDecisionLog(
    teamId: string,
    filter: DecisionLogFilter,
    signal?: AbortSignal,
  ): Promise<DecisionLogResponse>;
  exportDecisionLog(
    teamId: string,
    format: 'csv' | 'json',
    filter: DecisionLogFilter,
  ): Promise<Blob>;
  /** Marks a member away until a date (inclusive), or back with `null`. */
  setAway(teamId: string, userId: string, until: string | null): Promise<AwayResponse>;
  /** Admins: what importing these Viva Goals files would do (writes nothing). */
  previewVivaImport(body: VivaImportRequest): Promise<VivaImportReport>;
  /** Admins: imports them, calling `onProgress` with the documents done after each batch. */
  applyVivaImport(
    body: VivaImportRequest,
    onProgress: (done: number, total: number) => void,
  ): Promise<VivaImportReport>;
  /** An import report as a CSV file. */
  vivaImportReportCsv(report: VivaImportReport): Promise<Blob>;
}

/** Filters of the decision log (all optional). */
export interface DecisionLogFilter {
  readonly cycleId?: string;
  readonly objectiveId?: string;
  readonly userId?: string;
}
