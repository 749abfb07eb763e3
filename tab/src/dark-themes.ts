// The themes beyond the light one, in a chunk of their own (theme.ts says why).
export { teamsDarkTheme, teamsHighContrastTheme } from '@fluentui/react-components';
