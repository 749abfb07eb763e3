import { planImport, type VivaImportReport, type VivaImportRequest } from '@bearing/core';
import { applyPlan } from './apply';
import { loadPlanContext, type ImportStores } from './context';
import { readUpload } from './read-upload';

export type ImportOutcome =
  | { readonly kind: 'done'; readonly report: VivaImportReport }
  /** The files have problems that make the import wrong: nothing was written. */
  | { readonly kind: 'refused'; readonly report: VivaImportReport };

/**
 * A Viva Goals import: reads the files, maps them (the preview), and unless `dryRun` writes the
 * plan. Any `error` issue refuses the apply before the first write.
 */
export async function runVivaImport(
  stores: ImportStores,
  tenantId: string,
  request: VivaImportRequest,
  dryRun: boolean,
  now: Date,
  /** Called after each written batch with the documents done and the total. */
  onProgress?: (done: number, total: number) => void,
): Promise<ImportOutcome> {
  const data = await readUpload(request.files, request.labels ?? {});
  const ctx = await loadPlanContext(stores, tenantId, request, now);
  const planned = planImport(data, ctx);
  // What the tab offers for changing a match: the rosters' members, the installed teams, and the
  // Explorer type labels still without a meaning.
  const choices = {
    members: ctx.roster.map((p) => ({ userId: p.userId, displayName: p.displayName })),
    teams: ctx.knownTeams.map((t) => ({ id: t.id, name: t.name })),
    labels: [...new Set(data.items.filter((i) => !i.kind).map((i) => i.typeLabel))].sort(),
  };
  const plan = { ...planned, report: { ...planned.report, choices } };
  if (dryRun) return { kind: 'done', report: plan.report };
  if (plan.report.counts.errors > 0) return { kind: 'refused', report: plan.report };
  const { written, batches } = await applyPlan(stores, plan, onProgress);
  const total = Object.values(written).reduce((n, w) => n + w, 0);
  return {
    kind: 'done',
    report: {
      ...plan.report,
      dryRun: false,
      written,
      batches,
      counts: { ...plan.report.counts, written: total },
    },
  };
}
