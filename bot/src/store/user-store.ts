import type { TenantId, UserId } from '@bearing/core';
import type { UserProfile, UserStore, Versioned } from '../features/common';
import type { DocumentCollection } from './documents';
import { docId, userPk } from './keys';

/** User profiles (time zone, locale, conversation reference, team ids) in the `users` container. */
export class CosmosUserStore implements UserStore {
  constructor(private readonly docs: DocumentCollection) {}

  getUser(tenantId: TenantId, userId: UserId): Promise<Versioned<UserProfile> | undefined> {
    return this.docs.read(userPk(tenantId, userId), docId.user());
  }

  saveUser(user: UserProfile, etag?: string): Promise<Versioned<UserProfile>> {
    const doc = { id: docId.user(), pk: userPk(user.tenantId, user.userId), type: 'user' as const };
    return this.docs.write({ ...doc, tenantId: user.tenantId, data: user }, etag, 'user');
  }
}
