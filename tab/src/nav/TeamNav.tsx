import { Suspense, lazy } from 'react';
import { Tab, TabList, makeStyles } from '@fluentui/react-components';
import { useLocale } from '../i18n/locale';
import type { ViewNavProps } from './ViewNav';

// The overflow-aware tabs (Fluent Overflow, ~6 KB gzipped) are not in the first bundle: they are
// fetched as soon as the tab starts, alongside `/me`, and until they are here (or if they fail)
// the plain tabs below, which scroll sideways, stand in.
const load = () => import('./ViewNav');
void load().catch(() => undefined);
const ViewNav = lazy(() => load().then((m) => ({ default: m.ViewNav })));

const useStyles = makeStyles({ plain: { overflowX: 'auto' } });

/** The team views' navigation: the tabs, with a "More" menu for those that do not fit. */
export function TeamNav(props: ViewNavProps) {
  return (
    <Suspense fallback={<PlainNav {...props} />}>
      <ViewNav {...props} />
    </Suspense>
  );
}

function PlainNav({ views, current, onSelect }: ViewNavProps) {
  const styles = useStyles();
  const m = useLocale().messages.nav;
  return (
    <TabList
      className={styles.plain}
      selectedValue={current}
      onTabSelect={(_, d) => onSelect(d.value as typeof current)}
      aria-label={m.label}
      size="small"
    >
      {views.map((v) => (
        <Tab key={v} value={v}>
          {m[v]}
        </Tab>
      ))}
    </TabList>
  );
}
