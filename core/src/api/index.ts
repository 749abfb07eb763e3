export * as schemas from './schemas';
export * from './errors';
export * from './card-verbs';
export * from './card-numbers';
export * from './card-actions';
export type * from './types';
export type * from './tab-views';
export { OKR_CSV_COLUMNS } from './tab-views';
