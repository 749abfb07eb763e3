export * as schemas from './schemas';
export * from './errors';
export * from './card-verbs';
export * from './card-numbers';
export * from './card-actions';
export type * from './types';
