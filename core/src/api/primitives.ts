import { z } from 'zod';
import { CHECKIN_TEXT_MAX } from '../checkin/types';
import { isValidTimeZone } from '../schedule/zoned-time';
import { parseIsoWeek } from '../schedule/iso-week';

// Control characters other than tab and newline never belong in user text.
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;
// Cosmos DB ids may not contain / \ ? # ; we also keep ids short and printable.
const ID = /^[A-Za-z0-9._:|@-]{1,128}$/;

/** An id of a stored item: 1–128 characters of letters, digits and `. _ : | @ -`. */
export const id = z.string().regex(ID, 'Use 1–128 letters, digits or . _ : | @ - (no / \\ ? #).');

/** The GUID form of Entra ids: 8-4-4-4-12 hex digits. */
export const GUID_PATTERN =
  /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/;

/**
 * An Entra ID tenant id or user object id (a GUID). Only for those: Teams team ids (`19:…`) and
 * channel account ids (`29:…`) are not GUIDs, and Bearing's own ids use `id`.
 */
export const guid = z.string().regex(GUID_PATTERN, 'Not a valid Entra id (a GUID).');

/** Trimmed text of at most `max` characters, without control characters. */
export const text = (max: number, label = 'Text') =>
  z
    .string()
    .trim()
    .max(max, `${label} must be at most ${max} characters.`)
    .refine((s) => !CONTROL.test(s), `${label} contains characters that are not allowed.`);

/** A required title (1–200 characters). */
export const title = text(200, 'Title').pipe(z.string().min(1, 'Enter a title.'));
/** An optional description (≤ 2000 characters). */
export const description = text(2000, 'Description');
/** Free text of a check-in answer. */
export const checkInText = text(CHECKIN_TEXT_MAX, 'This answer');

/** A finite number of sane magnitude (no NaN, no ±Infinity). */
export const finite = z
  .number({ message: 'Enter a number.' })
  .refine((n) => Number.isFinite(n) && Math.abs(n) <= 1e15, 'Enter a finite number.');

/** An ISO-8601 instant with a zone (`2026-11-23T09:00:00Z`). */
export const instant = z.iso.datetime({ offset: true, message: 'Use an ISO 8601 date and time.' });
/** A calendar date `YYYY-MM-DD`. */
export const date = z.iso.date({ message: 'Use a date such as 2026-11-23.' });
/** An IANA time zone this runtime knows. */
export const timeZone = z.string().max(64).refine(isValidTimeZone, 'Unknown time zone.');
/** A 24-hour local time `HH:MM`. */
export const localTime = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'Use a time such as 09:00.');
/** An ISO week `YYYY-Www` that exists. */
export const isoWeekLabel = z
  .string()
  .refine((w) => parseIsoWeek(w) !== undefined, 'Use an ISO week such as 2026-W48.');
/** A cycle id: a quarter such as `FY2027-Q2` or a fiscal year such as `FY2027`. */
export const cycleId = z
  .string()
  .regex(/^FY\d{4}(-Q[1-4])?$/, 'Use a cycle such as FY2027-Q2 or FY2027.');
/** ISO weekday 1 (Monday) … 7 (Sunday). */
export const weekday = z.number().int().min(1).max(7);

export const confidence = z.enum(['onTrack', 'atRisk', 'offTrack']);
export const keyResultType = z.enum(['number', 'percent', 'currency', 'boolean', 'milestone']);
export const direction = z.enum(['increase', 'decrease']);
export const objectiveLevel = z.enum(['company', 'team', 'individual']);
export const kpiDirection = z.enum(['higherIsBetter', 'lowerIsBetter', 'withinRange']);
export const updateFrequency = z.enum(['hourly', 'daily', 'weekly', 'monthly', 'quarterly']);
export const teamRole = z.enum(['owner', 'manager', 'member']);

/** An ETag from a previous read, required on updates (no lost updates). */
export const etag = z.string().min(1).max(256);
/** An opaque continuation token from a previous page. */
export const continuationToken = z.string().min(1).max(4096);
