export * from './messages';
export * from './rules';
export * from './lint';
export * from './draft';
