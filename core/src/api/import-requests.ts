import { z } from 'zod';
import { guid, id } from './primitives';

/** Files one Viva Goals import may hold (the loose JSON files of an export are seven). */
export const VIVA_IMPORT_MAX_FILES = 20;
/** Bytes of all uploaded files together (before base64). */
export const VIVA_IMPORT_MAX_BYTES = 40 * 1024 * 1024;
/** Bytes a zip may hold once uncompressed (JSON compresses about tenfold; a bomb far more). */
export const VIVA_IMPORT_MAX_UNZIPPED_BYTES = 160 * 1024 * 1024;
/** Entries one zip may hold. */
export const VIVA_IMPORT_MAX_ZIP_ENTRIES = 50;
/** Rows of one CSV or XLSX sheet. */
export const VIVA_IMPORT_MAX_ROWS = 200_000;

const labelMeaning = z.enum(['objective', 'keyResult', 'initiative', 'ignore']);

/**
 * `POST /api/v1/admin/import/viva-goals/preview` and `…/apply`: the export files (base64) and the
 * admin's decisions. Matches name a Viva person (e-mail, Viva id as `viva:<id>`, or display name)
 * or a Viva team (its name); `null` leaves the person's items ownerless and flagged, or makes the
 * team a new Bearing team.
 */
export const vivaImportRequest = z.strictObject({
  files: z
    .array(
      z.strictObject({
        name: z.string().trim().min(1, 'Name each file.').max(255),
        data: z
          .string()
          .max(Math.ceil((VIVA_IMPORT_MAX_BYTES * 4) / 3) + 4, 'A file is too large.'),
      }),
    )
    .min(1, 'Send at least one export file.')
    .max(VIVA_IMPORT_MAX_FILES, `Send at most ${VIVA_IMPORT_MAX_FILES} files.`),
  people: z
    .array(z.strictObject({ viva: z.string().trim().min(1).max(320), userId: guid.nullable() }))
    .max(10_000)
    .optional(),
  teams: z
    .array(z.strictObject({ viva: z.string().trim().min(1).max(200), teamId: id.nullable() }))
    .max(2_000)
    .optional(),
  /** Meaning of `Object Type` labels of the Explorer export (custom terminology). */
  labels: z.record(z.string().trim().min(1).max(60), labelMeaning).optional(),
  /** `Stay Above` / `Stay Below` outcomes: key results (default) or KPIs with that range. */
  guardrails: z.enum(['keyResult', 'kpi']).optional(),
});

const issue = z.object({
  severity: z.enum(['error', 'warning']),
  code: z.string(),
  message: z.string(),
  source: z.string().optional(),
});

export const vivaImportCounts = z.object({
  objectives: z.number().int(),
  keyResults: z.number().int(),
  kpis: z.number().int(),
  checkIns: z.number().int(),
  comments: z.number().int(),
  cycles: z.number().int(),
  teams: z.number().int(),
  people: z.number().int(),
  unmatchedPeople: z.number().int(),
  skipped: z.number().int(),
  warnings: z.number().int(),
  errors: z.number().int(),
  /** Items created or changed: 0 for a dry run and for a repeated import. */
  written: z.number().int(),
});

/** The preview (`dryRun`) or the result of an apply: counts, every decision, every problem. */
export const vivaImportReport = z.object({
  dryRun: z.boolean(),
  counts: vivaImportCounts,
  cycles: z.array(
    z.object({
      period: z.string(),
      cycleId: z.string(),
      exact: z.boolean(),
      items: z.number().int(),
    }),
  ),
  teams: z.array(
    z.object({
      viva: z.string(),
      teamId: z.string(),
      match: z.enum(['name', 'override', 'new']),
      parent: z.string().optional(),
      listed: z.boolean(),
    }),
  ),
  people: z.array(
    z.object({
      viva: z.string(),
      email: z.string().optional(),
      userId: z.string().nullable(),
      match: z.enum(['email', 'name', 'override', 'unmatched']),
      /** Unmatched because several members have this display name. */
      ambiguous: z.boolean().optional(),
      items: z.array(z.object({ id: z.string(), title: z.string() })),
      itemCount: z.number().int(),
    }),
  ),
  decisions: z.array(
    z.object({ subject: z.string(), decision: z.string(), count: z.number().int() }),
  ),
  issues: z.array(issue),
  skipped: z.array(z.object({ source: z.string(), code: z.string(), reason: z.string() })),
  written: z.object({
    teams: z.number().int(),
    objectives: z.number().int(),
    keyResults: z.number().int(),
    kpis: z.number().int(),
    checkIns: z.number().int(),
    readings: z.number().int(),
  }),
  batches: z.number().int(),
  /**
   * What the admin may pick from to change a decision: the members of the installed teams'
   * rosters, the installed teams, and the Explorer type labels nobody said the meaning of yet.
   */
  choices: z
    .object({
      members: z.array(z.object({ userId: z.string(), displayName: z.string() })),
      teams: z.array(z.object({ id: z.string(), name: z.string() })),
      labels: z.array(z.string()),
    })
    .optional(),
});

/**
 * One line of an apply's progress stream (`Accept: application/x-ndjson`): the documents done
 * after each batch, then the report, or an error when the apply stopped half-way.
 */
export const vivaImportStreamLine = z.union([
  z.object({ progress: z.object({ done: z.number().int(), total: z.number().int() }) }),
  z.object({ report: vivaImportReport }),
  z.object({ error: z.object({ code: z.string(), message: z.string() }) }),
]);

export type VivaImportRequest = z.infer<typeof vivaImportRequest>;
export type VivaImportReport = z.infer<typeof vivaImportReport>;
export type VivaImportCounts = z.infer<typeof vivaImportCounts>;

/**
 * `POST /api/v1/admin/import/viva-goals/link-team`: a team an import created (`importedTeamId`,
 * as the preview's `teams[].teamId` names it) becomes the Teams team `teamId` Bearing is
 * installed in: its objectives, key results, KPIs and check-ins move there.
 */
export const vivaTeamLinkRequest = z.strictObject({
  importedTeamId: id,
  teamId: id,
});

/** What a team link did (`again`: it was already linked, nothing changed). */
export const vivaTeamLinkResult = z.object({
  importedTeamId: z.string(),
  teamId: z.string(),
  again: z.boolean(),
  moved: z.object({
    objectives: z.number().int(),
    keyResults: z.number().int(),
    kpis: z.number().int(),
    checkIns: z.number().int(),
  }),
});

export type VivaTeamLinkRequest = z.infer<typeof vivaTeamLinkRequest>;
export type VivaTeamLinkResult = z.infer<typeof vivaTeamLinkResult>;
export type VivaImportStreamLine = z.infer<typeof vivaImportStreamLine>;
