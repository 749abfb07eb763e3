/** Bearing domain: pure types, rules and API contracts. No I/O lives here. */
export * from './common';
export * from './team';
export * from './okr';
export * from './kpi';
export * from './checkin';
export * from './alignment';
export * from './lint';
export * from './schedule';
export * from './api';
export * from './i18n';
export * from './links';
