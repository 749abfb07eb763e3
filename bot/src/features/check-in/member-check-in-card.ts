import {
  en,
  evaluateKpi,
  memberLocale,
  type KeyResult,
  type Kpi,
  type TeamMember,
} from '@bearing/core';
import type { AdaptiveCard, CardElement, UserProfile } from '../common';
import { buildCheckInCard } from './check-in-card';

/** Guardrail lines per objective id. */
export type GuardrailNotes = ReadonlyMap<string, readonly string[]>;

/**
 * Guardrail lines per objective: the KPIs that guard it and are in warning or breach now (from
 * each KPI's latest reading). Computed once per team and shared by its members' cards.
 */
export function guardrailNotes(kpis: readonly Kpi[], now: Date): GuardrailNotes {
  const notes = new Map<string, string[]>();
  for (const kpi of kpis) {
    if (kpi.status !== 'active' || !kpi.lastReading || kpi.guardsObjectiveIds.length === 0)
      continue;
    const { status } = evaluateKpi(kpi, [kpi.lastReading], now.toISOString());
    if (status !== 'warning' && status !== 'breach') continue;
    const line = en.checkIn.guardrail[status](kpi.name);
    for (const objectiveId of kpi.guardsObjectiveIds)
      notes.set(objectiveId, [...(notes.get(objectiveId) ?? []), line]);
  }
  return notes;
}

/** Everything one member's check-in card is made of (however it was read from the store). */
export interface MemberCheckIn {
  readonly user: UserProfile;
  readonly member: TeamMember;
  readonly team: { readonly id: string; readonly name: string };
  readonly cycleId: string;
  readonly week: string;
  /** The key results the member owns this cycle (inactive ones are left off the card). */
  readonly keyResults: readonly KeyResult[];
  readonly objectiveTitles: ReadonlyMap<string, string>;
  readonly guardrails: GuardrailNotes;
  readonly submissionId: string;
  /** The member's own blockers and decisions (open ones to withdraw, recent outcomes), built by open-items. */
  readonly openItems?: readonly CardElement[];
  /** What the user entered and what to fix, when the card comes back after a failed submit. */
  readonly values?: Record<string, string>;
  readonly errors?: Record<string, string>;
}

/** The member's active key results this cycle (what their check-in card asks about). */
export const checkInKeyResults = (krs: readonly KeyResult[]) =>
  krs.filter((k) => k.status === 'active');

/**
 * The one builder of a member's check-in card: used by the `check in` command and the card's
 * buttons, and by the scheduled weekly card, reminder and snooze. Undefined when the member has no
 * active key result to check in on.
 */
export function memberCheckInCard(input: MemberCheckIn): AdaptiveCard | undefined {
  const krs = checkInKeyResults(input.keyResults);
  if (krs.length === 0) return undefined;
  const card = buildCheckInCard({
    userName: input.user.displayName || input.member.displayName,
    teamId: input.team.id,
    teamName: input.team.name,
    cycleId: input.cycleId,
    week: input.week,
    submissionId: input.submissionId,
    locale: memberLocale(input.member, input.user),
    keyResults: krs.map((keyResult) => ({
      keyResult,
      objectiveTitle: input.objectiveTitles.get(keyResult.objectiveId) ?? '',
      guardrailNotes: input.guardrails.get(keyResult.objectiveId) ?? [],
    })),
    ...(input.values ? { values: input.values } : {}),
    ...(input.errors ? { errors: input.errors } : {}),
  });
  // The member's items go below the form, so the card's own layout stays as it is.
  const items = input.openItems ?? [];
  return items.length ? { ...card, body: [...card.body, ...items] } : card;
}
