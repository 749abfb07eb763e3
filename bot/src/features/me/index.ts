// What other folders use of the me feature: import it from here, not from its files.
export { getMyOkrs, myCheckInOf } from './my-okrs';
export { meRoutes } from './routes';
