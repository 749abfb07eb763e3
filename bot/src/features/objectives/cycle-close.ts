import {
  carryOver,
  cycleById,
  keyResultProgress,
  nextCycle,
  objectiveScore,
  ok,
  suggestedScore,
  type CloseCycleRequest,
  type CycleCloseResponse,
  type KeyResult,
  type Objective,
  type Result,
} from '@bearing/core';
import {
  StoreConflictError,
  type OkrStore,
  type OrganizationStore,
  type TeamSnapshot,
  type TeamStore,
  conflict,
  cycleRef,
  invalid,
  roleIn,
  teamNotFound,
  type Caller,
} from '../common';

type Stores = {
  readonly teams: TeamStore;
  readonly okrs: OkrStore;
  readonly organizations: OrganizationStore;
};

/** Ids of a carried-over copy: derived from the source and the next cycle, so a retry finds them. */
export const carriedId = (id: string, nextCycleId: string) => `${id}.${nextCycleId}`.slice(0, 128);

async function load(
  stores: Stores,
  caller: Caller,
  teamId: string,
  cycleId: string,
  write: boolean,
) {
  const role = await roleIn(stores.teams, caller, teamId, write);
  if (!role.ok) return role;
  const org = await stores.organizations.getOrganization(caller.tenantId);
  const fiscal = org?.value.fiscalStartMonth ?? 1;
  const cycle = cycleById(cycleId, fiscal);
  if (!cycle) return invalid('Unknown cycle.', 'cycleId');
  const snapshot = await stores.teams.loadTeamSnapshot(caller.tenantId, teamId, cycle.id, []);
  if (!snapshot) return teamNotFound;
  return ok({ cycle, next: nextCycle(cycle, fiscal), snapshot });
}

function summary(
  snapshot: TeamSnapshot,
  cycle: ReturnType<typeof cycleRef>,
  next: ReturnType<typeof cycleRef>,
  carried: CycleCloseResponse['carriedOver'],
): CycleCloseResponse {
  const objectives = snapshot.objectives.map((o) => o.value).filter((o) => o.status !== 'archived');
  const krsOf = (id: string) =>
    snapshot.keyResults
      .map((k) => k.value)
      .filter((k) => k.objectiveId === id && k.status === 'active');
  return {
    cycle,
    nextCycle: next,
    closed: objectives.length > 0 && objectives.every((o) => o.status === 'closed'),
    objectives: objectives.map((o) => ({
      objectiveId: o.id,
      title: o.title,
      status: o.status,
      ...(o.score !== undefined ? { score: o.score } : {}),
      ...(o.retrospective ? { ...o.retrospective } : {}),
      keyResults: krsOf(o.id).map((k) => ({
        keyResultId: k.id,
        title: k.title,
        progress: keyResultProgress(k),
        suggestedScore: suggestedScore(k),
        ...(k.score !== undefined ? { score: k.score } : {}),
      })),
    })),
    carriedOver: carried,
  };
}

/** What closing the cycle would record: suggested scores from progress (and any stored ones). */
export async function previewCycleClose(
  stores: Stores,
  caller: Caller,
  teamId: string,
  cycleId: string,
): Promise<Result<CycleCloseResponse>> {
  const loaded = await load(stores, caller, teamId, cycleId, false);
  if (!loaded.ok) return loaded;
  const { cycle, next, snapshot } = loaded.value;
  return ok(summary(snapshot, cycleRef(cycle), cycleRef(next), []));
}

/**
 * Closes a team's cycle: scores each active key result (given, else suggested from progress),
 * closes its objectives with their score and retrospective, and copies the chosen objectives and
 * their key results into the next cycle as drafts. Everything is validated before the first
 * write; copies have ids derived from their source, so closing again never duplicates them.
 */
export async function closeCycle(
  stores: Stores,
  caller: Caller,
  teamId: string,
  cycleId: string,
  body: CloseCycleRequest,
  now: Date,
): Promise<Result<CycleCloseResponse>> {
  const loaded = await load(stores, caller, teamId, cycleId, true);
  if (!loaded.ok) return loaded;
  const { cycle, next, snapshot } = loaded.value;
  const objectives = new Map(
    snapshot.objectives.filter((o) => o.value.status !== 'archived').map((o) => [o.value.id, o]),
  );
  const krs = snapshot.keyResults.filter(
    (k) => k.value.status === 'active' && objectives.has(k.value.objectiveId),
  );
  for (const [i, s] of body.scores.entries())
    if (!krs.some((k) => k.value.id === s.keyResultId))
      return invalid('No such key result in this cycle.', `scores.${i}.keyResultId`);
  for (const [i, r] of body.retrospectives.entries())
    if (!objectives.has(r.objectiveId))
      return invalid('No such objective in this cycle.', `retrospectives.${i}.objectiveId`);
  for (const [i, id] of body.carryOverObjectiveIds.entries())
    if (!objectives.has(id))
      return invalid('No such objective in this cycle.', `carryOverObjectiveIds.${i}`);

  const at = now.toISOString();
  const given = new Map(body.scores.map((s) => [s.keyResultId, s.score]));
  const scored: KeyResult[] = [];
  try {
    for (const k of krs) {
      const score = Math.round((given.get(k.value.id) ?? suggestedScore(k.value)) * 100) / 100;
      const saved =
        k.value.score === score
          ? k
          : await stores.okrs.saveKeyResult({ ...k.value, score, updatedAt: at }, k.etag);
      scored.push(saved.value);
    }
    const retro = new Map(body.retrospectives.map((r) => [r.objectiveId, r]));
    for (const o of objectives.values()) {
      const r = retro.get(o.value.id);
      const closed: Objective = {
        ...o.value,
        status: 'closed',
        score: objectiveScore(scored.filter((k) => k.objectiveId === o.value.id)),
        ...(r ? { retrospective: { whatWorked: r.whatWorked, whatDidNot: r.whatDidNot } } : {}),
        updatedAt: at,
      };
      await stores.okrs.saveObjective(closed, o.etag);
    }
  } catch (error) {
    if (error instanceof StoreConflictError) return conflict('this cycle');
    throw error;
  }

  const carried: CycleCloseResponse['carriedOver'] = [];
  for (const id of body.carryOverObjectiveIds) {
    const source = objectives.get(id)?.value as Objective;
    const active = scored.filter((k) => k.objectiveId === id);
    const ids = {
      objectiveId: carriedId(id, next.id),
      keyResultIds: active.map((k) => carriedId(k.id, next.id)),
    };
    const copy = carryOver(source, active, next, ids, at);
    const { score: _s, retrospective: _r, ...objective } = copy.objective;
    await createOnce(() => stores.okrs.saveObjective(objective));
    for (const kr of copy.keyResults) {
      const { score: _ks, lastCheckInAt: _l, ...rest } = kr;
      await createOnce(() => stores.okrs.saveKeyResult(rest));
    }
    carried.push({ fromObjectiveId: id, ...ids });
  }
  const after = await stores.teams.loadTeamSnapshot(caller.tenantId, teamId, cycle.id, []);
  return ok(summary(after ?? snapshot, cycleRef(cycle), cycleRef(next), carried));
}

// A copy that already exists was made by an earlier close of the same cycle: keep it.
async function createOnce(write: () => Promise<unknown>): Promise<void> {
  try {
    await write();
  } catch (error) {
    if (!(error instanceof StoreConflictError && error.reason === 'alreadyExists')) throw error;
  }
}
