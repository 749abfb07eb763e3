import type { TeamMember } from '../team/types';
import type { KeyResult } from '../okr/types';
import { keyResultProgress } from '../okr/progress';
import type { CheckIn } from './types';

/** One key result's change in a check-in, for summary cards and the digest. */
export interface KeyResultDelta {
  readonly keyResultId: string;
  readonly title: string;
  readonly previousValue: number;
  readonly value: number;
  readonly change: number;
  readonly progressBefore: number;
  readonly progressAfter: number;
}

/** Per key result: previous → new value, change and progress before and after. */
export function checkInDeltas(
  checkIn: CheckIn,
  keyResults: readonly KeyResult[],
): KeyResultDelta[] {
  const byId = new Map(keyResults.map((k) => [k.id, k]));
  return checkIn.updates.flatMap((u) => {
    const kr = byId.get(u.keyResultId);
    if (!kr) return [];
    return [
      {
        keyResultId: kr.id,
        title: kr.title,
        previousValue: u.previousValue,
        value: u.value,
        change: u.value - u.previousValue,
        progressBefore: keyResultProgress({ ...kr, current: u.previousValue }),
        progressAfter: keyResultProgress({ ...kr, current: u.value }),
      },
    ];
  });
}

/** Share (0..1) of active members who checked in; 0 for a team with no active members. */
export function completionRate(
  members: readonly TeamMember[],
  checkIns: readonly CheckIn[],
): number {
  const active = members.filter((m) => m.active);
  if (active.length === 0) return 0;
  const done = new Set(checkIns.map((c) => c.userId));
  return active.filter((m) => done.has(m.userId)).length / active.length;
}
