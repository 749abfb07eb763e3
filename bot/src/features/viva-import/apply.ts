import {
  CHECKIN_TEXT_MAX,
  IMPORT_SUBMISSION_ID,
  UNASSIGNED_OWNER,
  type CheckIn,
  type ImportPlan,
  type KeyResult,
  type Kpi,
  type Objective,
  type Team,
  type VivaImportReport,
} from '@bearing/core';
import { StoreConflictError, type Versioned } from '../common';
import type { ImportStores } from './context';

/** Documents written concurrently in one batch. */
export const APPLY_BATCH = 25;

/** JSON with sorted keys and without the write times: equal when nothing that matters changed. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (key, v: unknown) =>
    key === 'createdAt' || key === 'updatedAt'
      ? undefined
      : v && typeof v === 'object' && !Array.isArray(v)
        ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => a.localeCompare(b)))
        : v,
  );
}

/** Writes `next` unless the stored version already says the same; true when it wrote. */
export async function upsert<T extends { createdAt?: string; updatedAt?: string }>(
  read: () => Promise<Versioned<T> | undefined>,
  merge: (planned: T, stored: T) => T,
  write: (doc: T, etag?: string) => Promise<unknown>,
  planned: T,
): Promise<boolean> {
  for (let attempt = 0; ; attempt += 1) {
    const stored = await read();
    const next = stored
      ? { ...merge(planned, stored.value), createdAt: stored.value.createdAt }
      : planned;
    if (stored && canonical(next) === canonical(stored.value)) return false;
    try {
      await write(next, stored?.etag);
      return true;
    } catch (error) {
      // Someone wrote meanwhile: read again and merge with what they wrote (at most twice).
      if (!(error instanceof StoreConflictError) || attempt >= 2) throw error;
    }
  }
}

/** An owner an admin assigned after an earlier import stays; so does a member's later progress. */
function keepOwner<T extends Objective | KeyResult>(planned: T, stored: T): T {
  if (planned.ownerId !== UNASSIGNED_OWNER || stored.ownerId === UNASSIGNED_OWNER) return planned;
  const { unmatchedOwner: _gone, ...origin } = planned.origin ?? { system: 'vivaGoals', id: '' };
  return { ...planned, ownerId: stored.ownerId, origin };
}

const mergeObjective = (p: Objective, s: Objective): Objective => ({
  ...keepOwner(p, s),
  status: s.status,
  ...(s.kpiIds ? { kpiIds: s.kpiIds } : {}),
  ...(s.retrospective ? { retrospective: s.retrospective } : {}),
  ...(s.score !== undefined ? { score: s.score } : {}),
});

function mergeKeyResult(p: KeyResult, s: KeyResult): KeyResult {
  const kept = {
    ...keepOwner(p, s),
    status: s.status,
    ...(s.score !== undefined ? { score: s.score } : {}),
  };
  // Check-ins made in Bearing after the export are newer than it: their value stays.
  if ((s.lastCheckInAt ?? '') > (p.lastCheckInAt ?? ''))
    return {
      ...kept,
      current: s.current,
      confidence: s.confidence,
      lastCheckInAt: s.lastCheckInAt,
    };
  return kept;
}

const mergeKpi = (p: Kpi, s: Kpi): Kpi => ({
  ...p,
  status: s.status,
  ...(s.episode ? { episode: s.episode } : {}),
  ...((s.lastReading?.at ?? '') > (p.lastReading?.at ?? '') ? { lastReading: s.lastReading } : {}),
});

const mergeTeam = (p: Team, s: Team): Team => ({
  ...s,
  name: p.name,
  ...(p.parentTeamId ? { parentTeamId: p.parentTeamId } : {}),
});

/**
 * A member's own check-in that week stays: imported updates join it for key results it lacks, and
 * the imported notes follow its own.
 * Another import's check-in (same person, team and week) keeps its other key results' updates.
 */
export function mergeCheckIn(p: CheckIn, s: CheckIn): CheckIn {
  const planned = new Set(p.updates.map((u) => u.keyResultId));
  const joined = () => {
    const text =
      p.whatChanged && !s.whatChanged?.includes(p.whatChanged)
        ? [s.whatChanged, p.whatChanged].filter(Boolean).join('\n\n')
        : s.whatChanged;
    return text ? { whatChanged: text.slice(0, CHECKIN_TEXT_MAX) } : {};
  };
  if (s.submissionId !== IMPORT_SUBMISSION_ID) {
    const have = new Set(s.updates.map((u) => u.keyResultId));
    const updates = [...s.updates, ...p.updates.filter((u) => !have.has(u.keyResultId))];
    return { ...s, updates, ...joined() };
  }
  const others = s.updates.filter((u) => !planned.has(u.keyResultId));
  if (others.length === 0) return p;
  return {
    ...p,
    updates: [...others, ...p.updates].sort((a, b) => a.keyResultId.localeCompare(b.keyResultId)),
    ...joined(),
  };
}

/**
 * Writes a plan: teams, objectives, key results, KPIs, readings, then check-ins, in batches of
 * {@link APPLY_BATCH}. Each document is read first and written only when it differs, so a repeated
 * import writes nothing and an import that stopped half-way (crash, timeout) finishes when re-run.
 */
export async function applyPlan(
  stores: ImportStores,
  plan: ImportPlan,
  onBatch: (done: number, total: number) => void = () => {},
): Promise<Pick<VivaImportReport, 'written' | 'batches'>> {
  const written = { teams: 0, objectives: 0, keyResults: 0, kpis: 0, checkIns: 0, readings: 0 };
  type Kind = keyof typeof written;
  /** One task per planned document of a kind: read it, merge, write when it differs. */
  const upserts = <T extends { createdAt?: string; updatedAt?: string }>(
    kind: Kind,
    planned: readonly T[],
    read: (doc: T) => Promise<Versioned<T> | undefined>,
    merge: (planned: T, stored: T) => T,
    write: (doc: T, etag?: string) => Promise<unknown>,
  ) => planned.map((doc) => [kind, () => upsert(() => read(doc), merge, write, doc)] as const);
  const { teams, okrs, kpis, checkIns } = stores;
  const tasks: (readonly [Kind, () => Promise<boolean>])[] = [
    ...upserts(
      'teams',
      plan.teams,
      (t) => teams.getTeam(t.tenantId, t.id),
      mergeTeam,
      (d, e) => teams.saveTeam(d, e),
    ),
    ...upserts(
      'objectives',
      plan.objectives,
      (o) => okrs.getObjective(o.tenantId, o.teamId, o.id),
      mergeObjective,
      (d, e) => okrs.saveObjective(d, e),
    ),
    ...upserts(
      'keyResults',
      plan.keyResults,
      (k) => okrs.getKeyResult(k.tenantId, k.teamId, k.id),
      mergeKeyResult,
      (d, e) => okrs.saveKeyResult(d, e),
    ),
    ...upserts(
      'kpis',
      plan.kpis,
      (k) => kpis.getKpi(k.tenantId, k.teamId, k.id),
      mergeKpi,
      (d, e) => kpis.saveKpi(d, e),
    ),
    ...plan.readings.map((r) => ['readings', () => kpis.addReading(r)] as const),
    ...upserts(
      'checkIns',
      plan.checkIns,
      (c) => checkIns.getCheckIn(c.tenantId, c.teamId, c.userId, c.week),
      mergeCheckIn,
      (d, e) => checkIns.saveCheckIn(d, e),
    ),
  ];
  let batches = 0;
  // Kinds in order (objectives before their key results), batches within a kind.
  for (let i = 0; i < tasks.length;) {
    const kind = tasks[i]![0];
    let end = i;
    while (end < tasks.length && end - i < APPLY_BATCH && tasks[end]![0] === kind) end += 1;
    const results = await Promise.all(tasks.slice(i, end).map(([, run]) => run()));
    written[kind] += results.filter(Boolean).length;
    batches += 1;
    i = end;
    onBatch(i, tasks.length);
  }
  return { written, batches };
}
