export * from './deep-link';
