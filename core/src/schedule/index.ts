export * from './zoned-time';
export * from './iso-week';
export * from './check-in-time';
