/** Entra ID tenant id (GUID). Every stored item's partition key starts with it. */
export type TenantId = string;
/** Entra ID object id of a user (aadObjectId in Teams). Identity is (tenantId, userId), never email/UPN. */
export type UserId = string;
/** Entra ID group id of a team (aadGroupId in Teams). */
export type TeamId = string;
/** ISO-8601 instant in UTC, e.g. `2026-11-23T09:00:00.000Z`. */
export type Instant = string;
/** ISO week label, e.g. `2026-W48`. */
export type IsoWeek = string;
