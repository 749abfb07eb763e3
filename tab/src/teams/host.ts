import { app, authentication } from '@microsoft/teams-js';

/** The Teams theme names (`app.getContext().app.theme`). */
export type TeamsTheme = 'default' | 'dark' | 'contrast';

/** Where the tab runs, with what Teams told it. Context values are hints, never identity. */
export type TeamsHost =
  | { readonly kind: 'standalone' }
  | {
      readonly kind: 'teams';
      readonly theme: TeamsTheme;
      readonly locale?: string;
      /** The Microsoft 365 group id of the team the tab is in, used only to pick the team shown. */
      readonly teamGroupId?: string;
      readonly frameContext?: string;
      getToken(): Promise<string>;
      onThemeChange(handler: (theme: TeamsTheme) => void): void;
      notifySuccess(): void;
    };

/** Outside a Teams host `app.initialize()` waits about a minute; this is how long we give it. */
export const TEAMS_INIT_TIMEOUT_MS = 2000;

function toTheme(theme: string | undefined): TeamsTheme {
  return theme === 'dark' || theme === 'contrast' ? theme : 'default';
}

function timeout(ms: number): Promise<'timeout'> {
  return new Promise((resolve) => setTimeout(() => resolve('timeout'), ms));
}

/** Connects to Teams if the tab is hosted by it; otherwise (local browser) resolves standalone. */
export async function connectTeams(timeoutMs = TEAMS_INIT_TIMEOUT_MS): Promise<TeamsHost> {
  try {
    const outcome = await Promise.race([
      app.initialize().then(() => 'ready' as const),
      timeout(timeoutMs),
    ]);
    if (outcome === 'timeout') return { kind: 'standalone' };
    const context = await app.getContext();
    return {
      kind: 'teams',
      theme: toTheme(context.app.theme),
      locale: context.app.locale,
      teamGroupId: context.team?.groupId,
      frameContext: context.page.frameContext,
      getToken: () => authentication.getAuthToken(),
      onThemeChange: (handler) => app.registerOnThemeChangeHandler((t) => handler(toTheme(t))),
      notifySuccess: () => app.notifySuccess(),
    };
  } catch {
    // initialize() rejects in some non-Teams frames: that is a standalone browser too.
    return { kind: 'standalone' };
  }
}
