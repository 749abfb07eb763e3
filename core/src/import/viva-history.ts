import { CHECKIN_TEXT_MAX, type CheckIn, type KeyResultUpdate } from '../checkin/types';
import type { Kpi, KpiReading } from '../kpi/types';
import { cycleFor } from '../okr/cycles';
import type { KeyResult, Objective } from '../okr/types';
import { isoWeek } from '../schedule/iso-week';
import { clip } from './values';
import { type PersonMatch, personKey } from './viva-match';
import { confidenceOf } from './viva-outcome';
import type { SkippedRow, VivaCheckIn, VivaExport, VivaItem } from './viva-types';

export interface HistoryContext {
  readonly tenantId: string;
  readonly timeZone: string;
  readonly fiscalStartMonth: number;
  readonly objectives: Map<string, Objective>;
  readonly keyResults: Map<string, KeyResult>;
  readonly kpis: Map<string, Kpi>;
  readonly people: Map<string, PersonMatch>;
  readonly byId: Map<string, VivaItem>;
  readonly warn: (code: string, message: string, source?: string) => void;
  readonly decide: (subject: string, decision: string) => void;
  readonly skipped: SkippedRow[];
}

/** Marks the check-ins an import writes (a member's own check-ins are never replaced). */
export const IMPORT_SUBMISSION_ID = 'viva-goals-import';

const clipNote = clip;

/**
 * Check-ins → Bearing's weekly check-ins: per key result and ISO week the last value wins and all
 * notes are kept, in order; each (team, person, week) becomes one check-in holding the updates of
 * that person's key results. Key results get their last value, confidence and check-in time; KPI
 * guardrails get their check-ins as readings. Comments go into their objective's description.
 */
export function planHistory(data: VivaExport, ctx: HistoryContext) {
  const sorted = [...data.checkIns].sort(
    (a, b) => a.at.localeCompare(b.at) || a.vivaId.localeCompare(b.vivaId),
  );
  const readings: KpiReading[] = [];
  const perKr = new Map<string, VivaCheckIn[]>();
  let checkInCount = 0;
  for (const c of sorted) {
    const item = ctx.byId.get(c.itemId);
    const krId = `viva-k-${c.itemId}`;
    const kpiId = `viva-kpi-${c.itemId}`;
    const kpi = ctx.kpis.get(kpiId);
    if (kpi) {
      if (c.value !== undefined) {
        readings.push({
          tenantId: ctx.tenantId,
          kpiId,
          id: `viva-${c.vivaId}`,
          value: c.value,
          at: c.at,
          receivedAt: c.at,
          source: 'csv',
        });
        ctx.kpis.set(kpiId, { ...ctx.kpis.get(kpiId)!, lastReading: { value: c.value, at: c.at } });
        checkInCount += 1;
      }
      continue;
    }
    const kr = ctx.keyResults.get(krId);
    if (!kr) {
      const reason = !item
        ? 'The check-in belongs to an item that is not in the export.'
        : item.kind === 'objective'
          ? 'Check-in on an objective: Bearing objectives take their progress from their key results.'
          : 'The check-in belongs to an item that is not imported.';
      ctx.skipped.push({ source: c.source, code: 'checkIn.noKeyResult', reason });
      continue;
    }
    if (kr.teamId === null) {
      ctx.skipped.push({
        source: c.source,
        code: 'checkIn.companyLevel',
        reason: 'Check-in of a company-level key result: Bearing check-ins belong to a team.',
      });
      continue;
    }
    perKr.set(krId, [...(perKr.get(krId) ?? []), c]);
    checkInCount += 1;
  }

  // Per key result: one update per ISO week (last value, every note), values chained week to week.
  interface Week {
    week: string;
    cycleId: string;
    at: string;
    userId: string;
    update: KeyResultUpdate;
    notes: string[];
  }
  const docs = new Map<
    string,
    {
      teamId: string;
      userId: string;
      week: string;
      cycleId: string;
      at: string;
      updates: KeyResultUpdate[];
      notes: string[];
    }
  >();
  let merged = 0;
  for (const [krId, list] of perKr) {
    const kr = ctx.keyResults.get(krId)!;
    const weeks: Week[] = [];
    let previous = kr.baseline;
    for (const c of list) {
      const week = isoWeek(c.at, ctx.timeZone);
      const value = c.value ?? previous;
      const conf = confidenceOf(c.status);
      if (conf.stated && c.status)
        ctx.decide(`Status "${c.status}"`, 'confidence on track (no risk signal)');
      const ownerMatch = c.owner ? ctx.people.get(personKey(c.owner))?.userId : undefined;
      const note = c.note ? [`${c.at.slice(0, 10)}: ${c.note}`] : [];
      const last = weeks[weeks.length - 1];
      if (last && last.week === week) {
        merged += 1;
        last.update = { ...last.update, value, confidence: conf.confidence };
        last.at = c.at;
        last.notes.push(...note);
        if (ownerMatch) last.userId = ownerMatch;
      } else {
        weeks.push({
          week,
          cycleId: cycleFor(c.at.slice(0, 10), ctx.fiscalStartMonth).id,
          at: c.at,
          userId: ownerMatch ?? kr.ownerId,
          update: {
            keyResultId: krId,
            previousValue: last?.update.value ?? kr.baseline,
            value,
            confidence: conf.confidence,
          },
          notes: note,
        });
      }
      previous = value;
    }
    const final = weeks[weeks.length - 1]!;
    ctx.keyResults.set(krId, {
      ...kr,
      current: final.update.value,
      confidence: final.update.confidence,
      lastCheckInAt: final.at,
    });
    for (const w of weeks) {
      const key = `${kr.teamId}|${w.userId}|${w.week}`;
      const doc = docs.get(key) ?? {
        teamId: kr.teamId!,
        userId: w.userId,
        week: w.week,
        cycleId: w.cycleId,
        at: w.at,
        updates: [],
        notes: [],
      };
      doc.updates.push(w.update);
      if (w.notes.length) doc.notes.push(`${kr.title}\n${w.notes.join('\n')}`);
      if (w.at > doc.at) doc.at = w.at;
      docs.set(key, doc);
    }
  }
  if (merged)
    ctx.decide(
      'Several check-ins in one ISO week',
      'the last value wins; every note is kept, in order',
    );
  let truncated = 0;
  const checkIns: CheckIn[] = [...docs.values()].map((d) => {
    const whatChanged = d.notes.join('\n\n');
    if (whatChanged.length > CHECKIN_TEXT_MAX) truncated += 1;
    return {
      tenantId: ctx.tenantId,
      teamId: d.teamId,
      userId: d.userId,
      cycleId: d.cycleId,
      week: d.week,
      updates: d.updates.sort((a, b) => a.keyResultId.localeCompare(b.keyResultId)),
      nothingChanged: false,
      ...(whatChanged ? { whatChanged: clipNote(whatChanged, CHECKIN_TEXT_MAX) } : {}),
      submissionId: IMPORT_SUBMISSION_ID,
      submittedAt: d.at,
      updatedAt: d.at,
    };
  });
  if (truncated)
    ctx.warn(
      'note.truncated',
      `${truncated} week(s) of notes are longer than ${CHECKIN_TEXT_MAX} characters and were shortened.`,
    );

  // Comments: into the description of the objective they belong to (or of their key result's).
  const byObjective = new Map<string, string[]>();
  let commentCount = 0;
  for (const c of [...data.comments].sort((a, b) => (a.at ?? '').localeCompare(b.at ?? ''))) {
    const kr = ctx.keyResults.get(`viva-k-${c.itemId}`);
    const objectiveId = ctx.objectives.has(`viva-o-${c.itemId}`)
      ? `viva-o-${c.itemId}`
      : kr?.objectiveId;
    if (!objectiveId) {
      ctx.skipped.push({
        source: c.source,
        code: 'comment.noItem',
        reason: 'The comment belongs to an item that is not imported.',
      });
      continue;
    }
    const who = c.author?.name ? ` ${c.author.name}` : '';
    const on = kr ? ` (on "${kr.title}")` : '';
    byObjective.set(objectiveId, [
      ...(byObjective.get(objectiveId) ?? []),
      `– ${(c.at ?? '').slice(0, 10)}${who}${on}: ${c.text}`,
    ]);
    commentCount += 1;
  }
  if (commentCount)
    ctx.decide('Comments', 'kept in the description of the objective they belong to');
  for (const [id, lines] of byObjective) {
    const o = ctx.objectives.get(id)!;
    const description = [o.description, `Comments from Viva Goals:\n${lines.join('\n')}`]
      .filter(Boolean)
      .join('\n\n');
    if (description.length > 2000)
      ctx.warn(
        'comment.truncated',
        `The comments of "${o.title.slice(0, 60)}" exceed the 2000-character description and were shortened.`,
      );
    ctx.objectives.set(id, { ...o, description: clipNote(description, 2000) });
  }
  return {
    objectives: [...ctx.objectives.values()],
    keyResults: [...ctx.keyResults.values()],
    kpis: [...ctx.kpis.values()],
    readings,
    checkIns,
    checkInCount,
    commentCount,
  };
}
