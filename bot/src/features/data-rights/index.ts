// What other folders use of the data-rights feature: import it from here, not from its files.
export { ERASED_USER_ID } from './data-rights';
export type {
  DataRightsStore,
  RetentionPolicy,
  UserDataRecord,
  UserErasure,
  UserErasureOptions,
} from './data-rights';
export { ADMIN_ROLE, adminApiRouter, adminAudit, adminOnly } from './routes';
export type { AdminAudit } from './routes';
