import type { KeyResultHistoryPoint } from '../api/tab-views';
import type { CheckIn } from '../checkin/types';
import { keyResultProgress } from './progress';
import type { KeyResult, Objective } from './types';

/** Each key result's value per check-in week (the latest submission of a week wins), oldest first. */
export function historyOf(
  keyResults: readonly KeyResult[],
  checkIns: readonly CheckIn[],
): Map<string, KeyResultHistoryPoint[]> {
  const byKr = new Map(
    keyResults.map((k) => [k.id, new Map<string, KeyResultHistoryPoint & { at: string }>()]),
  );
  for (const c of checkIns) {
    for (const u of c.updates) {
      const kr = keyResults.find((k) => k.id === u.keyResultId);
      const weeks = byKr.get(u.keyResultId);
      if (!kr || !weeks) continue;
      const seen = weeks.get(c.week);
      if (seen && seen.at > c.submittedAt) continue;
      weeks.set(c.week, {
        week: c.week,
        value: u.value,
        progress: keyResultProgress({ ...kr, current: u.value }),
        confidence: u.confidence,
        at: c.submittedAt,
      });
    }
  }
  return new Map(
    [...byKr].map(([id, weeks]) => [
      id,
      [...weeks.values()]
        .sort((a, b) => a.week.localeCompare(b.week))
        .map(({ at: _at, ...p }) => p),
    ]),
  );
}

/**
 * The key results that count: active ones of objectives that are not archived, each with its
 * objective's title, in the order given. `keyResultOf` reads the key result out of each item
 * (items may wrap it, e.g. with an ETag).
 */
export function liveKeyResults<K>(
  objectives: readonly Pick<Objective, 'id' | 'title' | 'status'>[],
  items: readonly K[],
  keyResultOf: (item: K) => Pick<KeyResult, 'status' | 'objectiveId'>,
): { keyResult: K; objectiveTitle: string }[] {
  const titles = new Map(
    objectives.filter((o) => o.status !== 'archived').map((o) => [o.id, o.title]),
  );
  return items.flatMap((item) => {
    const k = keyResultOf(item);
    const objectiveTitle = titles.get(k.objectiveId);
    return k.status === 'active' && objectiveTitle !== undefined
      ? [{ keyResult: item, objectiveTitle }]
      : [];
  });
}
