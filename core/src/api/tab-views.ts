import { z } from 'zod';
import { confidence, cycleId, etag, id, instant, isoWeekLabel, teamRole } from './primitives';
import { cycleRef, keyResultView, kpiView, objectiveView } from './responses';
import { submitCheckInRequest, weeklyRhythmFields } from './team-requests';
import { openItemView } from '../checkin/open-item-contracts';

// Contracts of the team tab's views beyond the alignment tree (dashboard, meeting agenda, my OKRs,
// settings; cycle close, export and import are in team-data.ts). Requests that already existed are
// reused.

export const teamRef = z.object({ id, name: z.string() });
const personRef = z.object({ userId: z.string(), displayName: z.string() });
const keyResultRef = z.object({ id, title: z.string() });

/** A key result with the title of its objective (lists outside the tree need it). */
export const keyResultWithObjective = keyResultView.extend({ objectiveTitle: z.string() });

// ---------------------------------------------------------------- objectives and key results

/** Response of `POST/PATCH /teams/:teamId/objectives[/:id]`: the saved objective with lint hints. */
export const objectiveSavedResponse = objectiveView;

/** Response of `POST /teams/:teamId/objectives/:id/key-results` and key result archive. */
export const keyResultSavedResponse = keyResultView.extend({
  warnings: objectiveView.shape.warnings,
});

/** `POST /teams/:teamId/key-results/:keyResultId/archive` (If-Match or body etag). */
export const archiveKeyResultRequest = z.strictObject({ etag });

// ---------------------------------------------------------------- dashboard

/** One check-in's value of a key result (progress 0..1 at that value). */
export const keyResultHistoryPoint = z.object({
  week: isoWeekLabel,
  value: z.number(),
  progress: z.number().min(0).max(1),
  confidence,
});

/** A key result on the dashboard with its progress history (oldest week first). */
export const dashboardKeyResult = keyResultWithObjective.extend({
  points: z.array(keyResultHistoryPoint),
});

/** Check-in completion of one ISO week: `done` of `expected` members checked in. */
export const weekCompletion = z.object({
  week: isoWeekLabel,
  expected: z.number().int().min(0),
  done: z.number().int().min(0),
});

/** A KPI gauge: the range to draw, recent readings for the trend line (oldest first), status. */
export const kpiGauge = z.object({
  kpi: kpiView,
  range: z.object({ min: z.number().optional(), max: z.number().optional() }),
  warningMargin: z.number(),
  readings: z.array(z.object({ value: z.number(), at: instant })),
  status: kpiView.shape.status,
});

/** `GET /teams/:teamId/dashboard?cycleId=` */
export const teamDashboardResponse = z.object({
  team: teamRef,
  cycle: cycleRef,
  /** This ISO week in the team's time zone. */
  week: isoWeekLabel,
  progress: z.number().min(0).max(1),
  keyResults: z.array(dashboardKeyResult),
  /** Each week of the cycle so far, oldest first. */
  checkInCompletion: z.array(weekCompletion),
  kpis: z.array(kpiGauge),
  /** Active key results whose confidence is atRisk or offTrack (offTrack first). */
  atRisk: z.array(keyResultWithObjective),
});

/** Query of `GET /teams/:teamId/dashboard` and `…/meeting-agenda`. */
export const teamViewQuery = z.strictObject({ cycleId: cycleId.optional() });

// ---------------------------------------------------------------- meeting agenda

/** A line someone wrote in a check-in, with the key results that check-in updated. */
export const agendaNote = z.object({
  author: personRef,
  text: z.string(),
  keyResults: z.array(keyResultRef),
  submittedAt: instant,
  /** The week it was first written: the agenda's `week` means new this week, earlier means open. */
  since: isoWeekLabel,
});

/** An open KPI breach episode (or one with a current breach/warning) for the meeting. */
export const agendaKpiAlert = z.object({
  kpi: kpiView,
  episode: z
    .object({
      id: z.string(),
      state: z.enum(['open', 'closed']),
      openedAt: instant,
      openedValue: z.number(),
      acknowledgedBy: personRef.optional(),
      acknowledgedAt: instant.optional(),
      snoozedUntil: instant.optional(),
    })
    .optional(),
});

/** `GET /teams/:teamId/meeting-agenda` — this ISO week in the team's time zone. */
export const meetingAgendaResponse = z.object({
  team: teamRef,
  cycle: cycleRef,
  week: isoWeekLabel,
  /** The week the notes come from: `week`, or the one before while nobody has checked in yet. */
  notesWeek: isoWeekLabel,
  timeZone: z.string(),
  changes: z.array(agendaNote),
  blockers: z.array(agendaNote),
  decisions: z.array(agendaNote),
  atRisk: z.array(keyResultWithObjective),
  kpiAlerts: z.array(agendaKpiAlert),
  checkInCompletion: weekCompletion,
  /** Blockers and decisions still open (oldest first), whichever week raised them. */
  openItems: z.array(openItemView),
  /** Active members, not away, who have not checked in this week. */
  notCheckedIn: z.array(personRef),
  /** The caller may resolve items and record decisions. */
  canManage: z.boolean(),
});

// ---------------------------------------------------------------- my OKRs

/** A check-in of the caller as the personal tab lists it. */
export const myCheckIn = z.object({
  teamId: id,
  cycleId,
  week: isoWeekLabel,
  submittedAt: instant,
  nothingChanged: z.boolean(),
  updates: z.array(
    z.object({ keyResultId: id, previousValue: z.number(), value: z.number(), confidence }),
  ),
  whatChanged: z.string().optional(),
  blockers: z.string().optional(),
  decisionNeeded: z.string().optional(),
});

/** One of the caller's key results, with what the check-in form needs (milestones) and history. */
export const myKeyResult = keyResultWithObjective.extend({
  milestones: z.array(z.string()).optional(),
  points: z.array(keyResultHistoryPoint),
});

/** The caller's OKRs in one team and the check-in form's context for this week. */
export const myTeamOkrs = z.object({
  team: teamRef.extend({ role: teamRole }),
  cycle: cycleRef,
  /** This ISO week in the caller's (else the team's) time zone: the week a check-in is for. */
  week: isoWeekLabel,
  /** This week's check-in, if the caller sent one (the form pre-fills from it). */
  thisWeek: myCheckIn.optional(),
  keyResults: z.array(myKeyResult),
  /** The caller's check-ins in this team and cycle, newest first. */
  checkIns: z.array(myCheckIn),
  /** Away (on leave) until this date, inclusive: no check-in card, reminder or nudge meanwhile. */
  awayUntil: z.string().optional(),
  /** The caller's blockers and decisions: open ones, and those closed in the last four weeks. */
  openItems: z.array(openItemView),
});

/** `GET /me/okrs` */
export const myOkrsResponse = z.object({
  userId: z.string(),
  teams: z.array(myTeamOkrs),
});

/** `POST /me/check-ins` — the check-in card's use case, from the tab. */
export const myCheckInRequest = submitCheckInRequest.extend({ teamId: id });

/** Response of `POST /me/check-ins`. */
export const myCheckInResponse = z.object({
  checkIn: myCheckIn,
  /** True when this submission id was already stored (retry): nothing new was written. */
  replayed: z.boolean(),
  keyResults: z.array(keyResultView),
});

// ---------------------------------------------------------------- team settings

const settingsFields = {
  ...weeklyRhythmFields,
  kpiEscalationMinutes: z
    .number()
    .int()
    .min(15)
    .max(14 * 24 * 60),
  /** Consecutive missed check-in weeks before managers are told (0: never). */
  missedCheckInWeeks: z.number().int().min(0).max(8),
};

/** `GET /teams/:teamId/settings` */
export const teamSettingsResponse = z.object({
  teamId: id,
  ...settingsFields,
  etag: z.string(),
  /** False for members: the form is read-only. */
  canEdit: z.boolean(),
});

/** `PATCH /teams/:teamId/settings` (If-Match header or body `etag`); only the fields sent change. */
export const patchTeamSettingsRequest = z
  .strictObject({ etag, ...z.strictObject(settingsFields).partial().shape })
  .refine((b) => Object.keys(b).length > 1, 'Change at least one setting.');

export type KeyResultWithObjective = z.infer<typeof keyResultWithObjective>;
export type ObjectiveSavedResponse = z.infer<typeof objectiveSavedResponse>;
export type KeyResultSavedResponse = z.infer<typeof keyResultSavedResponse>;
export type ArchiveKeyResultRequest = z.infer<typeof archiveKeyResultRequest>;
export type KeyResultHistoryPoint = z.infer<typeof keyResultHistoryPoint>;
export type DashboardKeyResult = z.infer<typeof dashboardKeyResult>;
export type WeekCompletion = z.infer<typeof weekCompletion>;
export type KpiGauge = z.infer<typeof kpiGauge>;
export type TeamDashboardResponse = z.infer<typeof teamDashboardResponse>;
export type TeamViewQuery = z.infer<typeof teamViewQuery>;
export type AgendaNote = z.infer<typeof agendaNote>;
export type AgendaKpiAlert = z.infer<typeof agendaKpiAlert>;
export type MeetingAgendaResponse = z.infer<typeof meetingAgendaResponse>;
export type MyCheckIn = z.infer<typeof myCheckIn>;
export type MyKeyResult = z.infer<typeof myKeyResult>;
export type MyTeamOkrs = z.infer<typeof myTeamOkrs>;
export type MyOkrsResponse = z.infer<typeof myOkrsResponse>;
export type MyCheckInRequest = z.infer<typeof myCheckInRequest>;
export type MyCheckInResponse = z.infer<typeof myCheckInResponse>;
export type TeamSettingsResponse = z.infer<typeof teamSettingsResponse>;
export type PatchTeamSettingsRequest = z.infer<typeof patchTeamSettingsRequest>;
