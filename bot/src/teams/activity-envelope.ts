import { z } from 'zod';

/**
 * The parts of a Bot Framework activity that botbuilder and Bearing read, checked before
 * botbuilder sees the request: without them the SDK throws deep inside a turn (a 500) or replies
 * to nowhere. Unknown fields pass through untouched; Teams adds new ones all the time.
 */
const idText = z.string().min(1).max(1024);
const account = z.looseObject({
  id: idText,
  name: z.string().max(1024).optional(),
  aadObjectId: z.string().max(256).optional(),
});
const serviceUrl = z
  .string()
  .max(2048)
  .refine((value) => {
    try {
      const url = new URL(value);
      return url.protocol === 'https:' || url.protocol === 'http:';
    } catch {
      return false;
    }
  }, 'must be an http(s) URL');
const entity = z.looseObject({ type: z.string().max(256) }).superRefine((e, ctx) => {
  if (e.type.toLowerCase() !== 'mention') return;
  const mention = z.looseObject({ mentioned: account, text: z.string() }).safeParse(e);
  if (!mention.success)
    ctx.addIssue({ code: 'custom', message: 'a mention needs mentioned.id and text' });
});

const envelope = z.looseObject({
  type: z.string().min(1).max(64),
  id: z.string().max(1024).optional(),
  name: z.string().max(256).optional(),
  channelId: z.string().min(1).max(64),
  serviceUrl,
  from: account,
  recipient: account,
  conversation: z.looseObject({
    id: idText,
    conversationType: z.string().max(64).optional(),
    tenantId: z.string().max(256).optional(),
  }),
  channelData: z
    .looseObject({
      tenant: z.looseObject({ id: z.string().max(256).optional() }).optional(),
      team: z.looseObject({}).optional(),
      channel: z.looseObject({}).optional(),
      eventType: z.string().max(128).optional(),
    })
    .optional(),
  text: z.string().optional(),
  locale: z.string().max(64).optional(),
  replyToId: z.string().max(1024).optional(),
  deliveryMode: z.string().max(64).optional(),
  entities: z.array(entity).max(200).optional(),
  attachments: z.array(z.looseObject({})).max(100).optional(),
  membersAdded: z.array(account).max(1000).optional(),
  membersRemoved: z.array(account).max(1000).optional(),
});

/** `adaptiveCard/action`: botbuilder reads `value.action.type` before Bearing sees the invoke. */
const cardActionValue = z.looseObject({ action: z.looseObject({}) });

/** Why an activity was refused, and the HTTP answer that says so. */
export interface EnvelopeRejection {
  readonly status: 400;
  readonly body: Record<string, unknown>;
  /** For the log: which field, and what was expected. */
  readonly reason: string;
}

const describe = (issue: z.core.$ZodIssue) =>
  `${issue.path.length ? issue.path.join('.') : 'activity'}: ${issue.message}`;

/** Undefined when the request body is an activity Bearing can run a turn for. */
export function checkActivityEnvelope(body: unknown): EnvelopeRejection | undefined {
  const parsed = envelope.safeParse(body);
  if (!parsed.success) {
    const reason = describe(parsed.error.issues[0]);
    return {
      status: 400,
      reason,
      body: {
        error: {
          code: 'BOT.BAD_ACTIVITY',
          message: `The request is not a valid activity (${reason}).`,
        },
      },
    };
  }
  const activity = parsed.data;
  if (activity.type === 'invoke' && !activity.name) {
    return {
      status: 400,
      reason: 'name: required for an invoke',
      body: {
        error: { code: 'BOT.BAD_ACTIVITY', message: 'An invoke activity needs a name.' },
      },
    };
  }
  if (activity.type === 'invoke' && activity.name === 'adaptiveCard/action') {
    if (!cardActionValue.safeParse((activity as { value?: unknown }).value).success) {
      // The Universal Actions error response, as botbuilder answers a card action without value.
      return {
        status: 400,
        reason: 'value.action: required for adaptiveCard/action',
        body: {
          statusCode: 400,
          type: 'application/vnd.microsoft.error',
          value: {
            code: 'BadRequest',
            message: 'A card action needs value.action (the Action.Execute the user selected).',
          },
        },
      };
    }
  }
  return undefined;
}
