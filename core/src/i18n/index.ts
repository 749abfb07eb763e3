export * from './en';
export * from './format';
