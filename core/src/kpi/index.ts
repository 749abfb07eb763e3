export * from './types';
export * from './range';
export * from './evaluate';
export * from './episode';
export * from './reading-time';
