import {
  carryOver,
  carryTarget,
  closesWithCycle,
  cycleById,
  cycleScope,
  keyResultProgress,
  nextCycle,
  objectiveScore,
  ok,
  suggestedScore,
  type CloseCycleRequest,
  type Cycle,
  type CycleCloseResponse,
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
  const scope = cycleScope(cycle);
  const snapshot = await stores.teams.loadTeamSnapshot(caller.tenantId, teamId, scope, []);
  if (!snapshot) return teamNotFound;
  return ok({
    cycle,
    fiscal,
    scope,
    next: nextCycle(cycle, fiscal),
    snapshot,
    ...closing(cycle, snapshot),
  });
}

/**
 * What closing `cycle` touches (core's closesWithCycle): the objectives it closes, the active key
 * results it scores, and the annual objectives that only hold scored quarterly key results (they
 * stay open). A year skips what its quarters' closes already closed or scored.
 */
function closing(cycle: Cycle, snapshot: TeamSnapshot) {
  const fresh = (own: boolean, done: boolean) => cycle.kind === 'quarter' || own || !done;
  const objectives = snapshot.objectives.filter(
    ({ value: o }) =>
      o.status !== 'archived' &&
      closesWithCycle(cycle, o.cycleId) &&
      fresh(o.cycleId === cycle.id, o.status === 'closed'),
  );
  const closingIds = new Set(objectives.map((o) => o.value.id));
  const live = new Set(
    snapshot.objectives.filter((o) => o.value.status !== 'archived').map((o) => o.value.id),
  );
  const keyResults = snapshot.keyResults.filter(
    ({ value: k }) =>
      k.status === 'active' &&
      live.has(k.objectiveId) &&
      (closingIds.has(k.objectiveId) || closesWithCycle(cycle, k.cycleId)) &&
      fresh(k.cycleId === cycle.id, k.score !== undefined),
  );
  const holders = new Set(
    keyResults.map((k) => k.value.objectiveId).filter((id) => !closingIds.has(id)),
  );
  return { objectives, keyResults, listed: new Set([...closingIds, ...holders]), closingIds };
}

function summary(
  snapshot: TeamSnapshot,
  listed: { readonly listed: ReadonlySet<string>; readonly closingIds: ReadonlySet<string> },
  scoredIds: ReadonlySet<string>,
  cycle: ReturnType<typeof cycleRef>,
  next: ReturnType<typeof cycleRef>,
  carried: CycleCloseResponse['carriedOver'],
): CycleCloseResponse {
  const objectives = snapshot.objectives.map((o) => o.value).filter((o) => listed.listed.has(o.id));
  // A closing objective lists all its key results; an annual one left open, those scored now.
  const krsOf = (id: string) =>
    snapshot.keyResults
      .map((k) => k.value)
      .filter(
        (k) =>
          k.objectiveId === id &&
          k.status === 'active' &&
          (listed.closingIds.has(id) || scoredIds.has(k.id)),
      );
  const closingKrs = snapshot.keyResults.filter((k) => scoredIds.has(k.value.id));
  return {
    cycle,
    nextCycle: next,
    closed:
      objectives.length > 0 &&
      objectives.every((o) => o.status === 'closed' || !listed.closingIds.has(o.id)) &&
      closingKrs.every((k) => k.value.score !== undefined),
    objectives: objectives.map((o) => ({
      objectiveId: o.id,
      title: o.title,
      closes: listed.closingIds.has(o.id),
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
  const { cycle, next, snapshot, keyResults } = loaded.value;
  const scoredIds = new Set(keyResults.map((k) => k.value.id));
  return ok(summary(snapshot, loaded.value, scoredIds, cycleRef(cycle), cycleRef(next), []));
}

/**
 * Closes a team's cycle (core's closesWithCycle): scores each active key result it closes (given,
 * else suggested from progress), closes its objectives with their score and retrospective, and
 * copies the chosen objectives and their own cycle's key results into the next cycle of their
 * kind as drafts (an annual objective into the next fiscal year, a quarterly one into the next
 * quarter). Closing a quarter scores that quarter's key results under annual objectives but
 * leaves the annual objectives open. Everything is validated before the first write; copies have
 * ids derived from their source, so closing again never duplicates them.
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
  const { cycle, fiscal, scope, next, snapshot, keyResults: krs } = loaded.value;
  const objectives = new Map(loaded.value.objectives.map((o) => [o.value.id, o]));
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
  // Every key result of the view as it stands after scoring (earlier quarters' scores kept).
  const latest = new Map(snapshot.keyResults.map((k) => [k.value.id, k.value]));
  try {
    for (const k of krs) {
      const score = Math.round((given.get(k.value.id) ?? suggestedScore(k.value)) * 100) / 100;
      const saved =
        k.value.score === score
          ? k
          : await stores.okrs.saveKeyResult({ ...k.value, score, updatedAt: at }, k.etag);
      latest.set(saved.value.id, saved.value);
    }
    const retro = new Map(body.retrospectives.map((r) => [r.objectiveId, r]));
    for (const o of objectives.values()) {
      const r = retro.get(o.value.id);
      const closed: Objective = {
        ...o.value,
        status: 'closed',
        score: objectiveScore([...latest.values()].filter((k) => k.objectiveId === o.value.id)),
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
    const target = carryTarget(cycle, source.cycleId, fiscal);
    const own = [...latest.values()].filter(
      (k) => k.objectiveId === id && k.status === 'active' && k.cycleId === source.cycleId,
    );
    const ids = {
      objectiveId: carriedId(id, target.id),
      keyResultIds: own.map((k) => carriedId(k.id, target.id)),
    };
    const copy = carryOver(source, own, target, ids, at);
    const { score: _s, retrospective: _r, ...objective } = copy.objective;
    await createOnce(() => stores.okrs.saveObjective(objective));
    for (const kr of copy.keyResults) {
      const { score: _ks, lastCheckInAt: _l, ...rest } = kr;
      await createOnce(() => stores.okrs.saveKeyResult(rest));
    }
    carried.push({ fromObjectiveId: id, ...ids });
  }
  const after = await stores.teams.loadTeamSnapshot(caller.tenantId, teamId, scope, []);
  const scoredIds = new Set(krs.map((k) => k.value.id));
  return ok(
    summary(after ?? snapshot, loaded.value, scoredIds, cycleRef(cycle), cycleRef(next), carried),
  );
}

// A copy that already exists was made by an earlier close of the same cycle: keep it.
async function createOnce(write: () => Promise<unknown>): Promise<void> {
  try {
    await write();
  } catch (error) {
    if (!(error instanceof StoreConflictError && error.reason === 'alreadyExists')) throw error;
  }
}
