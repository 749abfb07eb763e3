export * from './types';
export * from './apply';
export * from './summary';
export * from './open-items';
