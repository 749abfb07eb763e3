import type { TeamMember } from '@bearing/core';

/** Teams refreshes a card automatically for at most this many listed users. */
export const MAX_REFRESH_USERS = 60;

/** Who gets their own view of a channel card: active members with a Teams id, managers first. */
export function refreshUserIds(members: readonly TeamMember[]): string[] {
  const rank = (m: TeamMember) => (m.role === 'member' ? 1 : 0);
  return members
    .filter((m) => m.active && m.teamsUserId)
    .sort((a, b) => rank(a) - rank(b))
    .slice(0, MAX_REFRESH_USERS)
    .map((m) => m.teamsUserId as string);
}
