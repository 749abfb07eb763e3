export * from './en';
export * from './format';
export * from './locale';
