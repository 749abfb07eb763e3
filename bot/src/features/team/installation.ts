import {
  DEFAULT_TEAM_SETTINGS,
  type TeamMember,
  type TeamRole,
  type TenantId,
  type UserId,
} from '@bearing/core';
import {
  StoreConflictError,
  type TeamStore,
  type UserProfile,
  type UserStore,
  type Versioned,
} from '../common';

/** A person as the Teams roster or an activity describes them. */
export interface RosterPerson {
  readonly userId: UserId;
  readonly name: string;
  readonly timeZone?: string;
  readonly locale?: string;
  /** Teams channel account id (`29:…`) from the roster. */
  readonly teamsUserId?: string;
  /** E-mail or UPN from the roster: a lookup attribute for imports, never identity. */
  readonly email?: string;
}

type Stores = { readonly users: UserStore; readonly teams: TeamStore };

/** Read-modify-write with an ETag, retried when another writer got there first. */
async function updateWithRetry<T>(
  read: () => Promise<Versioned<T> | undefined>,
  write: (current: T | undefined, etag: string | undefined) => Promise<unknown>,
): Promise<void> {
  for (let attempt = 1; ; attempt += 1) {
    const current = await read();
    try {
      await write(current?.value, current?.etag);
      return;
    } catch (error) {
      if (!(error instanceof StoreConflictError) || attempt >= 3) throw error;
    }
  }
}

/** Saves where to reach a user in 1:1 chat, creating their profile on first contact. */
export async function registerPersonalChat(
  stores: Stores,
  tenantId: TenantId,
  person: RosterPerson,
  conversationReference: Readonly<Record<string, unknown>>,
  now: string,
): Promise<void> {
  await updateWithRetry<UserProfile>(
    () => stores.users.getUser(tenantId, person.userId),
    (current, etag) =>
      stores.users.saveUser(
        {
          tenantId,
          userId: person.userId,
          displayName: person.name || current?.displayName || '',
          teamIds: current?.teamIds ?? [],
          timeZone: person.timeZone ?? current?.timeZone,
          locale: person.locale ?? current?.locale,
          conversationReference,
          ...((person.teamsUserId ?? current?.teamsUserId)
            ? { teamsUserId: person.teamsUserId ?? current?.teamsUserId }
            : {}),
          updatedAt: now,
        },
        etag,
      ),
  );
}

/**
 * Links a team member (from the roster or a members-added event) to the team and their profile.
 * Their role is kept; `asOwner` makes them an owner (the person who added Bearing to the team).
 * Returns the role they had before (undefined when they are new to the team).
 */
export async function addTeamMember(
  stores: Stores,
  tenantId: TenantId,
  teamId: string,
  person: RosterPerson,
  now: string,
  asOwner = false,
): Promise<TeamRole | undefined> {
  let before: TeamRole | undefined;
  await updateWithRetry<TeamMember>(
    () => stores.teams.getMember(tenantId, teamId, person.userId),
    (current, etag) => {
      before = current?.role;
      return stores.teams.saveMember(
        {
          tenantId,
          teamId,
          userId: person.userId,
          displayName: person.name || current?.displayName || '',
          role: asOwner ? 'owner' : (current?.role ?? 'member'),
          active: true,
          timeZone: person.timeZone ?? current?.timeZone,
          locale: person.locale ?? current?.locale,
          ...((person.teamsUserId ?? current?.teamsUserId)
            ? { teamsUserId: person.teamsUserId ?? current?.teamsUserId }
            : {}),
          ...((person.email ?? current?.email) ? { email: person.email ?? current?.email } : {}),
          joinedAt: current?.joinedAt ?? now,
          updatedAt: now,
        },
        etag,
      );
    },
  );
  await updateWithRetry<UserProfile>(
    () => stores.users.getUser(tenantId, person.userId),
    (current, etag) =>
      current?.teamIds.includes(teamId) &&
      (!person.teamsUserId || current.teamsUserId === person.teamsUserId)
        ? Promise.resolve()
        : stores.users.saveUser(
            {
              tenantId,
              userId: person.userId,
              displayName: current?.displayName || person.name,
              teamIds: [...new Set([...(current?.teamIds ?? []), teamId])],
              ...((person.teamsUserId ?? current?.teamsUserId)
                ? { teamsUserId: person.teamsUserId ?? current?.teamsUserId }
                : {}),
              timeZone: current?.timeZone ?? person.timeZone,
              locale: current?.locale ?? person.locale,
              ...(current?.conversationReference
                ? { conversationReference: current.conversationReference }
                : {}),
              updatedAt: now,
            },
            etag,
          ),
  );
  return before;
}

/** Registers a team on install (creating it with default settings when new). */
export async function registerTeam(
  stores: Stores,
  tenantId: TenantId,
  team: { id: string; name: string },
  channelReference: Readonly<Record<string, unknown>>,
  now: string,
): Promise<void> {
  await updateWithRetry(
    () => stores.teams.getTeam(tenantId, team.id),
    (current, etag) =>
      stores.teams.saveTeam(
        {
          tenantId,
          id: team.id,
          name: team.name || current?.name || 'Team',
          // Its place in the organisation (set by a Viva Goals import) survives a reinstall.
          ...(current?.parentTeamId ? { parentTeamId: current.parentTeamId } : {}),
          settings: current?.settings ?? DEFAULT_TEAM_SETTINGS,
          channelReference,
          createdAt: current?.createdAt ?? now,
          updatedAt: now,
        },
        etag,
      ),
  );
}

/** Stops deliveries to someone who left the team (their history stays). */
export async function deactivateTeamMember(
  stores: Stores,
  tenantId: TenantId,
  teamId: string,
  userId: UserId,
  now: string,
): Promise<void> {
  await updateWithRetry<TeamMember>(
    () => stores.teams.getMember(tenantId, teamId, userId),
    (current, etag) =>
      current && current.active
        ? stores.teams.saveMember({ ...current, active: false, updatedAt: now }, etag)
        : Promise.resolve(),
  );
}

/** Keeps the 1:1 chat the delivery engine opened, so later sends reuse it. */
export async function rememberConversation(
  stores: Stores,
  tenantId: TenantId,
  userId: UserId,
  conversationReference: Readonly<Record<string, unknown>>,
  now: string,
): Promise<void> {
  await updateWithRetry<UserProfile>(
    () => stores.users.getUser(tenantId, userId),
    (current, etag) =>
      !current || current.conversationReference
        ? Promise.resolve()
        : stores.users.saveUser({ ...current, conversationReference, updatedAt: now }, etag),
  );
}

/** The app was uninstalled from a 1:1 chat: stop sending there (history stays). */
export async function forgetPersonalChat(
  stores: Stores,
  tenantId: TenantId,
  userId: UserId,
  now: string,
): Promise<void> {
  await updateWithRetry<UserProfile>(
    () => stores.users.getUser(tenantId, userId),
    (current, etag) => {
      if (!current?.conversationReference) return Promise.resolve();
      const { conversationReference: _gone, ...rest } = current;
      void _gone;
      return stores.users.saveUser({ ...rest, updatedAt: now }, etag);
    },
  );
}

/** The app was removed from a team: no more digests or alerts to its channel. */
export async function forgetTeamChannel(
  stores: Stores,
  tenantId: TenantId,
  teamId: string,
  now: string,
): Promise<void> {
  await updateWithRetry(
    () => stores.teams.getTeam(tenantId, teamId),
    (current, etag) => {
      if (!current?.channelReference) return Promise.resolve();
      const { channelReference: _gone, ...rest } = current;
      void _gone;
      return stores.teams.saveTeam({ ...rest, updatedAt: now }, etag);
    },
  );
}
