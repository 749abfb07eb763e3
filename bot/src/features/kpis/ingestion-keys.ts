import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import {
  ok,
  type IngestionKey,
  type IngestionKeyCreated,
  type IngestionKeyView,
  type Result,
  type TenantId,
  type UserId,
} from '@bearing/core';
import { type KpiStore, type TeamStore, notFound, requireMember, type Caller } from '../common';

/** The team an ingestion key belongs to (what a valid key grants: readings for that team's KPIs). */
export interface IngestionScope {
  readonly tenantId: TenantId;
  readonly teamId: string;
  readonly keyId: string;
}

type Stores = { readonly teams: TeamStore; readonly kpis: KpiStore };

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');
const b64 = (s: string) => Buffer.from(s).toString('base64url');

/**
 * Keys look like `bk_<keyId>.<tenant|team, base64url>.<secret>`: the first part is the prefix shown
 * in listings, the middle says which partition holds the key (one point read), the secret is 32
 * random bytes of which only the SHA-256 is stored.
 */
function parseKey(
  raw: string,
): { keyId: string; tenantId: string; teamId: string; secret: string } | undefined {
  const m = /^bk_([A-Za-z0-9_-]{8,32})\.([A-Za-z0-9_-]{4,400})\.([A-Za-z0-9_-]{43})$/.exec(raw);
  if (!m) return undefined;
  const scope = Buffer.from(m[2] as string, 'base64url').toString('utf8');
  const sep = scope.indexOf('|');
  if (sep <= 0 || sep === scope.length - 1) return undefined;
  return {
    keyId: m[1] as string,
    tenantId: scope.slice(0, sep),
    teamId: scope.slice(sep + 1),
    secret: m[3] as string,
  };
}

/** The key id of a well-formed key (no store read); undefined for anything malformed. */
export const ingestionKeyId = (raw: string | undefined): string | undefined =>
  raw ? parseKey(raw)?.keyId : undefined;

const managerOf = (stores: Stores, caller: Caller, teamId: string) =>
  requireMember(stores.teams, caller, teamId, {
    write: true,
    forbidden: 'Only team owners and managers can manage ingestion keys.',
  });

const view = (k: IngestionKey): IngestionKeyView => ({
  id: k.id,
  name: k.name,
  prefix: k.prefix,
  createdAt: k.createdAt,
  ...(k.revokedAt ? { revokedAt: k.revokedAt } : {}),
});

/** Creates a key; the full key is returned once and never stored or logged. */
export async function createIngestionKey(
  stores: Stores,
  caller: { readonly tenantId: TenantId; readonly userId: UserId },
  teamId: string,
  name: string,
  now: Date,
): Promise<Result<IngestionKeyCreated>> {
  const allowed = await managerOf(stores, caller, teamId);
  if (!allowed.ok) return allowed;
  const keyId = randomBytes(9).toString('base64url');
  const secret = randomBytes(32).toString('base64url');
  const prefix = `bk_${keyId}`;
  const key: IngestionKey = {
    tenantId: caller.tenantId,
    teamId,
    id: keyId,
    name,
    prefix,
    secretHash: sha256(secret),
    createdBy: caller.userId,
    createdAt: now.toISOString(),
  };
  await stores.kpis.saveIngestionKey(key);
  return ok({
    id: keyId,
    name,
    prefix,
    secret: `${prefix}.${b64(`${caller.tenantId}|${teamId}`)}.${secret}`,
    createdAt: key.createdAt,
  });
}

/** The team's keys by prefix (never the secret). */
export async function listIngestionKeys(
  stores: Stores,
  caller: { readonly tenantId: TenantId; readonly userId: UserId },
  teamId: string,
): Promise<Result<IngestionKeyView[]>> {
  const allowed = await managerOf(stores, caller, teamId);
  if (!allowed.ok) return allowed;
  return ok((await stores.kpis.listIngestionKeys(caller.tenantId, teamId)).map(view));
}

/** Revokes a key at once (idempotent). */
export async function revokeIngestionKey(
  stores: Stores,
  caller: { readonly tenantId: TenantId; readonly userId: UserId },
  teamId: string,
  keyId: string,
  now: Date,
): Promise<Result<IngestionKeyView>> {
  const allowed = await managerOf(stores, caller, teamId);
  if (!allowed.ok) return allowed;
  const key = await stores.kpis.getIngestionKey(caller.tenantId, teamId, keyId);
  if (!key) return notFound('No such ingestion key.');
  if (key.value.revokedAt) return ok(view(key.value));
  const saved = await stores.kpis.saveIngestionKey(
    { ...key.value, revokedAt: now.toISOString() },
    key.etag,
  );
  return ok(view(saved.value));
}

/**
 * Checks a presented key: one point read in the team partition it names, then a constant-time
 * comparison of the secret's hash. Undefined for anything malformed, unknown or revoked.
 */
export async function authenticateIngestionKey(
  stores: Stores,
  raw: string | undefined,
): Promise<IngestionScope | undefined> {
  const parsed = raw ? parseKey(raw) : undefined;
  if (!parsed) return undefined;
  const key = await stores.kpis.getIngestionKey(parsed.tenantId, parsed.teamId, parsed.keyId);
  if (!key || key.value.revokedAt) return undefined;
  const presented = Buffer.from(sha256(parsed.secret), 'hex');
  const stored = Buffer.from(key.value.secretHash, 'hex');
  if (presented.length !== stored.length || !timingSafeEqual(presented, stored)) return undefined;
  return { tenantId: parsed.tenantId, teamId: parsed.teamId, keyId: parsed.keyId };
}
