import { z } from 'zod';
import { checkInText, cycleId, date, id, instant, isoWeekLabel, text } from '../api/primitives';

// Contracts of open items (blockers and decisions from check-ins) and the decision log. They sit
// beside the domain type because core/src/api is at its file limit; api/schemas re-exports them.

const person = z.object({ userId: z.string(), displayName: z.string() });

/** An open item as the agenda, My OKRs and the decision log show it. */
export const openItemView = z.object({
  id,
  kind: z.enum(['blocker', 'decision']),
  text: z.string(),
  author: person,
  keyResults: z.array(z.object({ id, title: z.string() })),
  cycleId,
  createdWeek: isoWeekLabel,
  createdAt: instant,
  /** Whole weeks since it was raised (0 in its own week). */
  ageWeeks: z.number().int().min(0),
  /** Raised this week. */
  isNew: z.boolean(),
  status: z.enum(['open', 'resolved']),
  resolution: z
    .object({
      outcome: z.enum(['resolved', 'decided', 'withdrawn']),
      text: z.string().optional(),
      by: person,
      at: instant,
    })
    .optional(),
});

/** Path of one item's routes. */
export const openItemParams = z.strictObject({ teamId: id, itemId: id });

/** `POST /teams/:teamId/open-items/:itemId/resolve` (managers): an optional note on how. */
export const resolveOpenItemRequest = z.strictObject({
  note: checkInText.optional(),
});

/** `POST /teams/:teamId/open-items/:itemId/decision` (managers): what was decided. */
export const recordDecisionRequest = z.strictObject({
  decision: checkInText.pipe(z.string().min(1, 'Enter the decision.')),
});

/** `POST /teams/:teamId/open-items/:itemId/withdraw` (its author, while open): no body. */
export const withdrawOpenItemRequest = z.strictObject({});

/** `PATCH /teams/:teamId/open-items/:itemId` (its author, while open): new wording. */
export const updateOpenItemRequest = z.strictObject({
  text: checkInText.pipe(z.string().min(1, 'Enter the text, or withdraw the item.')),
});

/** `GET /teams/:teamId/decision-log`: filters, and `format=csv` to download. */
export const decisionLogQuery = z.strictObject({
  cycleId: cycleId.optional(),
  objectiveId: id.optional(),
  userId: text(128, 'User').optional(),
  format: z.enum(['json', 'csv']).default('json'),
});

/** The decision log: every item of the team (filtered), newest first. */
export const decisionLogResponse = z.object({
  teamId: id,
  items: z.array(openItemView),
  /** The objectives the items (before the objective filter) concern, for the filter's choices. */
  objectives: z.array(z.object({ id, title: z.string() })),
  /** The cycles and people of those items, for the other filters. */
  cycleIds: z.array(cycleId),
  people: z.array(person),
});

/** `PUT /teams/:teamId/members/:userId/away`: away until a date (inclusive), or back (null). */
export const setAwayRequest = z.strictObject({ until: date.nullable() });

/** Answer of `PUT …/members/:userId/away`. */
export const awayResponse = z.object({
  teamId: id,
  userId: z.string(),
  awayUntil: date.optional(),
});

export type AwayResponse = z.infer<typeof awayResponse>;
export type OpenItemView = z.infer<typeof openItemView>;
export type ResolveOpenItemRequest = z.infer<typeof resolveOpenItemRequest>;
export type RecordDecisionRequest = z.infer<typeof recordDecisionRequest>;
export type UpdateOpenItemRequest = z.infer<typeof updateOpenItemRequest>;
export type DecisionLogQuery = z.infer<typeof decisionLogQuery>;
export type DecisionLogResponse = z.infer<typeof decisionLogResponse>;
export type SetAwayRequest = z.infer<typeof setAwayRequest>;
