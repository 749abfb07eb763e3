export * as schemas from './schemas';
export * from './errors';
export * from './card-verbs';
export * from './card-numbers';
export * from './card-actions';
export type * from './types';
export type * from './tab-views';
export type * from './team-data';
export { OKR_CSV_COLUMNS } from './team-data';
