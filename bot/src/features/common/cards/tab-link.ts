import { encodeTabContext, tabDeepLink, type TabContext } from '@bearing/core';

/** The address a card button opens to show `context` in Bearing's tab. */
export type TabLink = (context: TabContext) => string;

/**
 * The entity id of the personal tab in the app manifest (appPackage/manifest.json `staticTabs`):
 * every member has it, whatever team or channel the card was posted in, and it shows any view.
 */
export const PERSONAL_TAB_ENTITY_ID = 'myOkrs';

/** Where the tab is: the Teams app (its id) and the tab's own address. */
export interface TabLocation {
  /** The Teams app id (the manifest's `id`, TEAMS_APP_ID); none in local mode. */
  readonly teamsAppId?: string;
  /** The tab's address (`https://<domain>/tab/`, or this machine's in local mode). */
  readonly tabUrl: string;
}

/**
 * Links into the tab, built with core's deep-link encoder: with a Teams app id, a Teams entity
 * deep link to the personal tab (Teams signs the user in and hands the tab the context); without
 * one (local mode, no Teams), the tab's own address with the same context in its query.
 */
export function tabLinker(location: TabLocation): TabLink {
  const { teamsAppId, tabUrl } = location;
  if (!teamsAppId) return (context) => `${tabUrl}?${encodeTabContext(context)}`;
  return (context) =>
    tabDeepLink({ appId: teamsAppId, entityId: PERSONAL_TAB_ENTITY_ID, label: 'Bearing' }, context);
}
