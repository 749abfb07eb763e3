export * from './types';
export * from './apply';
export * from './summary';
