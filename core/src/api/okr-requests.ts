import { z } from 'zod';
import {
  confidence,
  cycleId,
  description,
  direction,
  etag,
  finite,
  id,
  keyResultType,
  objectiveLevel,
  text,
  title,
} from './primitives';

/** `POST /api/v1/teams/:teamId/objectives` */
export const createObjectiveRequest = z.strictObject({
  cycleId,
  level: objectiveLevel.exclude(['company']).default('team'),
  title,
  description: description.optional(),
  ownerId: id,
  parentIds: z.array(id).max(50).default([]),
  kpiIds: z.array(id).max(20).optional(),
  status: z.enum(['draft', 'active']).default('active'),
});

/** `PATCH /api/v1/teams/:teamId/objectives/:objectiveId` (If-Match by `etag`). */
export const updateObjectiveRequest = z.strictObject({
  etag,
  title: title.optional(),
  description: description.optional(),
  ownerId: id.optional(),
  parentIds: z.array(id).max(50).optional(),
  kpiIds: z.array(id).max(20).optional(),
  status: z.enum(['draft', 'active', 'archived']).optional(),
});

const keyResultShape = {
  title,
  type: keyResultType,
  unit: text(20, 'Unit').optional(),
  baseline: finite,
  target: finite,
  current: finite.optional(),
  direction: direction.optional(),
  milestones: z
    .array(text(120, 'Milestone').pipe(z.string().min(1)))
    .min(1)
    .max(20)
    .optional(),
  ownerId: id,
  confidence,
};

type KrLike = { type: string; baseline?: number; target?: number; milestones?: readonly string[] };

// Boolean and milestone key results have fixed scales; the refinement names the field to fix.
function keyResultRules(kr: KrLike, ctx: z.RefinementCtx): void {
  if (kr.type === 'boolean' && (kr.baseline !== 0 || kr.target !== 1)) {
    ctx.addIssue({
      code: 'custom',
      path: ['target'],
      message: 'A yes/no key result goes from 0 to 1.',
    });
  }
  if (kr.type === 'milestone') {
    if (!kr.milestones) {
      ctx.addIssue({
        code: 'custom',
        path: ['milestones'],
        message: 'List the milestones (1 to 20).',
      });
    } else if (kr.target !== kr.milestones.length || kr.baseline !== 0) {
      ctx.addIssue({
        code: 'custom',
        path: ['target'],
        message: 'A milestone key result goes from 0 to the number of milestones.',
      });
    }
  }
}

/** `POST /api/v1/teams/:teamId/objectives/:objectiveId/key-results` (baseline == target is linted, not rejected). */
// The default applies when creating only (in zod 4 it would also fill a PATCH that leaves it out).
export const createKeyResultRequest = z
  .strictObject({
    ...keyResultShape,
    confidence: confidence.default('onTrack'),
    /** The key result's own cycle: the objective's, or a quarter of an annual objective's year. */
    cycleId: cycleId.optional(),
  })
  .superRefine(keyResultRules);

/** `PATCH /api/v1/teams/:teamId/key-results/:keyResultId` */
export const updateKeyResultRequest = z
  .strictObject({
    etag,
    ...z.strictObject(keyResultShape).partial().shape,
    status: z.enum(['active', 'archived']).optional(),
  })
  .superRefine((kr, ctx) => {
    if (kr.type) keyResultRules(kr as KrLike, ctx);
  });

/** `POST /api/v1/teams/:teamId/cycles/:cycleId/close` */
export const closeCycleRequest = z.strictObject({
  scores: z.array(z.strictObject({ keyResultId: id, score: z.number().min(0).max(1) })).max(200),
  retrospectives: z
    .array(z.strictObject({ objectiveId: id, whatWorked: description, whatDidNot: description }))
    .max(50)
    .default([]),
  carryOverObjectiveIds: z.array(id).max(50).default([]),
});

export type CreateObjectiveRequest = z.infer<typeof createObjectiveRequest>;
export type UpdateObjectiveRequest = z.infer<typeof updateObjectiveRequest>;
export type CreateKeyResultRequest = z.infer<typeof createKeyResultRequest>;
export type UpdateKeyResultRequest = z.infer<typeof updateKeyResultRequest>;
export type CloseCycleRequest = z.infer<typeof closeCycleRequest>;
