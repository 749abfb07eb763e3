// What other folders use of the open-items feature: import it from here, not from its files.
export {
  getDecisionLog,
  memberOpenItems,
  outcomesSince,
  ownItemViews,
  teamOpenItems,
} from './decision-log';
export { agendaOrder } from './open-item-views';
export { recordDecision, resolveOpenItem, updateOpenItem, withdrawOpenItem } from './item-actions';
export type { OpenItemStores } from './item-actions';
export { ageText, digestItemLines, memberItemsSection, outcomeText } from './open-items-card';
export { itemLookup, openItemViewOf } from './open-item-views';
export type { ItemLookup } from './open-item-views';
export type { OpenItemStore } from './ports';
export { recordOpenItems } from './record-open-items';
export { openItemRoutes } from './routes';
