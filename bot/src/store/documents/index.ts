export { DocumentCollection, type StoredDocument } from './collection';
export type { BatchWrite } from './batch';
