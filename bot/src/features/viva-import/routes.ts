import express, { Router, type ErrorRequestHandler, type Response } from 'express';
import {
  API_ERROR_CODES,
  ok,
  schemas,
  VIVA_IMPORT_MAX_BYTES,
  type VivaImportStreamLine,
} from '@bearing/core';
import { adminAudit, adminOnly } from '../data-rights';
import type { Logger } from '../../observability/logger';
import { callerOf, sendDownload, validate } from '../../http/respond';
import { sendError } from '../../http/errors';
import type { ImportStores } from './context';
import { reportCsv } from './report-csv';
import { runVivaImport } from './run-import';
import { linkImportedTeam } from './link-team';

/** Largest request body: the files' limit in base64 plus room for the admin's decisions. */
export const IMPORT_BODY_LIMIT = Math.ceil((VIVA_IMPORT_MAX_BYTES * 4) / 3) + 2 * 1024 * 1024;

/** The media type of the apply's progress stream (one JSON value per line). */
export const NDJSON = 'application/x-ndjson';

const tooLarge: ErrorRequestHandler = (error: { type?: string }, _req, res, next) => {
  if (error?.type !== 'entity.too.large') return next(error);
  sendError(
    res,
    413,
    'HTTP.BODY_TOO_LARGE',
    `The upload is larger than ${Math.round(VIVA_IMPORT_MAX_BYTES / 1024 / 1024)} MB of files. A Viva Goals export is far smaller: check that you picked the export files, or split a large Explorer export.`,
  );
};

/** Writes one line of the progress stream, starting the 200 answer with the first one. */
function streamLine(res: Response, line: VivaImportStreamLine): void {
  if (!res.headersSent) res.status(200).type(NDJSON);
  res.write(`${JSON.stringify(line)}\n`);
}

/**
 * `/api/v1/admin/import`: moving in from Viva Goals, for admins. `POST /viva-goals/preview` maps
 * the files and writes nothing; `POST /viva-goals/apply` writes what the preview showed (refused
 * with 400 and nothing written when the preview has errors); `POST /viva-goals/report` turns a
 * report into CSV for download; `POST /viva-goals/link-team` makes a team the import created the
 * Teams team it stands for. Audited with ids and counts only.
 *
 * An apply asked for with `Accept: application/x-ndjson` answers its progress as it goes: a line
 * `{"progress":{"done","total"}}` after each written batch, then `{"report":…}` (or `{"error":…}`
 * if it stopped half-way). A stream rather than steps the client repeats: one upload and one plan
 * for the whole apply (steps would send up to 40 MB and plan again each time, and a plan that
 * changed between steps, say a member added to a roster, would shift any cursor into it), and
 * the counts are exactly the batches being written. A dropped connection loses nothing: the apply
 * is idempotent and resumable, so applying again finishes it.
 */
export function vivaImportRouter(
  stores: ImportStores,
  logger: Logger,
  now: () => Date = () => new Date(),
): Router {
  const router = Router();
  const audit = adminAudit(logger);
  // The admin check comes before the body is read: nobody else gets to upload 50 MB.
  router.use(adminOnly(audit));
  router.use(express.json({ limit: IMPORT_BODY_LIMIT }));
  router.use(tooLarge);

  for (const step of ['preview', 'apply'] as const)
    router.post(`/viva-goals/${step}`, async (req, res) => {
      const caller = callerOf(res);
      const body = validate(res, schemas.vivaImportRequest, req.body);
      if (!body) return;
      const stream = step === 'apply' && (req.get('accept') ?? '').includes(NDJSON);
      // Progress of a long apply in the log (counts only), every 40 batches.
      let batch = 0;
      const progress = (done: number, total: number) => {
        batch += 1;
        if (batch % 40 === 0 || done === total)
          logger.info('viva import progress', { tenantId: caller.tenantId, done, total });
        if (stream) streamLine(res, { progress: { done, total } });
      };
      let outcome: Awaited<ReturnType<typeof runVivaImport>>;
      try {
        outcome = await runVivaImport(
          stores,
          caller.tenantId,
          body,
          step === 'preview',
          now(),
          progress,
        );
      } catch (error) {
        // Before the stream started, the one error middleware answers; after, the stream says so.
        if (!res.headersSent) throw error;
        logger.error('viva import stopped', {
          tenantId: caller.tenantId,
          error: error instanceof Error ? error.name : 'unknown',
        });
        streamLine(res, {
          error: {
            code: 'IMPORT.INTERRUPTED',
            message:
              'The import stopped before it finished. What was written stays: apply again to finish it.',
          },
        });
        return res.end();
      }
      const { counts } = outcome.report;
      audit(caller, step === 'preview' ? 'vivaImportPreview' : 'vivaImportApply', {
        outcome: outcome.kind,
        files: body.files.length,
        ...counts,
      });
      if (outcome.kind === 'refused')
        return sendError(
          res,
          400,
          API_ERROR_CODES.validation,
          `The files have ${counts.errors} problem(s) (first: ${outcome.report.issues.find((i) => i.severity === 'error')?.message ?? 'see the preview'}). Nothing was written; fix them and preview again.`,
          'files',
        );
      if (!stream) return res.json(outcome.report);
      streamLine(res, { report: outcome.report });
      res.end();
    });

  router.post('/viva-goals/link-team', async (req, res) => {
    const caller = callerOf(res);
    const body = validate(res, schemas.vivaTeamLinkRequest, req.body);
    if (!body) return;
    const { importedTeamId, teamId } = body;
    const outcome = await linkImportedTeam(
      stores,
      caller.tenantId,
      importedTeamId,
      teamId,
      'admin',
      now().toISOString(),
    );
    const moved = outcome.kind === 'linked' ? outcome.link.moved : undefined;
    audit(caller, 'vivaImportLinkTeam', {
      outcome: outcome.kind,
      importedTeamId,
      teamId,
      ...(moved ?? {}),
    });
    if (outcome.kind === 'notImported')
      return sendError(
        res,
        404,
        API_ERROR_CODES.notFound,
        `${importedTeamId} is not a team an import created: use a teamId the import preview lists with match "new".`,
        'importedTeamId',
      );
    if (outcome.kind === 'notInstalled')
      return sendError(
        res,
        404,
        API_ERROR_CODES.notFound,
        `Bearing is not installed in the team ${teamId}: add the app to that team in Teams, then link.`,
        'teamId',
      );
    if (outcome.kind === 'linkedElsewhere')
      return sendError(
        res,
        409,
        API_ERROR_CODES.conflict,
        `${importedTeamId} is already linked to the team ${outcome.teamId}.`,
        'importedTeamId',
      );
    res.json({
      importedTeamId,
      teamId,
      again: outcome.again,
      moved: {
        objectives: moved?.objective ?? 0,
        keyResults: moved?.keyResult ?? 0,
        kpis: moved?.kpi ?? 0,
        checkIns: moved?.checkIn ?? 0,
      },
    });
  });

  router.post('/viva-goals/report', (req, res) => {
    const report = validate(res, schemas.vivaImportReport, req.body);
    if (!report) return;
    audit(callerOf(res), 'vivaImportReport', {
      rows: report.issues.length + report.skipped.length,
    });
    const fileName = `viva-goals-${report.dryRun ? 'preview' : 'import'}-report.csv`;
    sendDownload(res, ok({ format: 'csv', body: reportCsv(report), fileName }));
  });
  return router;
}
