import type { CheckIn } from '@bearing/core';

/**
 * The check-ins (oldest first) that wrote `field`, one per author and text: a note repeated in a
 * later check-in shows once, from its latest check-in, with the week it was first written.
 */
export function openNotes(
  checkIns: readonly CheckIn[],
  field: 'whatChanged' | 'blockers' | 'decisionNeeded',
): { c: CheckIn; since: string }[] {
  const found = new Map<string, { c: CheckIn; since: string }>();
  for (const c of checkIns) {
    const text = c[field]?.trim();
    if (!text) continue;
    const key = `${c.userId}\u0000${text}`;
    const since = found.get(key)?.since ?? c.week;
    found.delete(key);
    found.set(key, { c, since });
  }
  return [...found.values()];
}
