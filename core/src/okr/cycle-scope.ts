import { cycleById, nextCycle, previousCycle, quartersOf, yearOf } from './cycles';
import type { Cycle } from './types';

// The one rule of what a view of a cycle contains, used by every view, card and job. Objectives
// and key results each carry their own `cycleId` (a key result's may differ from its objective's:
// an annual objective holds quarterly key results). An item is in the view of cycle C when its
// own cycle id is one of `cycleScope(C)`:
//   - a quarter shows the items of that quarter and the annual items of its fiscal year;
//   - a fiscal year shows its annual items and the items of its four quarters.
// So a quarterly key result under an annual objective is shown (and on the check-in card) in its
// own quarter only, and an annual key result in every quarter of its year. Cycle ids name their
// fiscal year (`FY2026-Q2` is in `FY2026`), so the scope needs no fiscal start month; the dates
// of a quarter do, and come from the cycle built with the organisation's start month.

/** The stored cycle ids a view of `cycle` reads: its own first, then the related ones. */
export function cycleScope(cycle: Cycle): readonly string[] {
  return cycle.kind === 'year'
    ? [cycle.id, ...quartersOf(cycle).map((q) => q.id)]
    : [cycle.id, yearOf(cycle).id];
}

/** `cycleScope` of a cycle named by its id (a malformed id scopes to itself). */
export function cycleScopeOf(cycleId: string): readonly string[] {
  const cycle = cycleById(cycleId, 1);
  return cycle ? cycleScope(cycle) : [cycleId];
}

/** Is an item of cycle `itemCycleId` part of the view of `cycle`? */
export function inCycleScope(cycle: Cycle, itemCycleId: string): boolean {
  return cycleScope(cycle).includes(itemCycleId);
}

/**
 * May a key result of `keyResultCycleId` sit under an objective of `objectiveCycleId`? Its own
 * cycle always; under an annual objective also one of that year's quarters.
 */
export function keyResultCycleFits(objectiveCycleId: string, keyResultCycleId: string): boolean {
  if (keyResultCycleId === objectiveCycleId) return true;
  return (
    cycleKindOf(objectiveCycleId) === 'year' &&
    cycleScopeOf(objectiveCycleId).includes(keyResultCycleId)
  );
}

/** The kind of a cycle id (`FY2026` a year, `FY2026-Q2` a quarter); undefined when malformed. */
export function cycleKindOf(cycleId: string): Cycle['kind'] | undefined {
  return cycleById(cycleId, 1)?.kind;
}

/**
 * Does closing `cycle` close an item of `itemCycleId`? Closing a quarter closes that quarter's
 * items only (annual objectives and key results stay open; the quarter's key results under them
 * are scored). Closing a fiscal year closes its annual items and whatever of its quarters is
 * still open (the caller skips what an earlier quarter close already closed).
 */
export function closesWithCycle(cycle: Cycle, itemCycleId: string): boolean {
  return cycle.kind === 'year' ? inCycleScope(cycle, itemCycleId) : itemCycleId === cycle.id;
}

/**
 * Where a carried-over item goes when `closing` is closed: an annual item into the next fiscal
 * year, a quarterly one into the next quarter.
 */
export function carryTarget(closing: Cycle, itemCycleId: string, fiscalStartMonth: number): Cycle {
  const own = cycleById(itemCycleId, fiscalStartMonth) ?? closing;
  return nextCycle(own, fiscalStartMonth);
}

/**
 * The cycles a picker offers around `cycle`: the fiscal year before, the fiscal year of `cycle`
 * followed by its four quarters, and the fiscal year after. Always contains `cycle`.
 */
export function cycleChoices(cycle: Cycle, fiscalStartMonth: number): Cycle[] {
  const year = yearOf(cycle);
  return [
    nextCycle(year, fiscalStartMonth),
    year,
    ...quartersOf(year),
    previousCycle(year, fiscalStartMonth),
  ];
}
