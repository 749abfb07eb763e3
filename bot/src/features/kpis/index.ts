// What other folders use of the kpis feature: import it from here, not from its files.
export { ingestRouter } from './ingest-routes';
export { INGEST_FAILURE_BUDGET, IngestionThrottle } from './ingestion-throttle';
export { buildKpiAlertCard, sparkline } from './kpi-alert-card';
export type { KpiAlertModel } from './kpi-alert-card';
export { acknowledgeEpisode, draftCorrectiveOkr, kpiAlertCard, snoozeEpisode } from './kpi-alerts';
export type { KpiAlertStores } from './kpi-alerts';
export { MAX_CSV_ROWS, readCsvTable, summariseRowErrors } from './kpi-csv';
export { evaluateAfterReadings, recordReadings } from './kpi-readings';
export { buildKpiUpdateCard } from './kpi-update-card';
export { kpiView } from './kpi-view';
export { kpiRoutes } from './routes';
export {
  acknowledgeKpiAlert,
  draftCorrectiveForAlert,
  recordManualReading,
  snoozeKpiAlert,
} from './kpi-alert-actions';
export type { AlertTarget } from './kpi-alert-actions';
export { kpiAlertCardFor, kpiUpdateCardFor } from './kpi-card-views';
