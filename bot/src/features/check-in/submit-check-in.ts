import {
  applyCheckIn,
  err,
  inCycleScope,
  ok,
  type CheckIn,
  type CheckInCardSubmission,
  type DomainError,
  type KeyResult,
  type Result,
} from '@bearing/core';
import {
  StoreConflictError,
  type CheckInStore,
  type OkrStore,
  type Versioned,
  type MemberContext,
} from '../common';
import { recordOpenItems, type OpenItemStore } from '../open-items';

/** What a stored check-in looks like to the caller. */
export interface SubmittedCheckIn {
  readonly checkIn: CheckIn;
  /** The key results before this submission (units, titles, baselines for the summary). */
  readonly keyResults: readonly KeyResult[];
  readonly replayed: boolean;
}

const ATTEMPTS = 3;

/**
 * Stores a check-in and the new key result values. Validation happens before any write, so bad
 * input changes nothing. The check-in and the key results it moves are written in one transactional
 * batch, each ETag-conditioned (all or nothing on Cosmos DB; the embedded store writes the check-in
 * first and stops at a failure). The check-in is the source of truth: key results a batch did not
 * store are then brought in line with it one by one. A replay
 * of the same submission (Teams retry, double click, a second device) writes nothing new but still
 * repairs key results a crash may have left behind, so the outcome is all-or-nothing to the user.
 */
export async function submitCheckIn(
  stores: {
    readonly okrs: OkrStore;
    readonly checkIns: CheckInStore;
    readonly openItems: OpenItemStore;
  },
  context: MemberContext,
  submission: CheckInCardSubmission,
  now: string,
): Promise<Result<SubmittedCheckIn>> {
  const { tenantId, userId } = context.user.value;
  const teamId = context.team.id;
  if (submission.teamId !== teamId || submission.cycleId !== context.cycle.id) {
    return err({
      code: 'CHECKIN.OUT_OF_DATE',
      message: 'This check-in card is out of date. Type "check in" for a new one.',
    });
  }
  // The usual submit is the week's first, so the first pass does not read the check-in: it tries
  // to create it (a create fails when one exists). Only a create that finds one, or input the
  // first pass refuses (a replay of a stored submission is answered from what is stored), reads
  // the week's check-in and decides from it, as every later pass does.
  let krs: Versioned<KeyResult>[] | undefined;
  for (let attempt = 0; attempt <= ATTEMPTS; attempt += 1) {
    const assumeNone = attempt === 0;
    // One round trip: the submitted key results (point reads) and, after the first pass, the
    // week's check-in. A pass after a lost create keeps the key results it read (their ETags
    // still guard their writes).
    const [read, existing] = await Promise.all([
      krs && attempt === 1 ? krs : submittedKeyResults(stores.okrs, context, submission),
      assumeNone
        ? undefined
        : stores.checkIns.getCheckIn(tenantId, teamId, userId, submission.week),
    ]);
    krs = read;
    const applied = applyCheckIn(
      krs.map((k) => k.value),
      existing?.value,
      { ...submission, tenantId, teamId, userId },
      now,
    );
    if (!applied.ok) {
      if (assumeNone) continue;
      return applied;
    }
    const author = context.member.displayName;
    if (applied.value.replayed) {
      await reconcileKeyResults(stores.okrs, applied.value.checkIn, krs, now);
      await recordOpenItems(stores.openItems, applied.value.checkIn, author, existing?.value);
      return ok({
        checkIn: applied.value.checkIn,
        keyResults: before(krs, applied.value.checkIn),
        replayed: true,
      });
    }
    // The check-in and the key results it moves in one round trip (all or nothing on Cosmos DB).
    const checkIn = applied.value.checkIn;
    const moved = krs.flatMap((k) => {
      const next = inLineWith(checkIn, k.value, now);
      return next ? [{ value: next, etag: k.etag }] : [];
    });
    const saved = await stores.checkIns.saveCheckInWithKeyResults(checkIn, existing?.etag, moved);
    // Another device or a retry wrote first: read again and decide from what is stored.
    if (!saved.checkIn.written && saved.checkIn.conflict) continue;
    if (!saved.checkIn.written) {
      // Not run: a key result changed since it was read, so nothing was stored. The check-in
      // alone, then the key results one by one (they re-read what changed).
      try {
        await stores.checkIns.saveCheckIn(checkIn, existing?.etag);
      } catch (error) {
        if (error instanceof StoreConflictError) continue;
        throw error;
      }
    }
    const unsaved = new Set(
      moved.filter((_, i) => !saved.keyResults[i]?.written).map((m) => m.value.id),
    );
    await reconcileKeyResults(
      stores.okrs,
      checkIn,
      krs.filter((k) => unsaved.has(k.value.id)),
      now,
    );
    // Blockers and decisions become open items; the check-in stays the source they follow from.
    await recordOpenItems(stores.openItems, applied.value.checkIn, author, existing?.value);
    return ok({
      checkIn: applied.value.checkIn,
      keyResults: before(krs, applied.value.checkIn),
      replayed: false,
    });
  }
  return err<DomainError>({
    code: 'CHECKIN.BUSY',
    message: 'Your check-in is being saved from another device. Try again in a moment.',
  });
}

/**
 * The key results the card submits, read by id (the card carries them; at most 20) and kept only
 * when the user owns them in the card's cycle's view (its quarter and that year's annual ones). Point reads instead of a query over the team: what
 * applyCheckIn then sees is the same, since it only looks at the submitted ids.
 */
async function submittedKeyResults(
  okrs: OkrStore,
  context: MemberContext,
  submission: CheckInCardSubmission,
): Promise<Versioned<KeyResult>[]> {
  const { tenantId, userId } = context.user.value;
  const ids = [...new Set(submission.updates.map((u) => u.keyResultId))];
  const found = await okrs.getKeyResults(tenantId, context.team.id, ids);
  return found.filter(
    (k): k is Versioned<KeyResult> =>
      k !== undefined && k.value.ownerId === userId && inCycleScope(context.cycle, k.value.cycleId),
  );
}

/** The key results as the check-in found them (previous values), for summaries. */
function before(krs: readonly Versioned<KeyResult>[], checkIn: CheckIn): KeyResult[] {
  const previous = new Map(checkIn.updates.map((u) => [u.keyResultId, u.previousValue]));
  return krs.map((k) => ({ ...k.value, current: previous.get(k.value.id) ?? k.value.current }));
}

/**
 * The key result as the check-in sets it; undefined when it already agrees, when the check-in
 * does not move it, or when someone changed it after the check-in (a later change wins).
 */
function inLineWith(checkIn: CheckIn, kr: KeyResult, now: string): KeyResult | undefined {
  const update = checkIn.updates.find((u) => u.keyResultId === kr.id);
  if (!update) return undefined;
  const inLine = kr.current === update.value && kr.confidence === update.confidence;
  const changedLater = kr.lastCheckInAt !== undefined && kr.lastCheckInAt > checkIn.updatedAt;
  if (inLine || changedLater) return undefined;
  return {
    ...kr,
    current: update.value,
    confidence: update.confidence,
    lastCheckInAt: checkIn.updatedAt,
    updatedAt: now,
  };
}

/** Makes each key result agree with the check-in unless someone changed it after the check-in. */
async function reconcileKeyResults(
  okrs: OkrStore,
  checkIn: CheckIn,
  krs: readonly Versioned<KeyResult>[],
  now: string,
): Promise<void> {
  // Each key result is its own document: bring them in line side by side, not one after another.
  await Promise.all(
    checkIn.updates.map(async (update) => {
      let current = krs.find((k) => k.value.id === update.keyResultId);
      for (let attempt = 1; current && attempt <= ATTEMPTS; attempt += 1) {
        const kr = current.value;
        const next = inLineWith(checkIn, kr, now);
        if (!next) break;
        try {
          await okrs.saveKeyResult(next, current.etag);
          break;
        } catch (error) {
          if (!(error instanceof StoreConflictError)) throw error;
          current = await okrs.getKeyResult(kr.tenantId, kr.teamId, kr.id);
        }
      }
    }),
  );
}
