import type { TabView } from '../params';
import type { TeamsHost } from './host';

/**
 * Hosts of the Teams family (`app.getContext().app.host.name`). Outlook and the Microsoft 365 app
 * (`Outlook`, `OutlookWin32`, `Office`) host the personal tab only: no channels, no meetings.
 */
const TEAMS_HOSTS = new Set(['teams', 'teamsmodern']);

/** True for Teams itself, and when the host did not say (older Teams clients). */
export const isTeamsHost = (hostName: string | undefined): boolean =>
  hostName === undefined || TEAMS_HOSTS.has(hostName.toLowerCase());

/** What the host offers beyond a personal tab. */
export interface HostFeatures {
  /** Channel and group tabs (and their configuration dialog). */
  readonly channels: boolean;
  /** Meeting side panel and stage. */
  readonly meetings: boolean;
}

/** Everything in Teams and in a plain browser (local development); a personal tab elsewhere. */
export function hostFeatures(host: TeamsHost | undefined): HostFeatures {
  const teams = host?.kind !== 'teams' || isTeamsHost(host.hostName);
  return { channels: teams, meetings: teams };
}

/**
 * The view to show in this host: views that need a meeting (side panel, stage) or a channel (the
 * tab's configuration) open My OKRs instead where the host has neither, rather than a page whose
 * buttons cannot work.
 */
export function viewInHost(view: TabView, features: HostFeatures): TabView {
  if (!features.meetings && (view === 'meeting' || view === 'stage')) return 'personal';
  if (!features.channels && view === 'config') return 'personal';
  return view;
}
