import { ConfigurationServiceClientCredentialFactory } from 'botbuilder';

/** Bot identity settings (from config.ts). */
export interface BotAuthSettings {
  readonly appId?: string;
  readonly tenantId?: string;
  readonly type: 'UserAssignedMsi' | 'SingleTenant';
  readonly password?: string;
  /** Test hook: where channel tokens' signing keys are published (defaults to Bot Framework's). */
  readonly openIdMetadataUrl?: string;
}

/** Gives the app's bearer token (Bot Connector by default), or undefined in local mode. */
export type BotTokenProvider = () => Promise<string | undefined>;

const BOT_FRAMEWORK_AUDIENCE = 'https://api.botframework.com';
/** Audience of app tokens for Microsoft Graph (resource-specific consent grants apply to them). */
export const GRAPH_AUDIENCE = 'https://graph.microsoft.com';

/**
 * Tokens for proactive sends, from the same credential factory the adapter uses (managed identity
 * or single-tenant secret). The SDK caches and refreshes them.
 */
export function createBotTokenProvider(
  settings: BotAuthSettings,
  audience = BOT_FRAMEWORK_AUDIENCE,
): BotTokenProvider {
  if (!settings.appId) return async () => undefined;
  const factory = new ConfigurationServiceClientCredentialFactory({
    MicrosoftAppId: settings.appId,
    MicrosoftAppTenantId: settings.tenantId,
    MicrosoftAppType: settings.type === 'SingleTenant' ? 'SingleTenant' : 'UserAssignedMSI',
    ...(settings.type === 'SingleTenant' ? { MicrosoftAppPassword: settings.password } : {}),
  });
  const loginEndpoint = `https://login.microsoftonline.com/${settings.tenantId ?? 'botframework.com'}`;
  let credentials: Promise<{ getToken(forceRefresh?: boolean): Promise<string> }> | undefined;
  return async () => {
    credentials ??= factory.createCredentials(
      settings.appId as string,
      audience,
      loginEndpoint,
      true,
    ) as unknown as Promise<{ getToken(forceRefresh?: boolean): Promise<string> }>;
    return (await credentials).getToken();
  };
}
