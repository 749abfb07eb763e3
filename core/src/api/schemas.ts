/** Every zod schema of the tab API, under one namespace (`schemas.createObjectiveRequest`). */
export * from './primitives';
export * from './okr-requests';
export * from './kpi-requests';
export * from './team-requests';
export * from './responses';
export * from './tab-views';
export * from './team-data';
export * from './team-members';
export * from './import-requests';
export * from '../checkin/open-item-contracts';
