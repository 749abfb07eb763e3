// What other folders use of the key-results feature: import it from here, not from its files.
export { keyResultView, liveKeyResultViews } from './key-result-view';
export { keyResultRoutes } from './routes';
