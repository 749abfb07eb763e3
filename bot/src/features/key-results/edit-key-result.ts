import {
  ok,
  type KeyResult,
  type KeyResultView,
  type Result,
  type TenantId,
  type UpdateKeyResultRequest,
  type UserId,
} from '@bearing/core';
import {
  StoreConflictError,
  type OkrStore,
  type TeamStore,
  conflict,
  invalid,
  notFound,
  requireMember,
} from '../common';
import { keyResultView } from './key-result-view';

/** Kept for callers of the old path. */
export { keyResultView };

const noSuchKeyResult = 'This key result does not exist.';

// Rules that need the stored key result, not just the request body.
function checkScale(k: KeyResult): Result<KeyResult> {
  if (k.type === 'boolean' && (k.baseline !== 0 || k.target !== 1))
    return invalid('A yes/no key result goes from 0 to 1.', 'target');
  if (k.type === 'milestone' && (k.baseline !== 0 || k.target !== (k.milestones?.length ?? 0)))
    return invalid('A milestone key result goes from 0 to the number of milestones.', 'target');
  if (k.type === 'percent' && (k.target < 0 || k.target > 100 || k.current < 0 || k.current > 100))
    return invalid(
      'A percentage goes from 0 to 100.',
      k.target < 0 || k.target > 100 ? 'target' : 'current',
    );
  return ok(k);
}

/**
 * Edits a key result for a team owner or manager. The write is conditioned on the ETag the editor
 * saw, so two people editing at once never overwrite each other: the second gets a conflict.
 */
export async function editKeyResult(
  stores: { readonly teams: TeamStore; readonly okrs: OkrStore },
  caller: { readonly tenantId: TenantId; readonly userId: UserId },
  teamId: string,
  keyResultId: string,
  change: UpdateKeyResultRequest,
  now: Date,
): Promise<Result<KeyResultView>> {
  const member = await requireMember(stores.teams, caller, teamId, {
    write: true,
    forbidden: 'Only team owners and managers can edit key results.',
    notFound: noSuchKeyResult,
  });
  if (!member.ok) return member;
  const current = await stores.okrs.getKeyResult(caller.tenantId, teamId, keyResultId);
  if (!current) return notFound(noSuchKeyResult);
  if (current.etag !== change.etag) return conflict('this key result');
  const { etag, ...fields } = change;
  const next = checkScale({
    ...current.value,
    ...fields,
    updatedAt: now.toISOString(),
  } as KeyResult);
  if (!next.ok) return next;
  if (fields.ownerId && !(await stores.teams.getMember(caller.tenantId, teamId, fields.ownerId)))
    return invalid('The owner must be a member of the team.', 'ownerId');
  try {
    const saved = await stores.okrs.saveKeyResult(next.value, etag);
    const owner = await stores.teams.getMember(caller.tenantId, teamId, saved.value.ownerId);
    return ok(keyResultView(saved.value, saved.etag, owner?.value.displayName));
  } catch (error) {
    if (error instanceof StoreConflictError) return conflict('this key result');
    throw error;
  }
}
