import type { VivaImportReport } from '@bearing/core';

/** The file name of a report: a preview's or an import's. */
export const reportFileName = (report: VivaImportReport, format: 'csv' | 'json') =>
  `viva-goals-${report.dryRun ? 'preview' : 'import'}-report.${format}`;

/** The report as JSON, as the API answered it. */
export const reportJson = (report: VivaImportReport) =>
  new Blob([JSON.stringify(report, null, 2)], { type: 'application/json' });
