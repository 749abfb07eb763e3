import {
  API_ERROR_CODES,
  DEFAULT_KPI_ESCALATION_MINUTES,
  cycleFor,
  err,
  evaluateKpi,
  isoWeek,
  nextEpisodeState,
  ok,
  readingTimeProblem,
  updateFrequencyMs,
  type Kpi,
  type KpiEpisode,
  type KpiReading,
  type RecordReadingsResponse,
  type Result,
  type TenantId,
} from '@bearing/core';
import {
  kpiAlertJobId,
  type DeliveryJob,
  type DeliveryJobStore,
  type DeliveryKind,
  StoreConflictError,
  type KpiStore,
  type TeamStore,
  type Versioned,
  EvaluationCoalescer,
} from '../common';

/** Kept for callers of the old path. */
export { EvaluationCoalescer };

/** One reading as a client sends it (already schema-checked). */
export interface ReadingInput {
  readonly kpiId: string;
  readonly id?: string;
  readonly value: number;
  readonly at: string;
}

/** What recording a batch did (first write wins: see {@link RecordReadingsResponse}). */
export type RecordResult = RecordReadingsResponse;

export interface ReadingStores {
  readonly teams: TeamStore;
  readonly kpis: KpiStore;
  readonly deliveries: DeliveryJobStore;
}

/** How often an evaluation retries when other writers keep changing the KPI. */
const EVALUATION_ATTEMPTS = 20;

const evaluations = new EvaluationCoalescer();
/** Readings the evaluation looks back over. */
const EVALUATION_WINDOW = 50;

/** A reading id from the client, else derived from the measurement time (idempotent retries). */
export const readingId = (r: Pick<ReadingInput, 'id' | 'at'>) =>
  r.id ?? `at-${new Date(r.at).toISOString()}`;

/** Readings of one batch written at once (bounded: a batch may hold thousands). */
const PARALLEL_WRITES = 16;

async function inParallel<T>(
  items: readonly T[],
  limit: number,
  run: (item: T) => Promise<unknown>,
) {
  let next = 0;
  const lane = async () => {
    while (next < items.length) await run(items[next++] as T);
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, lane));
}

/**
 * Stores one reading unless its id is taken: the first write wins. A duplicate costs one point
 * read, which tells a retry (same value and time, `undefined`) from a conflict.
 */
async function storeReading(
  stores: ReadingStores,
  reading: KpiReading,
): Promise<'added' | RecordResult['conflicts'][number] | undefined> {
  if (await stores.kpis.addReading(reading)) return 'added';
  const kept = await stores.kpis.getReading(reading.tenantId, reading.kpiId, reading.id);
  if (!kept || (kept.value === reading.value && kept.at === reading.at)) return undefined;
  return {
    kpiId: reading.kpiId,
    id: reading.id,
    kept: { value: kept.value, at: kept.at },
    rejected: { value: reading.value, at: reading.at },
  };
}

/**
 * Records readings for KPIs of one team: everything is checked first (the KPI exists in this team
 * and is active, the time is from 2000-01-01 on and not in the future), so a bad reading rejects the whole request and
 * nothing is written. Then each reading is stored idempotently (same id → nothing new; a different
 * value or time under a stored id is reported in `conflicts`, the stored one kept), the KPI's
 * latest value moves only forward in time (late readings are placed, not applied as "latest"),
 * and the KPI is evaluated: a breach opens an episode and enqueues one alert to the owner and one
 * to the channel, plus an escalation for later; recovery closes it with a note.
 */
export async function recordReadings(
  stores: ReadingStores,
  scope: { readonly tenantId: TenantId; readonly teamId: string },
  readings: readonly ReadingInput[],
  source: KpiReading['source'],
  now: Date,
): Promise<Result<RecordResult>> {
  const nowMs = now.getTime();
  const kpis = new Map<string, Versioned<Kpi>>();
  for (const [i, r] of readings.entries()) {
    const field = readings.length > 1 ? `readings.${i}` : '';
    const problem = readingTimeProblem(Date.parse(r.at), nowMs, `The reading's time ${r.at}`);
    if (problem)
      return err({
        code: API_ERROR_CODES.validation,
        message: `${field ? `${field}: ` : ''}${problem}`,
        field: field ? `${field}.at` : 'at',
      });
    if (!kpis.has(r.kpiId)) {
      const kpi = await stores.kpis.getKpi(scope.tenantId, scope.teamId, r.kpiId);
      if (!kpi || kpi.value.status !== 'active')
        return err({
          code: API_ERROR_CODES.notFound,
          message: `No active KPI "${r.kpiId}" in this team.`,
          ...(field ? { field: `${field}.kpiId` } : {}),
        });
      kpis.set(r.kpiId, kpi);
    }
  }
  const toStore = readings.map((r) => ({
    tenantId: scope.tenantId,
    kpiId: r.kpiId,
    id: readingId(r),
    value: r.value,
    at: new Date(r.at).toISOString(),
    receivedAt: now.toISOString(),
    source,
  }));
  // Distinct ids are written in parallel (each write waits for its own round trip, or fsync in
  // local mode); a repeat of an id within the batch goes after them, so the first still wins.
  const firsts: KpiReading[] = [];
  const repeats: KpiReading[] = [];
  const seen = new Set<string>();
  for (const r of toStore) {
    const key = `${r.kpiId}|${r.id}`;
    (seen.has(key) ? repeats : firsts).push(r);
    seen.add(key);
  }
  const outcomes = new Map<KpiReading, Awaited<ReturnType<typeof storeReading>>>();
  const write = async (r: KpiReading) => outcomes.set(r, await storeReading(stores, r));
  await inParallel(firsts, PARALLEL_WRITES, write);
  for (const r of repeats) await write(r);
  let accepted = 0;
  let duplicates = 0;
  const conflicts: RecordResult['conflicts'][number][] = [];
  const touched = new Set<string>();
  for (const r of toStore) {
    const outcome = outcomes.get(r);
    if (outcome === 'added') {
      accepted += 1;
      touched.add(r.kpiId);
      continue;
    }
    duplicates += 1;
    if (outcome) conflicts.push(outcome);
  }
  let alertsEnqueued = 0;
  for (const kpiId of touched)
    alertsEnqueued += await evaluations.run(`${scope.tenantId}|${kpiId}`, () =>
      evaluateAfterReadings(stores, scope.tenantId, scope.teamId, kpiId, now),
    );
  return ok({ accepted, duplicates, conflicts, alertsEnqueued });
}

/**
 * Re-evaluates a KPI from its recent readings and moves its episode; retried on ETag conflicts
 * (two batches for the same KPI at once). Returns how many alert jobs were created.
 */
export async function evaluateAfterReadings(
  stores: ReadingStores,
  tenantId: TenantId,
  teamId: string,
  kpiId: string,
  now: Date,
): Promise<number> {
  for (let attempt = 0; attempt < EVALUATION_ATTEMPTS; attempt += 1) {
    // Concurrent batches for one KPI race on its ETag: back off a little, with jitter.
    if (attempt > 0) await new Promise((r) => setTimeout(r, Math.random() * 5 * attempt));
    const current = await stores.kpis.getKpi(tenantId, teamId, kpiId);
    if (!current) return 0;
    const kpi = current.value;
    const since = new Date(
      now.getTime() - EVALUATION_WINDOW * updateFrequencyMs(kpi.updateFrequency),
    ).toISOString();
    const recent = await stores.kpis.listReadings(tenantId, kpiId, since, 1000);
    const window = recent.slice(-EVALUATION_WINDOW);
    const latest = window[window.length - 1];
    const evaluation = evaluateKpi(kpi, window, now.toISOString());
    const previous = kpi.episode?.state ?? 'closed';
    const next = nextEpisodeState(previous, evaluation.status, latest?.value, kpi);
    const nowIso = now.toISOString();
    let episode: KpiEpisode | undefined = kpi.episode;
    if (next.transition === 'opened' && latest)
      episode = {
        id: nowIso.replace(/[^0-9]/g, ''),
        state: 'open',
        openedAt: nowIso,
        openedValue: latest.value,
      };
    else if (next.transition === 'closed' && episode)
      episode = { ...episode, state: 'closed', closedAt: nowIso };
    const updated: Kpi = {
      ...kpi,
      ...(latest ? { lastReading: { value: latest.value, at: latest.at } } : {}),
      ...(episode ? { episode } : {}),
      updatedAt: nowIso,
    };
    try {
      await stores.kpis.saveKpi(updated, current.etag);
    } catch (error) {
      if (error instanceof StoreConflictError) continue;
      throw error;
    }
    if (next.transition === 'unchanged' || !episode) return 0;
    return enqueueEpisodeJobs(stores, updated, episode, next.transition, now);
  }
  // Still racing after all attempts: the readings are stored; the scheduler's periodic evaluation
  // (or the next reading) catches up. Never fail the ingestion request for it.
  return 0;
}

async function enqueueEpisodeJobs(
  stores: ReadingStores,
  kpi: Kpi,
  episode: KpiEpisode,
  transition: 'opened' | 'closed',
  now: Date,
): Promise<number> {
  const team = await stores.teams.getTeam(kpi.tenantId, kpi.teamId);
  const nowIso = now.toISOString();
  const cycle = cycleFor(nowIso.slice(0, 10), 1);
  const week = isoWeek(nowIso, 'UTC');
  const job = (kind: DeliveryKind, audience: 'owner' | 'channel', dueAt: string): DeliveryJob => ({
    tenantId: kpi.tenantId,
    teamId: kpi.teamId,
    id: kpiAlertJobId(kpi.id, episode.id, kind, audience),
    kind,
    ...(audience === 'owner' ? { userId: kpi.ownerId } : {}),
    cycleId: cycle.id,
    week,
    dueAt,
    notBefore: dueAt,
    status: 'pending',
    attempts: 0,
    kpiId: kpi.id,
    episodeId: episode.id,
    audience,
  });
  const jobs: DeliveryJob[] = [];
  const channel = Boolean(team?.value.channelReference);
  if (transition === 'opened') {
    jobs.push(job('kpiAlert', 'owner', nowIso));
    if (channel) {
      jobs.push(job('kpiAlert', 'channel', nowIso));
      const delay = team?.value.settings.kpiEscalationMinutes ?? DEFAULT_KPI_ESCALATION_MINUTES;
      jobs.push(
        job('kpiEscalation', 'channel', new Date(now.getTime() + delay * 60_000).toISOString()),
      );
    }
  } else {
    jobs.push(job('kpiRecovered', 'owner', nowIso));
    if (channel) jobs.push(job('kpiRecovered', 'channel', nowIso));
  }
  let created = 0;
  for (const j of jobs) if (await stores.deliveries.createJob(j)) created += 1;
  return created;
}
