import { z } from 'zod';
import { etag, id, teamRole } from './primitives';

// Contracts of the team's People settings: who is an owner, a manager or a member in Bearing.

/** Path parameters of `…/teams/:teamId/members/:userId/role`. */
export const memberParams = z.strictObject({ teamId: id, userId: id });

/** One active member of a team as the People list shows them. */
export const teamMemberView = z.object({
  userId: z.string(),
  displayName: z.string(),
  role: teamRole,
  /** ETag of the membership: send it back (If-Match or body) to change the role safely. */
  etag: z.string(),
});

/** `GET /teams/:teamId/members`: active members, owners first, then managers, then by name. */
export const teamMembersResponse = z.object({
  teamId: id,
  members: z.array(teamMemberView),
  /** True for team owners and Bearing admins (Entra app role `Bearing.Admin`). */
  canChangeRoles: z.boolean(),
});

/**
 * `PUT /teams/:teamId/members/:userId/role`. Idempotent: setting the role someone already has
 * changes nothing. With an `etag` (body or If-Match) the change applies only to that version.
 */
export const setMemberRoleRequest = z.strictObject({
  role: teamRole,
  etag: etag.optional(),
});

export type MemberParams = z.infer<typeof memberParams>;
export type TeamMemberView = z.infer<typeof teamMemberView>;
export type TeamMembersResponse = z.infer<typeof teamMembersResponse>;
export type SetMemberRoleRequest = z.infer<typeof setMemberRoleRequest>;
