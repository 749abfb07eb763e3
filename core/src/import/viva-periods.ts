import { containingCycle, fiscalYearFor } from '../okr/cycles';
import { normalName } from './values';
import type { VivaExport, VivaItem } from './viva-types';

export interface CycleMapping {
  readonly period: string;
  readonly cycleId: string;
  readonly exact: boolean;
  readonly items: number;
}

/**
 * Viva time periods → Bearing cycles: an item's own dates, else its period's, land in the
 * smallest cycle that contains them (a quarter or the fiscal year); a range wider than a fiscal
 * year goes to the fiscal year it starts in, with a warning. The report counts items per period.
 */
export function periodResolver(
  data: VivaExport,
  fiscalStartMonth: number,
  warn: (code: string, message: string, source?: string) => void,
) {
  const ctx = { fiscalStartMonth };
  const periodById = new Map(data.periods.filter((p) => p.vivaId).map((p) => [p.vivaId!, p]));
  const periodByName = new Map(data.periods.map((p) => [normalName(p.name), p]));
  const cycleReport = new Map<
    string,
    { period: string; cycleId: string; exact: boolean; items: number }
  >();
  const cycleOf = (item: VivaItem): string | undefined => {
    const period =
      (item.periodId && periodById.get(item.periodId)) ||
      (item.periodName ? periodByName.get(normalName(item.periodName)) : undefined);
    const start = item.start ?? period?.start;
    const end = item.end ?? period?.end;
    if (!start || !end) return undefined;
    const name = item.periodName ?? period?.name ?? `${start} – ${end}`;
    const found = containingCycle(start, end, ctx.fiscalStartMonth);
    const cycle = found?.cycle ?? fiscalYearFor(start, ctx.fiscalStartMonth);
    const key = `${name}|${cycle.id}`;
    const r = cycleReport.get(key);
    cycleReport.set(key, {
      period: name,
      cycleId: cycle.id,
      exact: found?.exact ?? false,
      items: (r?.items ?? 0) + 1,
    });
    if (!r && !found)
      warn(
        'period.spans',
        `Period "${name}" (${start} – ${end}) spans more than one fiscal year; its items go to ${cycle.id}.`,
      );
    return cycle.id;
  };

  return { cycleOf, report: (): CycleMapping[] => [...cycleReport.values()] };
}
