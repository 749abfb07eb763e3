import { z } from 'zod';
import { closeCycleRequest } from './okr-requests';
import {
  confidence,
  cycleId,
  direction,
  id,
  instant,
  keyResultType,
  objectiveLevel,
} from './primitives';
import { importOkrsRequest } from './team-requests';
import { csvErrorSummary, cycleRef, objectiveView } from './responses';
import { myCheckIn, teamRef } from './tab-views';

// Contracts of a team's data beyond the week: closing a cycle, exporting, importing OKRs.

// ---------------------------------------------------------------- cycle close

/** `POST /teams/:teamId/cycles/:cycleId/close` — omitted key results are scored from progress. */
export const closeCycleTeamRequest = closeCycleRequest;

/** Per key result: the suggested (from progress) and, once closed, the given score. */
export const keyResultScore = z.object({
  keyResultId: id,
  title: z.string(),
  progress: z.number().min(0).max(1),
  suggestedScore: z.number().min(0).max(1),
  score: z.number().min(0).max(1).optional(),
});

/** `GET /teams/:teamId/cycles/:cycleId/close` preview and the `POST` response. */
export const cycleCloseResponse = z.object({
  cycle: cycleRef,
  nextCycle: cycleRef,
  closed: z.boolean(),
  objectives: z.array(
    z.object({
      objectiveId: id,
      title: z.string(),
      /**
       * False for an annual objective a quarter's close leaves open: only its key results of the
       * quarter are scored (no retrospective, no carry-over).
       */
      closes: z.boolean(),
      status: objectiveView.shape.status,
      score: z.number().min(0).max(1).optional(),
      whatWorked: z.string().optional(),
      whatDidNot: z.string().optional(),
      keyResults: z.array(keyResultScore),
    }),
  ),
  /** Objectives copied into the next cycle (as drafts), with their new ids. */
  carriedOver: z.array(
    z.object({ fromObjectiveId: id, objectiveId: id, keyResultIds: z.array(id) }),
  ),
});

// ---------------------------------------------------------------- export

/** Query of `GET /teams/:teamId/export`. */
export const teamExportQuery = z.strictObject({
  format: z.enum(['json', 'csv']).default('json'),
  what: z.enum(['okrs', 'checkins', 'readings']).default('okrs'),
  cycleId: cycleId.optional(),
});

/** A cycle's kind, exported beside its id. */
const cycleKind = z.enum(['quarter', 'year']);

export const exportedKeyResult = z.object({
  id,
  /** The key result's own cycle (may differ from its objective's: quarterly under annual). */
  cycleId,
  cycleKind,
  title: z.string(),
  type: keyResultType,
  unit: z.string().optional(),
  baseline: z.number(),
  target: z.number(),
  current: z.number(),
  direction,
  milestones: z.array(z.string()).optional(),
  ownerId: z.string(),
  confidence,
  status: z.enum(['active', 'archived']),
  score: z.number().optional(),
});

export const exportedObjective = z.object({
  id,
  cycleId,
  cycleKind,
  title: z.string(),
  description: z.string().optional(),
  level: objectiveLevel,
  status: objectiveView.shape.status,
  ownerId: z.string(),
  parentIds: z.array(z.string()),
  kpiIds: z.array(z.string()),
  score: z.number().optional(),
  keyResults: z.array(exportedKeyResult),
});

/** `GET /teams/:teamId/export?format=json` — one of the three arrays, matching `what`. */
export const teamExportJson = z.object({
  team: teamRef,
  /** The exported view's cycle: a quarter (with its year's annual items) or a fiscal year. */
  cycleId,
  cycleKind,
  what: teamExportQuery.shape.what.unwrap(),
  exportedAt: instant,
  objectives: z.array(exportedObjective).optional(),
  checkIns: z.array(myCheckIn.extend({ userId: z.string() })).optional(),
  readings: z
    .array(
      z.object({ kpiId: id, kpiName: z.string(), id: z.string(), value: z.number(), at: instant }),
    )
    .optional(),
});

/** CSV columns of OKR export and import (one row per key result; objective-only rows allowed). */
export const OKR_CSV_COLUMNS = [
  'objective',
  'keyResult',
  'type',
  'unit',
  'baseline',
  'target',
  'direction',
  'ownerId',
] as const;

// ---------------------------------------------------------------- import

/** `POST /teams/:teamId/objectives/import?confirm=true` body: CSV with {@link OKR_CSV_COLUMNS}. */
export const okrImportRequest = importOkrsRequest;

/** Query of the import: without `confirm=true` it only previews. */
export const okrImportQuery = z.strictObject({
  confirm: z
    .enum(['true', 'false'])
    .optional()
    .transform((v) => v === 'true'),
});

/** Preview or result of an OKR CSV import; with any error nothing is written. */
export const okrImportResponse = z.object({
  confirmed: z.boolean(),
  /** Rows that parsed. */
  valid: z.number().int(),
  ...csvErrorSummary,
  objectives: z.array(
    z.object({
      title: z.string(),
      keyResults: z.array(
        z.object({
          title: z.string(),
          type: keyResultType,
          baseline: z.number(),
          target: z.number(),
        }),
      ),
      /** Set once imported. */
      id: id.optional(),
    }),
  ),
  imported: z.object({ objectives: z.number().int(), keyResults: z.number().int() }),
});

export type CloseCycleTeamRequest = z.infer<typeof closeCycleTeamRequest>;
export type KeyResultScore = z.infer<typeof keyResultScore>;
export type CycleCloseResponse = z.infer<typeof cycleCloseResponse>;
export type TeamExportQuery = z.infer<typeof teamExportQuery>;
export type ExportedKeyResult = z.infer<typeof exportedKeyResult>;
export type ExportedObjective = z.infer<typeof exportedObjective>;
export type TeamExportJson = z.infer<typeof teamExportJson>;
export type OkrImportRequest = z.infer<typeof okrImportRequest>;
export type OkrImportQuery = z.infer<typeof okrImportQuery>;
export type OkrImportResponse = z.infer<typeof okrImportResponse>;
