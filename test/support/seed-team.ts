import {
  DEFAULT_TEAM_SETTINGS,
  type TeamMember,
  type TeamRole,
  type TenantId,
} from '@bearing/core';
import type { UserProfile } from '../../bot/src/features/common';
import type { ServerStores } from '../../bot/src/store';

/** One person of a seeded team: an active member (role `member` unless said) and their profile. */
export interface SeededPerson {
  readonly userId: string;
  readonly displayName?: string;
  readonly role?: TeamRole;
  readonly member?: Partial<TeamMember>;
  readonly user?: Partial<UserProfile>;
}

/**
 * An organisation (fiscal year from July, UTC), one team (UTC) and its people, as the store tests
 * start from; every record stamped `at`.
 */
export async function seedTeam(
  s: ServerStores,
  o: {
    readonly tenantId: TenantId;
    readonly teamId: string;
    readonly teamName?: string;
    readonly at: string;
    readonly people: readonly SeededPerson[];
  },
): Promise<void> {
  const { tenantId, teamId, at } = o;
  await s.organizations.saveOrganization({
    tenantId,
    name: 'Org',
    fiscalStartMonth: 7,
    defaultTimeZone: 'UTC',
    createdAt: at,
    updatedAt: at,
  });
  await s.teams.saveTeam({
    tenantId,
    id: teamId,
    name: o.teamName ?? 'Team',
    settings: { ...DEFAULT_TEAM_SETTINGS, timeZone: 'UTC' },
    createdAt: at,
    updatedAt: at,
  });
  for (const p of o.people) {
    const displayName = p.displayName ?? `Name ${p.userId}`;
    await s.teams.saveMember({
      tenantId,
      teamId,
      userId: p.userId,
      displayName,
      role: p.role ?? 'member',
      active: true,
      joinedAt: at,
      updatedAt: at,
      ...p.member,
    });
    await s.users.saveUser({
      tenantId,
      userId: p.userId,
      displayName,
      teamIds: [teamId],
      updatedAt: at,
      ...p.user,
    });
  }
}
