// What other folders use of the sharing feature: import it from here, not from its files.
export { buildOkrShareCard, okrShareSubtitle } from './okr-share-card';
export type { OkrShareModel, OkrShareRow } from './okr-share-card';
export {
  MAX_SEARCH_LENGTH,
  searchSharedOkrs,
  sharedOkrForLink,
  tabContextOfLink,
} from './share-okrs';
export type { ShareView, SharingStores } from './share-okrs';
