import type { Confidence, Direction, ImportOrigin, KeyResult, KeyResultType } from '../okr/types';
import type { Kpi } from '../kpi/types';
import type { VivaItem } from './viva-types';

export interface MappedOutcome {
  readonly type: KeyResultType;
  readonly unit?: string;
  readonly baseline: number;
  readonly target: number;
  readonly direction: Direction;
  /** `Stay Above` / `Stay Below`: a range to stay in (a KPI guardrail), not a change to make. */
  readonly guardrail?: 'above' | 'below';
  /** What was decided, for the preview. */
  readonly decision: string;
}

/** Viva `Metric Unit` → Bearing key result type and unit. */
const UNITS: Record<string, { type: KeyResultType; unit?: string }> = {
  number: { type: 'number' },
  percentage: { type: 'percent', unit: '%' },
  percent: { type: 'percent', unit: '%' },
  '%': { type: 'percent', unit: '%' },
  dollar: { type: 'currency', unit: 'USD' },
  usd: { type: 'currency', unit: 'USD' },
  euro: { type: 'currency', unit: 'EUR' },
  eur: { type: 'currency', unit: 'EUR' },
  pound: { type: 'currency', unit: 'GBP' },
  gbp: { type: 'currency', unit: 'GBP' },
  yen: { type: 'currency', unit: 'JPY' },
  rupee: { type: 'currency', unit: 'INR' },
};

/**
 * A Viva outcome as a Bearing key result: `Increase From` / `Reach` increase and `Decrease From`
 * decreases from `Start` (the baseline) to `Target`; without a target type the direction follows
 * the numbers. `Percentage` outcomes (progress only) are percent key results from 0 to 100.
 */
export function mapOutcome(item: VivaItem): MappedOutcome {
  const o = item.outcome;
  if (!o || o.kind === 'percentage')
    return {
      type: 'percent',
      unit: '%',
      baseline: 0,
      target: 100,
      direction: 'increase',
      decision: 'Percentage outcome → percent key result 0 → 100 %',
    };
  const unitKey = (o.unit ?? 'number').toLowerCase();
  const unit = UNITS[unitKey] ?? { type: 'number' as const, unit: o.unit };
  const baseline = o.start ?? 0;
  const target = o.target ?? baseline;
  const kind = (o.targetType ?? '').toLowerCase();
  const known = UNITS[unitKey] ? '' : ` (unit "${o.unit}" kept as text)`;
  const base = { type: unit.type, ...(unit.unit ? { unit: unit.unit } : {}), baseline, target };
  if (kind === 'stay above' || kind === 'stay below') {
    const above = kind === 'stay above';
    return {
      ...base,
      baseline: target,
      direction: above ? 'increase' : 'decrease',
      guardrail: above ? 'above' : 'below',
      decision: `${o.targetType} outcome → guardrail (KPI when guardrails=kpi, else a key result)`,
    };
  }
  const direction: Direction =
    kind === 'decrease from'
      ? 'decrease'
      : kind === 'increase from' || kind === 'reach'
        ? 'increase'
        : target < baseline
          ? 'decrease'
          : 'increase';
  return {
    ...base,
    direction,
    decision: `${o.targetType ?? 'Metric without target type'} → ${direction} key result${known}`,
  };
}

/** Viva `Status` → Bearing confidence, with what the preview says about it. */
export function confidenceOf(status: string | undefined): {
  confidence: Confidence;
  stated: boolean;
} {
  switch ((status ?? '').toLowerCase()) {
    case 'on track':
      return { confidence: 'onTrack', stated: false };
    case 'behind':
    case 'at risk':
      return { confidence: 'atRisk', stated: false };
    default:
      // Not Started, Closed, Postponed, none: no signal of risk; the preview states the choice.
      return { confidence: 'onTrack', stated: true };
  }
}

/** A `Stay Above` / `Stay Below` outcome as a KPI guarding its objective (when the admin chose KPIs). */
export function guardrailKpi(
  item: VivaItem,
  outcome: MappedOutcome,
  base: {
    readonly tenantId: string;
    readonly teamId: string;
    readonly ownerId: string;
    readonly createdAt: string;
    readonly updatedAt: string;
  },
  objectiveId: string,
): Kpi {
  const above = outcome.guardrail === 'above';
  return {
    ...base,
    id: `viva-kpi-${item.vivaId}`,
    name: item.title.slice(0, 200),
    formula: item.outcome?.metricName ?? item.title.slice(0, 200),
    dataSource: 'Viva Goals check-ins (imported)',
    updateFrequency: 'weekly',
    unit: outcome.unit ?? '',
    direction: above ? 'higherIsBetter' : 'lowerIsBetter',
    target: above ? { min: outcome.target } : { max: outcome.target },
    warningMargin: 0,
    guardsObjectiveIds: [objectiveId],
    status: 'active',
  };
}

/**
 * The key result of an imported item: a milestone (a `Project`: one milestone, done when closed or
 * at 100 %) or the mapped outcome, starting at its baseline (percent outcomes at their progress).
 */
export function importedKeyResult(
  item: VivaItem,
  outcome: MappedOutcome | 'milestone',
  base: Pick<
    KeyResult,
    | 'tenantId'
    | 'id'
    | 'teamId'
    | 'objectiveId'
    | 'cycleId'
    | 'title'
    | 'ownerId'
    | 'createdAt'
    | 'updatedAt'
  > & { readonly origin: ImportOrigin },
): KeyResult {
  const common = { ...base, confidence: 'onTrack' as const, status: 'active' as const };
  if (outcome === 'milestone') {
    const done = (item.progress ?? 0) >= 100 || /^closed$/i.test(item.status ?? '');
    return {
      ...common,
      type: 'milestone',
      baseline: 0,
      target: 1,
      current: done ? 1 : 0,
      direction: 'increase',
      milestones: [base.title],
    };
  }
  return {
    ...common,
    type: outcome.type,
    ...(outcome.unit ? { unit: outcome.unit } : {}),
    baseline: outcome.baseline,
    target: outcome.target,
    current: item.outcome?.kind === 'metric' ? outcome.baseline : (item.progress ?? 0),
    direction: outcome.direction,
  };
}
