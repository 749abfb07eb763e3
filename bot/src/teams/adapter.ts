import {
  type Activity,
  CallerIdConstants,
  CloudAdapter,
  ConfigurationBotFrameworkAuthentication,
  type InvokeResponse,
  TurnContext,
} from 'botbuilder';
import {
  type AuthenticateRequestResult,
  AuthenticationConstants as Public,
} from 'botframework-connector';
import { en } from '@bearing/core';
import type { DeliveryJobStore } from '../features/delivery';
import { buildMessageCard } from '../features/common';
import type { Logger } from '../observability/logger';
import { invokeCard } from './replies';
import { BoundedTurnSends } from './turn-sends';
import type { BotAuthSettings } from './bot-token';

/** How long a validated token is taken on trust for the same service URL and channel. */
export const VALIDATED_TOKEN_MS = 5 * 60_000;
const VALIDATED_TOKEN_LIMIT = 10_000;

/** The `exp` of a JWT in a `Bearer` header, in ms; undefined when it has none (not kept then). */
function expiryOf(authHeader: string): number | undefined {
  try {
    const payload = authHeader.split(' ')[1]?.split('.')[1] ?? '';
    const exp = (
      JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as { exp?: unknown }
    ).exp;
    return typeof exp === 'number' ? exp * 1000 : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The CloudAdapter, plus botbuilder's token validation on its own (before any turn runs). The
 * route authenticates first; `process` then runs the turn on that same result instead of
 * validating the same token a second time (it is kept only for that activity object and header).
 *
 * Teams sends the same token with every activity for as long as it is valid, so a token botbuilder
 * validated for a service URL and channel is taken on trust for those, without checking its
 * signature again, until it expires or VALIDATED_TOKEN_MS pass (whichever is first; then it is
 * validated again, with the signing keys of that time). Only successes are kept: a token refused
 * once is validated again on every request, and any other service URL or channel is validated anew.
 */
export class BearingAdapter extends CloudAdapter {
  private readonly authenticated = new WeakMap<
    object,
    { readonly header: string; readonly result: AuthenticateRequestResult }
  >();
  private readonly validated = new Map<
    string,
    { readonly result: AuthenticateRequestResult; readonly until: number }
  >();

  /** Throws when the Authorization header is not a valid Bot Framework token for the activity. */
  async authenticate(activity: unknown, authHeader: string): Promise<void> {
    const a = (activity && typeof activity === 'object' ? activity : {}) as Partial<Activity>;
    const key = `${authHeader}\u0000${String(a.serviceUrl)}\u0000${String(a.channelId)}`;
    const now = Date.now();
    const known = this.validated.get(key);
    let result = known && known.until > now ? known.result : undefined;
    if (!result) {
      this.validated.delete(key);
      result = await this.botFrameworkAuthentication.authenticateRequest(
        activity as Activity,
        authHeader,
      );
      const until = Math.min(now + VALIDATED_TOKEN_MS, expiryOf(authHeader) ?? now);
      if (until > now) {
        this.validated.set(key, { result, until });
        // Bounded: the oldest entries go first (Map keeps insertion order).
        if (this.validated.size > VALIDATED_TOKEN_LIMIT)
          this.validated.delete(this.validated.keys().next().value!);
      }
    }
    if (activity && typeof activity === 'object')
      this.authenticated.set(activity, { header: authHeader, result });
  }

  protected override processActivity(
    authHeader: string,
    activity: Activity,
    logic: (context: TurnContext) => Promise<void>,
  ): Promise<InvokeResponse | undefined>;
  protected override processActivity(
    authenticateRequestResult: AuthenticateRequestResult,
    activity: Activity,
    logic: (context: TurnContext) => Promise<void>,
  ): Promise<InvokeResponse | undefined>;
  protected override processActivity(
    auth: string | AuthenticateRequestResult,
    activity: Activity,
    logic: (context: TurnContext) => Promise<void>,
  ): Promise<InvokeResponse | undefined> {
    if (typeof auth !== 'string') return super.processActivity(auth, activity, logic);
    const known = this.authenticated.get(activity);
    this.authenticated.delete(activity);
    return known && known.header === auth
      ? super.processActivity(known.result, activity, logic)
      : super.processActivity(auth, activity, logic);
  }
}

/** Where replies the connector did not take during a turn are kept (see turn-sends.ts). */
export interface TurnSendSettings {
  readonly deliveries?: DeliveryJobStore;
  readonly now?: () => Date;
  /** Deadline of one Bot Connector call inside a turn (CONNECTOR_CALL_MS by default). */
  readonly callMs?: number;
}

/**
 * Bot Framework token validation as Bearing configures it: the bot's app id, tenant and type, and
 * the public cloud's endpoints with the channel's OpenID metadata URL when one is given.
 */
export function botFrameworkAuthentication(
  settings: BotAuthSettings,
): ConfigurationBotFrameworkAuthentication {
  return new ConfigurationBotFrameworkAuthentication({
    ...(settings.appId
      ? {
          MicrosoftAppId: settings.appId,
          MicrosoftAppTenantId: settings.tenantId,
          MicrosoftAppType: settings.type === 'SingleTenant' ? 'SingleTenant' : 'UserAssignedMSI',
          ...(settings.type === 'SingleTenant' ? { MicrosoftAppPassword: settings.password } : {}),
        }
      : {}),
    // Overriding one endpoint makes the SDK expect a full cloud definition: the public cloud's.
    ...(settings.openIdMetadataUrl
      ? {
          ValidateAuthority: true,
          ToChannelFromBotLoginUrl: Public.ToChannelFromBotLoginUrl,
          ToChannelFromBotOAuthScope: Public.ToChannelFromBotOAuthScope,
          ToBotFromChannelTokenIssuer: Public.ToBotFromChannelTokenIssuer,
          OAuthUrl: Public.OAuthUrl,
          ToBotFromChannelOpenIdMetadataUrl: settings.openIdMetadataUrl,
          ToBotFromEmulatorOpenIdMetadataUrl: Public.ToBotFromEmulatorOpenIdMetadataUrl,
          CallerId: CallerIdConstants.PublicAzureChannel,
        }
      : {}),
  });
}

/**
 * The CloudAdapter. Without an app id (local mode) Bot Framework authentication is disabled and
 * the HTTP route only lets loopback callers in; with one, every request needs a valid token.
 */
export function createAdapter(
  settings: BotAuthSettings,
  logger: Logger,
  turnSends: TurnSendSettings = {},
): BearingAdapter {
  const auth = botFrameworkAuthentication(settings);
  const adapter = new BearingAdapter(auth);
  adapter.use(
    new BoundedTurnSends(adapter.ConnectorClientKey, {
      deliveries: turnSends.deliveries,
      now: turnSends.now ?? (() => new Date()),
      logger,
      callMs: turnSends.callMs,
    }),
  );
  adapter.onTurnError = async (context: TurnContext, error: Error) => {
    // Never echo the error to the user or log message text: it can carry what people typed.
    logger.error('bot turn failed', { activityType: context.activity.type, error: error.name });
    if (context.activity.type === 'message') {
      await context.sendActivity(en.errors.generic);
    } else if (context.activity.name === 'adaptiveCard/action') {
      // The card says so instead of an empty "not implemented" answer.
      await context.sendActivity({
        type: 'invokeResponse',
        value: { status: 200, body: invokeCard(buildMessageCard(en.errors.generic, 'attention')) },
      });
    }
  };
  return adapter;
}
