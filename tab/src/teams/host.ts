import { app, authentication, meeting, pages } from '@microsoft/teams-js';
import { isTeamsHost } from './host-features';

/** The Teams theme names (`app.getContext().app.theme`). */
export type TeamsTheme = 'default' | 'dark' | 'contrast';

/** What the configuration page saves for a channel or meeting tab (`pages.config.setConfig`). */
export interface TabInstanceConfig {
  readonly contentUrl: string;
  readonly websiteUrl: string;
  readonly entityId: string;
  readonly suggestedDisplayName: string;
}

/** The configuration dialog's side of the Teams conversation (frame context `settings`). */
export interface ConfigHost {
  setValidity(valid: boolean): void;
  /** Registers what Save does; the returned config is handed to Teams, a rejection fails Save. */
  onSave(build: () => TabInstanceConfig): void;
}

/** Where the tab runs, with what Teams told it. Context values are hints, never identity. */
export type TeamsHost =
  | { readonly kind: 'standalone' }
  | {
      readonly kind: 'teams';
      readonly theme: TeamsTheme;
      /** Teams, or Outlook / the Microsoft 365 app (`Outlook`, `OutlookWin32`, `Office`). */
      readonly hostName?: string;
      readonly locale?: string;
      readonly tenantId?: string;
      /** The Microsoft 365 group id of the team the tab is in, used only to pick the team shown. */
      readonly teamGroupId?: string;
      readonly teamName?: string;
      readonly channelId?: string;
      readonly channelName?: string;
      readonly meetingId?: string;
      readonly chatId?: string;
      /** What a deep link asked for (its `subEntityId`, read with core's `decodeTabContext`). */
      readonly subPageId?: string;
      /** `content`, `settings`, `sidePanel`, `meetingStage`, … */
      readonly frameContext?: string;
      getToken(): Promise<string>;
      onThemeChange(handler: (theme: TeamsTheme) => void): void;
      notifySuccess(): void;
      /** Meeting side panel: puts the given tab URL on the meeting stage for everyone. */
      shareToStage?(url: string): Promise<void>;
      /** Present in the configuration dialog. */
      readonly config?: ConfigHost;
    };

/** Outside a Teams host `app.initialize()` waits about a minute; this is how long we give it. */
export const TEAMS_INIT_TIMEOUT_MS = 2000;

function toTheme(theme: string | undefined): TeamsTheme {
  return theme === 'dark' || theme === 'contrast' ? theme : 'default';
}

function timeout(ms: number): Promise<'timeout'> {
  return new Promise((resolve) => setTimeout(() => resolve('timeout'), ms));
}

function shareToStage(url: string): Promise<void> {
  return new Promise((resolve, reject) => {
    meeting.shareAppContentToStage((error, result) => {
      if (error || result === false)
        reject(new Error(error?.message ?? 'Teams did not share the tab to the stage.'));
      else resolve();
    }, url);
  });
}

const configHost: ConfigHost = {
  setValidity: (valid) => pages.config.setValidityState(valid),
  onSave: (build) =>
    pages.config.registerOnSaveHandler((event) => {
      try {
        pages.config.setConfig(build()).then(
          () => event.notifySuccess(),
          (error: unknown) => event.notifyFailure(String(error)),
        );
      } catch (error) {
        event.notifyFailure(String(error));
      }
    }),
};

/** Connects to Teams if the tab is hosted by it; otherwise (local browser) resolves standalone. */
export async function connectTeams(timeoutMs = TEAMS_INIT_TIMEOUT_MS): Promise<TeamsHost> {
  try {
    // A browser tab with no Teams around would wait a minute: race it, then run standalone.
    const outcome = await Promise.race([
      app.initialize().then(() => 'ready' as const),
      timeout(timeoutMs),
    ]);
    if (outcome === 'timeout') return { kind: 'standalone' };
    const context = await app.getContext();
    const frameContext = context.page.frameContext;
    // Outlook and the Microsoft 365 app have no meetings: no share to stage there.
    const inMeeting =
      (frameContext === 'sidePanel' || frameContext === 'meetingStage') &&
      isTeamsHost(context.app.host?.name);
    return {
      kind: 'teams',
      theme: toTheme(context.app.theme),
      ...(context.app.host?.name ? { hostName: context.app.host.name } : {}),
      locale: context.app.locale,
      tenantId: context.user?.tenant?.id,
      teamGroupId: context.team?.groupId,
      teamName: context.team?.displayName,
      channelId: context.channel?.id,
      channelName: context.channel?.displayName,
      meetingId: context.meeting?.id,
      chatId: context.chat?.id,
      frameContext,
      ...(context.page.subPageId ? { subPageId: context.page.subPageId } : {}),
      getToken: () => authentication.getAuthToken(),
      onThemeChange: (handler) => app.registerOnThemeChangeHandler((t) => handler(toTheme(t))),
      notifySuccess: () => void app.notifySuccess(),
      ...(inMeeting ? { shareToStage } : {}),
      ...(frameContext === 'settings' ? { config: configHost } : {}),
    };
  } catch {
    // initialize() rejects in some non-Teams frames: that is a standalone browser too.
    return { kind: 'standalone' };
  }
}
