import { z } from 'zod';
import {
  description,
  etag,
  finite,
  id,
  instant,
  kpiDirection,
  text,
  title,
  updateFrequency,
} from './primitives';

const targetRange = z
  .strictObject({ min: finite.optional(), max: finite.optional() })
  .refine((r) => r.min !== undefined || r.max !== undefined, 'Give a minimum, a maximum or both.')
  .refine(
    (r) => r.min === undefined || r.max === undefined || r.min <= r.max,
    'The minimum must not exceed the maximum.',
  );

const kpiShape = {
  name: title,
  description: description.optional(),
  formula: text(500, 'Formula').pipe(z.string().min(1, 'Say how the KPI is calculated.')),
  dataSource: text(200, 'Data source').pipe(z.string().min(1, 'Say where the data comes from.')),
  updateFrequency,
  unit: text(20, 'Unit'),
  direction: kpiDirection,
  target: targetRange,
  warningMargin: finite.refine((n) => n >= 0, 'The warning margin cannot be negative.'),
  ownerId: id,
  guardsObjectiveIds: z.array(id).max(20),
  movedByObjectiveId: id.optional(),
};

// Defaults apply when creating only: in zod 4 a default inside `.partial()` still fills the field,
// which would silently reset it on every PATCH that leaves it out.
const kpiCreateShape = {
  ...kpiShape,
  warningMargin: kpiShape.warningMargin.default(0),
  guardsObjectiveIds: kpiShape.guardsObjectiveIds.default([]),
};

type KpiLike = { direction?: string; target?: { min?: number; max?: number } };

function directionNeedsBound(k: KpiLike, ctx: z.RefinementCtx): void {
  if (k.direction === 'higherIsBetter' && k.target && k.target.min === undefined) {
    ctx.addIssue({
      code: 'custom',
      path: ['target', 'min'],
      message: 'Higher-is-better needs a minimum.',
    });
  }
  if (k.direction === 'lowerIsBetter' && k.target && k.target.max === undefined) {
    ctx.addIssue({
      code: 'custom',
      path: ['target', 'max'],
      message: 'Lower-is-better needs a maximum.',
    });
  }
  if (
    k.direction === 'withinRange' &&
    k.target &&
    (k.target.min === undefined || k.target.max === undefined)
  ) {
    ctx.addIssue({
      code: 'custom',
      path: ['target'],
      message: 'Within-range needs a minimum and a maximum.',
    });
  }
}

/** `POST /api/v1/teams/:teamId/kpis` */
export const createKpiRequest = z.strictObject(kpiCreateShape).superRefine(directionNeedsBound);

/** `PATCH /api/v1/teams/:teamId/kpis/:kpiId` */
export const updateKpiRequest = z
  .strictObject({
    etag,
    ...z.strictObject(kpiShape).partial().shape,
    status: z.enum(['active', 'archived']).optional(),
  })
  .superRefine(directionNeedsBound);

/** One KPI reading; `id` makes retries idempotent (defaults to one derived from `at`). */
export const kpiReadingInput = z.strictObject({
  id: z
    .string()
    .regex(/^[A-Za-z0-9._:-]{1,100}$/, 'Use 1–100 letters, digits or . _ : -')
    .optional(),
  value: finite,
  at: instant,
});

/** `POST /api/v1/kpis/:kpiId/readings` */
export const addReadingRequest = kpiReadingInput;

/** `POST /api/v1/kpis/readings:batch` — up to 500 readings of one or more KPIs. */
export const addReadingsBatchRequest = z.strictObject({
  readings: z
    .array(kpiReadingInput.extend({ kpiId: id }))
    .min(1, 'Send at least one reading.')
    .max(500, 'Send at most 500 readings per batch.'),
});

/** `POST /api/v1/teams/:teamId/ingestion-keys` */
export const createIngestionKeyRequest = z.strictObject({ name: title });

/** `POST /api/v1/teams/:teamId/kpis/:kpiId/readings/csv` — preview unless `confirm` is true. */
export const csvReadingsRequest = z.strictObject({
  csv: z.string().max(1_000_000, 'CSV uploads are limited to 1 MB.'),
  confirm: z.boolean().default(false),
});

export type CreateKpiRequest = z.infer<typeof createKpiRequest>;
export type UpdateKpiRequest = z.infer<typeof updateKpiRequest>;
export type KpiReadingInput = z.infer<typeof kpiReadingInput>;
export type AddReadingsBatchRequest = z.infer<typeof addReadingsBatchRequest>;
export type CreateIngestionKeyRequest = z.infer<typeof createIngestionKeyRequest>;
export type CsvReadingsRequest = z.infer<typeof csvReadingsRequest>;
