import type { Container, Database } from '@azure/cosmos';
import type { TenantId, UserId } from '@bearing/core';
import {
  type DataRightsStore,
  type UserDataRecord,
  type UserErasure,
  type UserErasureOptions,
  ERASED_USER_ID,
} from '../features/data-rights';
import { CONTAINERS } from './containers';
import type { DocumentCollection, StoredDocument } from './documents';
import type { ItemType } from './keys';

/** Item types that name their owner in `data.ownerId` and stay with the team after erasure. */
const OWNED_TYPES: readonly ItemType[] = ['objective', 'keyResult', 'kpi'];
/** Item types that are the user's own record and are removed on erasure. */
const PERSONAL_TYPES: readonly ItemType[] = ['user', 'member', 'checkIn', 'delivery'];
/** Open items the user raised go with them (like their check-ins); those they closed keep the fact. */
const AUTHORED_TYPES: readonly ItemType[] = ['openItem'];

type AnyDoc = StoredDocument<Record<string, unknown>>;

/**
 * Data-subject requests on Cosmos DB. Every query filters on the top-level `tenantId` (and every
 * partition key starts with it), so nothing of another tenant is read, changed or removed. These
 * are admin operations, rare and unbounded by design: they use tenant-scoped cross-partition
 * queries, which no hot path does.
 */
export class CosmosDataRightsStore implements DataRightsStore {
  constructor(
    private readonly database: Database,
    private readonly collections: Readonly<Record<keyof typeof CONTAINERS, DocumentCollection>>,
  ) {}

  async collectUser(tenantId: TenantId, userId: UserId): Promise<UserDataRecord[]> {
    const found = await this.userDocuments(tenantId, userId);
    return found.map(({ container, doc }) => ({
      container,
      type: doc.type,
      id: doc.id,
      data: doc.data,
    }));
  }

  async eraseUser(
    tenantId: TenantId,
    userId: UserId,
    options: UserErasureOptions,
  ): Promise<UserErasure> {
    const result = { removed: 0, reassigned: 0, flagged: [] as { type: string; id: string }[] };
    for (const { container, doc } of await this.userDocuments(tenantId, userId)) {
      const docs = this.collections[container];
      const authored = AUTHORED_TYPES.includes(doc.type) && doc.data.authorId === userId;
      if (PERSONAL_TYPES.includes(doc.type) || authored) {
        if (await docs.delete(doc.pk, doc.id)) result.removed += 1;
        continue;
      }
      const data = { ...doc.data };
      if (OWNED_TYPES.includes(doc.type) && data.ownerId === userId) {
        data.ownerId = options.reassignTo ?? ERASED_USER_ID;
        if (options.reassignTo) result.reassigned += 1;
        else result.flagged.push({ type: doc.type, id: String(data.id ?? doc.id) });
      }
      // A KPI alert acknowledged by the user keeps the fact, not the person.
      const episode = data.episode as { acknowledgedBy?: { userId?: string } } | undefined;
      if (episode?.acknowledgedBy?.userId === userId) {
        data.episode = { ...episode, acknowledgedBy: { userId: ERASED_USER_ID, name: '' } };
      }
      const resolution = data.resolution as { byUserId?: string } | undefined;
      if (resolution?.byUserId === userId) {
        data.resolution = { ...resolution, byUserId: ERASED_USER_ID, byName: '' };
      }
      await docs.write(
        { id: doc.id, pk: doc.pk, type: doc.type, tenantId: doc.tenantId, data },
        doc._etag,
        doc.type,
      );
    }
    return result;
  }

  async eraseTenant(tenantId: TenantId): Promise<number> {
    let removed = 0;
    for (const name of Object.keys(CONTAINERS) as (keyof typeof CONTAINERS)[]) {
      const docs = await this.query(
        this.container(name),
        'SELECT c.id, c.pk, c.tenantId FROM c',
        tenantId,
      );
      for (const doc of docs) if (await this.collections[name].delete(doc.pk, doc.id)) removed += 1;
    }
    return removed;
  }

  /** Every document of the tenant that is about the user, in every container. */
  private async userDocuments(tenantId: TenantId, userId: UserId) {
    const about =
      ' AND (c.data.userId = @userId OR c.data.ownerId = @userId' +
      ' OR c.data.episode.acknowledgedBy.userId = @userId' +
      ' OR c.data.authorId = @userId OR c.data.resolution.byUserId = @userId)';
    const found: { container: keyof typeof CONTAINERS; doc: AnyDoc }[] = [];
    for (const name of ['users', 'teams', 'deliveries'] as const) {
      const docs = await this.query(this.container(name), 'SELECT * FROM c', tenantId, about, [
        { name: '@userId', value: userId },
      ]);
      for (const doc of docs) found.push({ container: name, doc });
    }
    return found;
  }

  private container(name: keyof typeof CONTAINERS): Container {
    return this.database.container(CONTAINERS[name].id);
  }

  private async query(
    container: Container,
    select: string,
    tenantId: TenantId,
    where = '',
    parameters: { name: string; value: string }[] = [],
  ): Promise<AnyDoc[]> {
    const { resources } = await container.items
      .query<AnyDoc>({
        query: `${select} WHERE c.tenantId = @tenantId${where}`,
        parameters: [{ name: '@tenantId', value: tenantId }, ...parameters],
      })
      .fetchAll();
    // Belt and braces: never act on a document of another tenant, whatever the query engine did.
    return resources.filter((d) => d.tenantId === tenantId);
  }
}
