// What other folders use of the team feature: import it from here, not from its files.
export {
  addTeamMember,
  deactivateTeamMember,
  forgetPersonalChat,
  forgetTeamChannel,
  registerPersonalChat,
  registerTeam,
  rememberConversation,
} from './installation';
export { memberRoutes } from './member-routes';
export { teamSettingsRoutes } from './routes';
export { adoptTeamsOwners } from './team-owners';
export type { TeamOwnerDirectory } from './team-owners';
export { auditRole, removeTeamMember, setMemberRole } from './team-roles';
export { getTeamSettings, patchTeamSettings } from './team-settings';
export { teamStatus } from './team-status';
export { buildTeamStatusCard, whoManagesLines } from './team-status-card';
