import { Suspense, lazy } from 'react';
import { makeStyles } from '@fluentui/react-components';
import type { ViewNavProps } from './ViewNav';

// The tabs (Fluent TabList with Overflow, and tabster, the focus manager behind their arrow keys,
// ~30 KB gzipped) are not in the first bundle: they are fetched as soon as the tab starts,
// alongside `/me`, and until they are here an empty bar of their height holds their place, so the
// alignment tree waits for neither and nothing moves when they arrive.
const load = () => import('./ViewNav');
void load().catch(() => undefined);
const ViewNav = lazy(() => load().then((m) => ({ default: m.ViewNav })));

// A small TabList's height.
const useStyles = makeStyles({ placeholder: { height: '32px' } });

/** The team views' navigation: the tabs, with a "More" menu for those that do not fit. */
export function TeamNav(props: ViewNavProps) {
  const styles = useStyles();
  return (
    <Suspense fallback={<div className={styles.placeholder} />}>
      <ViewNav {...props} />
    </Suspense>
  );
}
