import type { Instant, IsoWeek, TeamId, TenantId, UserId } from '../common/ids';
import { err, ok, type DomainError, type Result } from '../common/result';
import type { Confidence, KeyResult } from '../okr/types';
import { CHECKIN_TEXT_MAX, type CheckIn } from './types';

/** A validated check-in submission (from a card or the tab). */
export interface CheckInSubmission {
  readonly tenantId: TenantId;
  readonly teamId: TeamId;
  readonly userId: UserId;
  readonly cycleId: string;
  readonly week: IsoWeek;
  readonly submissionId: string;
  readonly nothingChanged: boolean;
  readonly updates: readonly { keyResultId: string; value: number; confidence: Confidence }[];
  readonly whatChanged?: string;
  readonly blockers?: string;
  readonly decisionNeeded?: string;
}

/** What to store: the week's check-in and the key results it changed. */
export interface AppliedCheckIn {
  readonly checkIn: CheckIn;
  readonly keyResults: readonly KeyResult[];
  /** True when this exact submission was already stored (a retry or double click). */
  readonly replayed: boolean;
}

const fail = (code: string, message: string, field?: string): Result<never> =>
  err<DomainError>({ code, message, ...(field ? { field } : {}) });

/** Input id of a KR's value (so errors land next to the right card input). */
export const valueField = (keyResultId: string) => `kr.${keyResultId}.value`;

function checkValue(kr: KeyResult, value: number): Result<never> | undefined {
  const field = valueField(kr.id);
  if (!Number.isFinite(value) || Math.abs(value) > 1e15) {
    return fail('CHECKIN.VALUE_OUT_OF_RANGE', 'Enter a number.', field);
  }
  if (kr.type === 'boolean' && value !== 0 && value !== 1) {
    return fail('CHECKIN.VALUE_OUT_OF_RANGE', 'Choose done or not done.', field);
  }
  if (kr.type === 'milestone' && (!Number.isInteger(value) || value < 0 || value > kr.target)) {
    return fail('CHECKIN.VALUE_OUT_OF_RANGE', `Choose a milestone from 0 to ${kr.target}.`, field);
  }
  return undefined;
}

/**
 * Applies a submission to the user's key results and the week's existing check-in (if any).
 * An edit replaces the week's check-in, but deltas stay measured from before the first submission.
 */
export function applyCheckIn(
  keyResults: readonly KeyResult[],
  existing: CheckIn | undefined,
  submission: CheckInSubmission,
  now: Instant,
): Result<AppliedCheckIn> {
  if (existing && existing.submissionId === submission.submissionId) {
    const touched = keyResults.filter((k) => existing.updates.some((u) => u.keyResultId === k.id));
    return ok({ checkIn: existing, keyResults: touched, replayed: true });
  }
  for (const [field, text] of [
    ['whatChanged', submission.whatChanged],
    ['blockers', submission.blockers],
    ['decisionNeeded', submission.decisionNeeded],
  ] as const) {
    if (text !== undefined && text.length > CHECKIN_TEXT_MAX) {
      return fail(
        'CHECKIN.TEXT_TOO_LONG',
        `Keep this under ${CHECKIN_TEXT_MAX} characters.`,
        field,
      );
    }
  }
  const byId = new Map(keyResults.map((k) => [k.id, k]));
  const seen = new Set<string>();
  for (const u of submission.updates) {
    const kr = byId.get(u.keyResultId);
    if (!kr || kr.status !== 'active') {
      return fail(
        'CHECKIN.UNKNOWN_KEY_RESULT',
        'This key result is not yours to update.',
        valueField(u.keyResultId),
      );
    }
    if (seen.has(u.keyResultId)) {
      return fail(
        'CHECKIN.DUPLICATE_KEY_RESULT',
        'Each key result can be updated once.',
        valueField(u.keyResultId),
      );
    }
    seen.add(u.keyResultId);
    if (!submission.nothingChanged) {
      const bad = checkValue(kr, u.value);
      if (bad) return bad;
    }
  }

  const firstValues = new Map(existing?.updates.map((u) => [u.keyResultId, u.previousValue]));
  const updates = submission.updates.map((u) => {
    const kr = byId.get(u.keyResultId) as KeyResult;
    const value = submission.nothingChanged ? kr.current : u.value;
    return {
      keyResultId: kr.id,
      previousValue: firstValues.get(kr.id) ?? kr.current,
      value,
      confidence: u.confidence,
    };
  });
  const changed = updates.map((u) => {
    const kr = byId.get(u.keyResultId) as KeyResult;
    return {
      ...kr,
      current: u.value,
      confidence: u.confidence,
      lastCheckInAt: now,
      updatedAt: now,
    };
  });
  const checkIn: CheckIn = {
    tenantId: submission.tenantId,
    teamId: submission.teamId,
    userId: submission.userId,
    cycleId: submission.cycleId,
    week: submission.week,
    updates,
    nothingChanged: submission.nothingChanged,
    ...(submission.whatChanged ? { whatChanged: submission.whatChanged } : {}),
    ...(submission.blockers ? { blockers: submission.blockers } : {}),
    ...(submission.decisionNeeded ? { decisionNeeded: submission.decisionNeeded } : {}),
    submissionId: submission.submissionId,
    submittedAt: existing?.submittedAt ?? now,
    updatedAt: now,
  };
  return ok({ checkIn, keyResults: changed, replayed: false });
}
