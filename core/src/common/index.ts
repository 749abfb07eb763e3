export * from './ids';
export * from './result';
