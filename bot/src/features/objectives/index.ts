// What other folders use of the objectives feature: import it from here, not from its files.
export { createObjective } from './objectives';
export type { ObjectiveStores } from './objectives';
export { okrRoutes } from './routes';
export { objectiveView } from './objective-view';
export type { ObjectiveViewContext } from './objective-view';
