export * as schemas from './schemas';
export * from './errors';
export * from './card-verbs';
export * from './card-numbers';
export * from './card-actions';
// Inferred types of the tab API contracts.
export type * from './okr-requests';
export type * from './kpi-requests';
export type * from './team-requests';
export type * from './responses';
export type * from '../checkin/open-item-contracts';
export type * from './tab-views';
export type * from './team-data';
export type * from './team-members';
export { OKR_CSV_COLUMNS } from './team-data';
export type {
  VivaImportCounts,
  VivaImportReport,
  VivaImportRequest,
  VivaImportStreamLine,
  VivaTeamLinkRequest,
  VivaTeamLinkResult,
} from './import-requests';
export {
  VIVA_IMPORT_MAX_BYTES,
  VIVA_IMPORT_MAX_FILES,
  VIVA_IMPORT_MAX_ROWS,
  VIVA_IMPORT_MAX_UNZIPPED_BYTES,
  VIVA_IMPORT_MAX_ZIP_ENTRIES,
} from './import-requests';
