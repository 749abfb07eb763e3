import { z } from 'zod';
import {
  confidence,
  cycleId,
  direction,
  id,
  instant,
  keyResultType,
  kpiDirection,
  objectiveLevel,
  teamRole,
  updateFrequency,
  guid,
} from './primitives';

/** `GET /api/v1/me` */
export const meResponse = z.object({
  /** The caller's Entra object id and tenant id (from the token, or the local demo identity). */
  userId: guid,
  tenantId: guid,
  displayName: z.string(),
  timeZone: z.string().optional(),
  identitySource: z.enum(['sso', 'local']),
  /** The caller holds the Bearing admin app role (`Bearing.Admin`): admin pages are theirs. */
  isAdmin: z.boolean().optional(),
  teams: z.array(z.object({ id, name: z.string(), role: teamRole })),
});

const lintWarning = z.object({
  code: z.string(),
  severity: z.enum(['info', 'warning']),
  message: z.string(),
  objectiveId: z.string().optional(),
  keyResultId: z.string().optional(),
});

const kpiStatus = z.enum(['healthy', 'warning', 'breach', 'stale', 'noData']);

/** A KPI as the tab shows it, with its evaluated status (guardrails are green/amber/red). */
export const kpiView = z.object({
  id,
  name: z.string(),
  unit: z.string(),
  direction: kpiDirection,
  updateFrequency,
  target: z.object({ min: z.number().optional(), max: z.number().optional() }),
  ownerId: z.string(),
  status: kpiStatus,
  trend: z.enum(['improving', 'stable', 'worsening']),
  trendingToBreach: z.boolean(),
  lastReading: z.object({ value: z.number(), at: instant }).optional(),
  guardsObjectiveIds: z.array(z.string()),
  etag: z.string(),
});

/** A cycle as responses name it; `kind` tells a fiscal year (`FY2026`) from a quarter. */
export const cycleRef = z.object({
  id: cycleId,
  kind: z.enum(['quarter', 'year']),
  name: z.string(),
  start: z.string(),
  end: z.string(),
});

/** A key result as the tab shows it. */
export const keyResultView = z.object({
  id,
  objectiveId: id,
  /** The key result's own cycle (a quarterly key result may sit under an annual objective). */
  cycleId,
  title: z.string(),
  type: keyResultType,
  unit: z.string().optional(),
  baseline: z.number(),
  target: z.number(),
  current: z.number(),
  direction,
  progress: z.number().min(0).max(1),
  confidence,
  ownerId: z.string(),
  ownerName: z.string().optional(),
  lastCheckInAt: instant.optional(),
  etag: z.string(),
});

/** An objective with its key results, lint warnings and guardrails. */
export const objectiveView = z.object({
  id,
  title: z.string(),
  /** The objective's own cycle: a quarter, or the fiscal year for an annual objective. */
  cycleId,
  level: objectiveLevel,
  status: z.enum(['draft', 'active', 'closed', 'archived']),
  ownerId: z.string(),
  ownerName: z.string().optional(),
  parentIds: z.array(z.string()),
  aligned: z.boolean(),
  progress: z.number().min(0).max(1),
  confidence: confidence.optional(),
  keyResults: z.array(keyResultView),
  guardrails: z.array(z.object({ kpiId: z.string(), name: z.string(), status: kpiStatus })),
  warnings: z.array(lintWarning),
  etag: z.string(),
});

/** `GET /api/v1/teams/:teamId/alignment` — the team view. */
export const teamViewResponse = z.object({
  team: z.object({ id, name: z.string(), etag: z.string() }),
  cycle: cycleRef,
  /** What the cycle picker offers (core's `cycleChoices`), newest first, in the org's calendar. */
  cycles: z.array(cycleRef),
  progress: z.number().min(0).max(1),
  companyObjectives: z.array(z.object({ id, title: z.string(), cycleId, progress: z.number() })),
  objectives: z.array(objectiveView),
  kpis: z.array(kpiView),
  warnings: z.array(lintWarning),
  members: z.array(
    z.object({
      userId: z.string(),
      displayName: z.string(),
      role: teamRole,
      lastCheckInWeek: z.string().optional(),
    }),
  ),
  week: z.string(),
  checkInCompletion: z.number().min(0).max(1),
});

/** A page of results with an opaque continuation token. */
export const pageOf = <T extends z.ZodType>(item: T) =>
  z.object({ items: z.array(item), continuationToken: z.string().optional() });

/** `POST …/ingestion-keys` response: the secret is shown once, then only its prefix. */
export const ingestionKeyCreated = z.object({
  id,
  name: z.string(),
  prefix: z.string(),
  secret: z.string(),
  createdAt: instant,
});
/** An ingestion key in listings. */
export const ingestionKeyView = z.object({
  id,
  name: z.string(),
  prefix: z.string(),
  createdAt: instant,
  revokedAt: instant.optional(),
});

const readingValue = z.object({ value: z.number(), at: instant });

/** A reading sent under an id already stored with another value or time: the stored one is kept. */
export const readingConflict = z.object({
  kpiId: z.string(),
  id: z.string(),
  kept: readingValue,
  rejected: readingValue,
});

/**
 * `POST /api/v1/kpis/:kpiId/readings` and `…/readings:batch`: what was recorded. Readings are
 * idempotent by id and the first write wins: a reading sent again under a stored id changes
 * nothing and counts in `duplicates`; when its value or time differs from the stored one it is
 * also listed in `conflicts` (the single-reading endpoint answers 409 instead).
 */
export const recordReadingsResponse = z.object({
  accepted: z.number().int(),
  /** Readings already stored under the same id, conflicting or not: nothing changed. */
  duplicates: z.number().int(),
  /** Readings whose id was stored with another value or time: the stored one is kept. */
  conflicts: z.array(readingConflict),
  /** Alerts enqueued because a breach episode opened (or closed). */
  alertsEnqueued: z.number().int(),
});

/** Bad rows a CSV preview lists at most (the first ones, by line); the counts cover them all. */
export const CSV_ERRORS_SHOWN = 100;

/** What is wrong with a CSV row, as a stable code (the message says it in words). */
export const csvErrorCode = z.enum([
  'csv.header',
  'csv.malformed',
  'csv.tooManyRows',
  'reading.time',
  'reading.value',
  'reading.id',
  'reading.repeated',
  'objective.invalid',
  'objective.tooMany',
  'owner.notMember',
  'keyResult.invalid',
  'keyResult.tooMany',
]);

/** One bad row of a CSV upload. */
export const csvRowError = z.object({
  line: z.number().int(),
  code: csvErrorCode,
  message: z.string(),
  field: z.string().optional(),
});

/** The bad rows of a CSV upload: the first {@link CSV_ERRORS_SHOWN}, and how many of each code. */
export const csvErrorSummary = {
  errors: z.array(csvRowError).max(CSV_ERRORS_SHOWN),
  /** All bad rows, listed or not. */
  errorCount: z.number().int(),
  /** All bad rows by code. */
  errorCounts: z.partialRecord(csvErrorCode, z.number().int()),
};

/**
 * CSV upload of readings: rows that would be imported, the bad rows with their lines, and once
 * confirmed, the readings already stored under the same id with another value (the first
 * {@link CSV_ERRORS_SHOWN}; the stored values are kept).
 */
export const csvPreviewResponse = z.object({
  valid: z.number().int(),
  ...csvErrorSummary,
  imported: z.number().int(),
  conflicts: z.array(readingConflict).max(CSV_ERRORS_SHOWN),
  conflictCount: z.number().int(),
});

export type MeResponse = z.infer<typeof meResponse>;
export type KpiView = z.infer<typeof kpiView>;
export type KeyResultView = z.infer<typeof keyResultView>;
export type ObjectiveView = z.infer<typeof objectiveView>;
export type TeamViewResponse = z.infer<typeof teamViewResponse>;
export type IngestionKeyCreated = z.infer<typeof ingestionKeyCreated>;
export type IngestionKeyView = z.infer<typeof ingestionKeyView>;
export type CsvPreviewResponse = z.infer<typeof csvPreviewResponse>;
export type CsvErrorCode = z.infer<typeof csvErrorCode>;
export type CsvRowError = z.infer<typeof csvRowError>;
export type RecordReadingsResponse = z.infer<typeof recordReadingsResponse>;
export type ReadingConflict = z.infer<typeof readingConflict>;
