import { ok, type AwayResponse, type Result, type TeamMember } from '@bearing/core';
import {
  StoreConflictError,
  type TeamStore,
  canManage,
  conflict,
  forbidden,
  notFound,
  requireMember,
  type Caller,
} from '../common';

/**
 * Marks a member away until a date (inclusive), or back (`null`): while away they get no weekly
 * card, reminder or nudge and are left off the managers' missed check-ins card. A member sets it
 * for themselves; owners and managers for anyone in the team. One conditional write.
 */
export async function setAway(
  teams: TeamStore,
  caller: Caller,
  teamId: string,
  userId: string,
  until: string | null,
  now: Date,
): Promise<Result<AwayResponse>> {
  const me = await requireMember(teams, caller, teamId);
  if (!me.ok) return me;
  if (userId !== caller.userId && !canManage(me.value.role))
    return forbidden('Only team owners and managers can mark someone else away.');
  const target = await teams.getMember(caller.tenantId, teamId, userId);
  if (!target?.value.active) return notFound('This person is not in the team.');
  const { awayUntil: _was, ...rest } = target.value;
  void _was;
  const next: TeamMember = {
    ...rest,
    ...(until ? { awayUntil: until } : {}),
    updatedAt: now.toISOString(),
  };
  try {
    const saved = (await teams.saveMember(next, target.etag)).value;
    return ok({
      teamId,
      userId,
      ...(saved.awayUntil ? { awayUntil: saved.awayUntil } : {}),
    });
  } catch (error) {
    if (error instanceof StoreConflictError) return conflict('this member');
    throw error;
  }
}
