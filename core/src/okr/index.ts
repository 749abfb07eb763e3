export * from './types';
export * from './cycles';
export * from './cycle-scope';
export * from './progress';
export * from './scoring';
export * from './carry-over';
export * from './history';
