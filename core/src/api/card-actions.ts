import { z } from 'zod';
import { err, ok, type DomainError, type Result } from '../common/result';
import type { Confidence } from '../okr/types';
import { CARD_VERBS, CHECKIN_INPUTS, KPI_READING_INPUT, OPEN_ITEM_TEXT_INPUT } from './card-verbs';
import { CHECKIN_TEXT_MAX } from '../checkin/types';
import { parseCardBoolean, parseCardNumber } from './card-numbers';
import { checkInText, confidence, cycleId, id, isoWeekLabel } from './primitives';

const submissionId = z.string().regex(/^[A-Za-z0-9._:-]{8,100}$/);
const checkInContext = z.object({
  teamId: id,
  cycleId,
  week: isoWeekLabel,
  submissionId,
  krIds: z.array(id).max(20),
});
const kpiContext = z.object({ teamId: id, kpiId: id, episodeId: id.optional() });

/** A parsed check-in from the card, ready for the submit use case. */
export interface CheckInCardSubmission {
  readonly teamId: string;
  readonly cycleId: string;
  readonly week: string;
  readonly submissionId: string;
  readonly nothingChanged: boolean;
  readonly updates: readonly { keyResultId: string; value: number; confidence: Confidence }[];
  readonly whatChanged?: string;
  readonly blockers?: string;
  readonly decisionNeeded?: string;
}

/** Every card action the server handles, parsed and validated. */
export type CardAction =
  | {
      verb: typeof CARD_VERBS.checkInSubmit | typeof CARD_VERBS.checkInNothingChanged;
      submission: CheckInCardSubmission;
    }
  | { verb: typeof CARD_VERBS.checkInSnooze; teamId: string; week: string }
  | {
      verb: typeof CARD_VERBS.checkInEdit | typeof CARD_VERBS.checkInOpen;
      teamId?: string;
      week?: string;
    }
  | {
      verb: typeof CARD_VERBS.kpiAcknowledge | typeof CARD_VERBS.kpiDraftCorrectiveOkr;
      teamId: string;
      kpiId: string;
      episodeId?: string;
    }
  | {
      verb: typeof CARD_VERBS.kpiSnooze;
      teamId: string;
      kpiId: string;
      episodeId?: string;
      duration: '1d' | '1w';
    }
  | { verb: typeof CARD_VERBS.kpiManualReading; teamId: string; kpiId: string; value: number }
  | { verb: typeof CARD_VERBS.openItemWithdraw; teamId: string; itemId: string }
  | { verb: typeof CARD_VERBS.openItemUpdate; teamId: string; itemId: string; text: string }
  | { verb: typeof CARD_VERBS.nudge; teamId: string; userId: string; week: string }
  | {
      verb: typeof CARD_VERBS.refresh;
      view: CardView;
      teamId?: string;
      week?: string;
      kpiId?: string;
      episodeId?: string;
      kind?: 'kpiAlert' | 'kpiEscalation' | 'kpiRecovered';
    };

/** Views a card can refresh into (`refresh.action.data.view`). */
export const CARD_VIEWS = ['digest', 'checkIn', 'kpiAlert'] as const;
export type CardView = (typeof CARD_VIEWS)[number];

type Data = Record<string, unknown>;
const fail = (message: string, field?: string): Result<never> =>
  err<DomainError>({ code: 'CARD.INVALID_INPUT', message, ...(field ? { field } : {}) });

/** Parses `{ verb, data }` of an Action.Execute invoke; errors name the input to fix. */
export function parseCardAction(action: unknown): Result<CardAction> {
  if (typeof action !== 'object' || action === null) return fail('This card action is not valid.');
  const { verb, data: rawData } = action as { verb?: unknown; data?: unknown };
  const data: Data =
    typeof rawData === 'object' && rawData !== null && !Array.isArray(rawData)
      ? (rawData as Data)
      : {};
  switch (verb) {
    case CARD_VERBS.checkInSubmit:
    case CARD_VERBS.checkInNothingChanged:
      return parseCheckIn(data, verb === CARD_VERBS.checkInNothingChanged);
    case CARD_VERBS.checkInSnooze: {
      const p = z.object({ teamId: id, week: isoWeekLabel }).safeParse(data);
      return p.success
        ? ok({ verb, ...p.data })
        : fail('This card is out of date. Type "check in" for a new one.');
    }
    case CARD_VERBS.checkInEdit:
    case CARD_VERBS.checkInOpen: {
      const p = z.object({ teamId: id.optional(), week: isoWeekLabel.optional() }).safeParse(data);
      return p.success
        ? ok({ verb, ...p.data })
        : fail('This card is out of date. Type "check in" for a new one.');
    }
    case CARD_VERBS.kpiAcknowledge:
    case CARD_VERBS.kpiDraftCorrectiveOkr: {
      const p = kpiContext.safeParse(data);
      return p.success ? ok({ verb, ...p.data }) : fail('This alert card is out of date.');
    }
    case CARD_VERBS.kpiSnooze: {
      const p = kpiContext.extend({ duration: z.enum(['1d', '1w']) }).safeParse(data);
      return p.success ? ok({ verb, ...p.data }) : fail('Choose how long to snooze.', 'duration');
    }
    case CARD_VERBS.kpiManualReading: {
      const p = kpiContext.safeParse(data);
      if (!p.success) return fail('This card is out of date.');
      const n = parseCardNumber(data[KPI_READING_INPUT]);
      return n.ok
        ? ok({ verb, teamId: p.data.teamId, kpiId: p.data.kpiId, value: n.value })
        : fail(n.message, KPI_READING_INPUT);
    }
    case CARD_VERBS.refresh: {
      const p = z
        .object({
          view: z.enum(CARD_VIEWS),
          teamId: id.optional(),
          week: isoWeekLabel.optional(),
          kpiId: id.optional(),
          episodeId: id.optional(),
          kind: z.enum(['kpiAlert', 'kpiEscalation', 'kpiRecovered']).optional(),
        })
        .safeParse(data);
      return p.success ? ok({ verb, ...p.data }) : fail('This card is out of date.');
    }
    case CARD_VERBS.openItemWithdraw: {
      const p = z.object({ teamId: id, itemId: id }).safeParse(data);
      return p.success ? ok({ verb, ...p.data }) : fail('This card is out of date.');
    }
    case CARD_VERBS.openItemUpdate: {
      const p = z.object({ teamId: id, itemId: id }).safeParse(data);
      if (!p.success) return fail('This card is out of date.');
      const input = OPEN_ITEM_TEXT_INPUT(p.data.itemId);
      const raw = data[input];
      const text = typeof raw === 'string' ? raw.trim() : '';
      if (!text) return fail('Enter the text, or withdraw the item.', input);
      if (text.length > CHECKIN_TEXT_MAX)
        return fail(`Keep it under ${CHECKIN_TEXT_MAX} characters.`, input);
      return ok({ verb, ...p.data, text });
    }
    case CARD_VERBS.nudge: {
      const p = z.object({ teamId: id, userId: id, week: isoWeekLabel }).safeParse(data);
      return p.success ? ok({ verb, ...p.data }) : fail('This card is out of date.');
    }
    default:
      return fail('This card action is not supported. Type "help" to see what Bearing can do.');
  }
}

function parseCheckIn(data: Data, nothingChanged: boolean): Result<CardAction> {
  const context = checkInContext.safeParse(data);
  if (!context.success)
    return fail('This check-in card is out of date. Type "check in" for a new one.');
  const updates: { keyResultId: string; value: number; confidence: Confidence }[] = [];
  for (const krId of context.data.krIds) {
    const valueField = CHECKIN_INPUTS.value(krId);
    const confidenceField = CHECKIN_INPUTS.confidence(krId);
    const c = confidence.safeParse(data[confidenceField]);
    if (!c.success) return fail('Choose on track, at risk or off track.', confidenceField);
    let value = Number.NaN; // "nothing changed" keeps the stored value; the use case fills it in
    if (!nothingChanged) {
      const raw = data[valueField];
      const toggle = parseCardBoolean(raw);
      const n =
        toggle === undefined ? parseCardNumber(raw) : { ok: true as const, value: toggle ? 1 : 0 };
      if (!n.ok) return fail(n.message, valueField);
      value = n.value;
    }
    updates.push({ keyResultId: krId, value, confidence: c.data });
  }
  const texts: Record<string, string> = {};
  for (const field of [
    CHECKIN_INPUTS.whatChanged,
    CHECKIN_INPUTS.blockers,
    CHECKIN_INPUTS.decisionNeeded,
  ]) {
    const raw = data[field];
    if (raw === undefined || raw === null || raw === '') continue;
    const t = checkInText.safeParse(raw);
    if (!t.success) return fail(t.error.issues[0]?.message ?? 'Check this answer.', field);
    if (t.data) texts[field] = t.data;
  }
  const { krIds: _krIds, ...ctx } = context.data;
  void _krIds;
  return ok({
    verb: nothingChanged ? CARD_VERBS.checkInNothingChanged : CARD_VERBS.checkInSubmit,
    submission: { ...ctx, nothingChanged, updates, ...texts },
  });
}
