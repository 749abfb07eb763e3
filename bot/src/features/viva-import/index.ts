// What other folders use of the Viva Goals import: import it from here, not from its files.
export { vivaImportRouter } from './routes';
export { linkOnInstall } from './link-team';
export type { TeamLinkStores } from './link-team';
export type { ImportDocumentStore, TeamItem, TeamItemKind, TeamLink } from './ports';
