import type { Instant } from '../common/ids';
import { kpiRangeStatus } from '../kpi/range';
import type { Kpi } from '../kpi/types';
import { cycleById } from '../okr/cycles';
import type { KeyResult, Objective } from '../okr/types';
import { LINT_MESSAGES as M } from './messages';
import { isTaskLikeTitle, nameOverlap } from './rules';

/** Stable codes of the failure modes the product catches. */
export type LintCode =
  | 'LINT.OKR_SOUP'
  | 'LINT.TOO_FEW_KRS'
  | 'LINT.TOO_MANY_KRS'
  | 'LINT.UNMEASURABLE_KR'
  | 'LINT.TASK_LIKE_KR'
  | 'LINT.KPI_COSPLAY'
  | 'LINT.DRIFT'
  | 'LINT.INDIVIDUAL_OKR';

export interface LintWarning {
  readonly code: LintCode;
  readonly severity: 'info' | 'warning';
  readonly message: string;
  readonly objectiveId?: string;
  readonly keyResultId?: string;
}

export const MAX_OBJECTIVES = 5;
export const DRIFT_DAYS = 14;
const DAY = 86_400_000;

/** Lints one key result title as the user types (task-like titles). */
export function lintKeyResultTitle(title: string): LintWarning[] {
  return isTaskLikeTitle(title)
    ? [{ code: 'LINT.TASK_LIKE_KR', severity: 'warning', message: M.taskLike }]
    : [];
}

/** Lints a key result on its own: measurable target, task-like title, KPI cosplay. */
export function lintKeyResult(kr: KeyResult, kpis: readonly Kpi[] = []): LintWarning[] {
  const at = { objectiveId: kr.objectiveId, keyResultId: kr.id };
  const out: LintWarning[] = lintKeyResultTitle(kr.title).map((w) => ({ ...w, ...at }));
  const numeric = kr.type === 'number' || kr.type === 'percent' || kr.type === 'currency';
  if (numeric && (kr.baseline === kr.target || ![kr.baseline, kr.target].every(Number.isFinite))) {
    out.push({ code: 'LINT.UNMEASURABLE_KR', severity: 'warning', message: M.unmeasurable, ...at });
  }
  // A KR whose baseline and target both sit inside a KPI's healthy range only maintains that KPI.
  const cosplay = kpis.find(
    (k) =>
      k.status === 'active' &&
      nameOverlap(kr.title, k.name) >= 0.6 &&
      kpiRangeStatus(k, kr.baseline) !== 'breach' &&
      kpiRangeStatus(k, kr.target) !== 'breach',
  );
  if (cosplay)
    out.push({
      code: 'LINT.KPI_COSPLAY',
      severity: 'warning',
      message: M.kpiCosplay(cosplay.name),
      ...at,
    });
  return out;
}

/** How many items there are per cycle id. */
function countByCycle(items: readonly { readonly cycleId: string }[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const i of items) counts.set(i.cycleId, (counts.get(i.cycleId) ?? 0) + 1);
  return counts;
}

/**
 * The key results an objective is judged by for "2–5 key results": those of its own cycle plus
 * the busiest other cycle. An annual objective holding two quarterly key results a quarter has
 * two, in a quarter's view and in the year's (not eight).
 */
function countedKeyResults(o: Objective, krs: readonly KeyResult[]): number {
  const counts = countByCycle(krs);
  const own = counts.get(o.cycleId) ?? 0;
  counts.delete(o.cycleId);
  return own + Math.max(0, ...counts.values());
}

/** Is `now` inside the key result's own cycle? True when its cycle cannot be told. */
function cycleRuns(k: KeyResult, now: number, fiscalStartMonth: number | undefined): boolean {
  const cycle = fiscalStartMonth ? cycleById(k.cycleId, fiscalStartMonth) : undefined;
  if (!cycle) return true;
  return (
    now >= Date.parse(`${cycle.start}T00:00:00Z`) && now < Date.parse(`${cycle.end}T00:00:00Z`)
  );
}

/**
 * Lints a team's OKRs of one cycle's view (a quarter with its year's annual items, or a year with
 * its quarters') against every failure mode in SPEC.md. Each rule looks at the right cycle: OKR
 * soup counts objectives per cycle (annual and quarterly apart), key result counts per cycle of
 * the objective, and drift only while the key result's own cycle runs (with `fiscalStartMonth`).
 */
export function lintTeamOkrs(input: {
  readonly objectives: readonly Objective[];
  readonly keyResults: readonly KeyResult[];
  readonly kpis?: readonly Kpi[];
  readonly now: Instant;
  /** The organisation's fiscal start month, to date each item's own cycle. */
  readonly fiscalStartMonth?: number;
}): LintWarning[] {
  const objectives = input.objectives.filter((o) => o.status === 'active' || o.status === 'draft');
  const out: LintWarning[] = [];
  const perCycle = countByCycle(objectives.filter((o) => o.level !== 'company'));
  for (const n of perCycle.values()) {
    if (n > MAX_OBJECTIVES)
      out.push({ code: 'LINT.OKR_SOUP', severity: 'warning', message: M.okrSoup(n) });
  }
  const now = Date.parse(input.now);
  for (const o of objectives) {
    const krs = input.keyResults.filter((k) => k.objectiveId === o.id && k.status === 'active');
    const counted = countedKeyResults(o, krs);
    if (o.level === 'individual') {
      out.push({
        code: 'LINT.INDIVIDUAL_OKR',
        severity: 'info',
        message: M.individual,
        objectiveId: o.id,
      });
    }
    if (counted < 2)
      out.push({
        code: 'LINT.TOO_FEW_KRS',
        severity: 'warning',
        message: M.tooFewKrs,
        objectiveId: o.id,
      });
    if (counted > 5) {
      out.push({
        code: 'LINT.TOO_MANY_KRS',
        severity: 'warning',
        message: M.tooManyKrs(counted),
        objectiveId: o.id,
      });
    }
    for (const k of krs) {
      out.push(...lintKeyResult(k, input.kpis));
      const last = Date.parse(k.lastCheckInAt ?? k.createdAt);
      const days = Math.floor((now - last) / DAY);
      const running = cycleRuns(k, now, input.fiscalStartMonth);
      if (o.status === 'active' && days >= DRIFT_DAYS && running) {
        out.push({
          code: 'LINT.DRIFT',
          severity: 'warning',
          message: M.drift(days),
          objectiveId: o.id,
          keyResultId: k.id,
        });
      }
    }
  }
  return out;
}
