// What other folders use of the Viva Goals import: import it from here, not from its files.
export { vivaImportRouter } from './routes';
