import {
  CallerIdConstants,
  CloudAdapter,
  ConfigurationBotFrameworkAuthentication,
  TurnContext,
} from 'botbuilder';
import { AuthenticationConstants as Public } from 'botframework-connector';
import type { Logger } from '../observability/logger';

/** Bot identity settings (from config.ts). */
export interface BotAuthSettings {
  readonly appId?: string;
  readonly tenantId?: string;
  readonly type: 'UserAssignedMsi' | 'SingleTenant';
  readonly password?: string;
  /** Test hook: where channel tokens' signing keys are published (defaults to Bot Framework's). */
  readonly openIdMetadataUrl?: string;
}

/**
 * The CloudAdapter. Without an app id (local mode) Bot Framework authentication is disabled and
 * the HTTP route only lets loopback callers in; with one, every request needs a valid token.
 */
export function createAdapter(settings: BotAuthSettings, logger: Logger): CloudAdapter {
  const auth = new ConfigurationBotFrameworkAuthentication({
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
  const adapter = new CloudAdapter(auth);
  adapter.onTurnError = async (context: TurnContext, error: Error) => {
    // Never echo the error to the user or log message text: it can carry what people typed.
    logger.error('bot turn failed', { activityType: context.activity.type, error: error.name });
    if (context.activity.type === 'message') {
      await context.sendActivity('Something went wrong on our side. Please try again in a moment.');
    }
  };
  return adapter;
}
