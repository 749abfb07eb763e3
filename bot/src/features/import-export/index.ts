// What other folders use of the import-export feature: import it from here, not from its files.
export { dataRoutes } from './routes';
