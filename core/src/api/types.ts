/** Inferred types of the tab API contracts. */
export type * from './okr-requests';
export type * from './kpi-requests';
export type * from './team-requests';
export type * from './responses';
export type * from '../checkin/open-item-contracts';
