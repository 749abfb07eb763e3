import type { TenantId, UserId } from '@bearing/core';
import type { UserDataEraser } from '../app/ports';
import type { DocumentCollection } from './documents';
import { docId, teamPk, userPk } from './keys';

/**
 * Erases one user's personal data in a tenant: their profile, their membership and check-ins in
 * every team they belong to. Objectives and key results they owned stay (they belong to the team).
 */
export class CosmosUserDataEraser implements UserDataEraser {
  constructor(
    private readonly teamDocs: DocumentCollection,
    private readonly userDocs: DocumentCollection,
  ) {}

  async eraseUser(tenantId: TenantId, userId: UserId): Promise<number> {
    const profile = await this.userDocs.read<{ teamIds: string[] }>(
      userPk(tenantId, userId),
      docId.user(),
    );
    let removed = 0;
    for (const teamId of profile?.value.teamIds ?? []) {
      const pk = teamPk(tenantId, teamId);
      const ids = await this.teamDocs.queryPartitionDocuments<unknown>(pk, {
        query:
          "SELECT * FROM c WHERE c.pk = @pk AND ((c.type = 'checkIn' AND c.data.userId = @userId) " +
          "OR (c.type = 'member' AND c.id = @memberId))",
        parameters: [
          { name: '@pk', value: pk },
          { name: '@userId', value: userId },
          { name: '@memberId', value: docId.member(userId) },
        ],
      });
      for (const doc of ids) if (await this.teamDocs.delete(pk, doc.id)) removed += 1;
    }
    if (await this.userDocs.delete(userPk(tenantId, userId), docId.user())) removed += 1;
    return removed;
  }
}
