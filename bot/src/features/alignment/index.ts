// What other folders use of the alignment feature: import it from here, not from its files.
export { getMeetingAgenda } from './meeting-agenda';
export { alignmentRoutes } from './routes';
export { cycleWeeks, getTeamDashboard } from './team-dashboard';
