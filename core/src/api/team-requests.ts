import { z } from 'zod';
import {
  checkInText,
  confidence,
  continuationToken,
  cycleId,
  etag,
  finite,
  id,
  isoWeekLabel,
  localTime,
  text,
  timeZone,
  weekday,
} from './primitives';

/** A team's weekly rhythm: when check-ins open, how long before a reminder, when the digest goes. */
export const weeklyRhythmFields = {
  checkInDay: weekday,
  checkInTime: localTime,
  timeZone,
  reminderOffsetMinutes: z
    .number()
    .int()
    .min(0)
    .max(6 * 24 * 60),
  digestDay: weekday,
  digestTime: localTime,
};

/** `PUT /api/v1/teams/:teamId/settings` */
export const updateTeamSettingsRequest = z.strictObject({ etag, ...weeklyRhythmFields });

/** `POST /api/v1/teams/:teamId/check-ins` — the same use case as the card. */
export const submitCheckInRequest = z.strictObject({
  submissionId: z.string().regex(/^[A-Za-z0-9._:-]{8,100}$/, 'Invalid submission id.'),
  cycleId,
  week: isoWeekLabel,
  nothingChanged: z.boolean().default(false),
  updates: z
    .array(z.strictObject({ keyResultId: id, value: finite, confidence }))
    .max(20, 'At most 20 key results per check-in.'),
  whatChanged: checkInText.optional(),
  blockers: checkInText.optional(),
  decisionNeeded: checkInText.optional(),
});

/** Query of `GET /api/v1/teams/:teamId/alignment` and `GET /api/v1/org/alignment`. */
export const alignmentQuery = z.strictObject({
  cycleId: cycleId.optional(),
  search: text(100, 'Search').optional(),
});

/** Query of paged listings (`GET …/check-ins?continuationToken=`). */
export const pageQuery = z.strictObject({
  continuationToken: continuationToken.optional(),
  pageSize: z.coerce.number().int().min(1).max(100).default(25),
});

/** Query of `GET /api/v1/teams/:teamId/export`. */
export const exportQuery = z.strictObject({
  format: z.enum(['csv', 'json']).default('json'),
  cycleId: cycleId.optional(),
  include: z.enum(['okrs', 'checkIns', 'kpiReadings', 'all']).default('all'),
});

/** `POST /api/v1/teams/:teamId/okrs/import` — CSV of objectives and key results; preview unless confirmed. */
export const importOkrsRequest = z.strictObject({
  cycleId,
  csv: z.string().max(1_000_000, 'CSV uploads are limited to 1 MB.'),
  confirm: z.boolean().default(false),
});

/** Path parameters shared by team routes. */
export const teamParams = z.strictObject({ teamId: id });

export type UpdateTeamSettingsRequest = z.infer<typeof updateTeamSettingsRequest>;
export type SubmitCheckInRequest = z.infer<typeof submitCheckInRequest>;
export type AlignmentQuery = z.infer<typeof alignmentQuery>;
export type PageQuery = z.infer<typeof pageQuery>;
export type ExportQuery = z.infer<typeof exportQuery>;
export type ImportOkrsRequest = z.infer<typeof importOkrsRequest>;
