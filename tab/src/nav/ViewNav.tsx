import { Suspense, lazy, useState } from 'react';
import {
  Button,
  Overflow,
  OverflowItem,
  Tab,
  TabList,
  makeStyles,
  useOverflowMenu,
} from '@fluentui/react-components';
import { useLocale } from '../i18n/locale';
import type { TeamView } from '../params';

// The menu's code (popover, positioning) comes only when someone opens it on a narrow screen.
const NavMenu = lazy(() => import('./NavMenu').then((m) => ({ default: m.NavMenu })));

const useStyles = makeStyles({
  // Overflow measures this box: tabs that do not fit move into the "More" menu.
  bar: { display: 'flex', alignItems: 'center', minWidth: 0, overflow: 'hidden' },
  nav: { minWidth: 0, flexWrap: 'nowrap' },
  tab: { flexShrink: 0 },
  more: { flexShrink: 0, minWidth: 'auto' },
});

export interface ViewNavProps {
  readonly views: readonly TeamView[];
  readonly current: TeamView;
  readonly onSelect: (view: TeamView) => void;
}

/**
 * The team views as tabs. On a narrow screen the tabs that do not fit go into a "More" menu; the
 * open view keeps its place (it has the highest priority), so it is always visible.
 */
export function ViewNav({ views, current, onSelect }: ViewNavProps) {
  const styles = useStyles();
  const m = useLocale().messages.nav;
  return (
    <Overflow minimumVisible={1} padding={8}>
      {/* The "More" button sits next to the tab list, not in it: a tablist holds only tabs. */}
      <div className={styles.bar}>
        <TabList
          className={styles.nav}
          selectedValue={current}
          onTabSelect={(_, d) => onSelect(d.value as TeamView)}
          aria-label={m.label}
          size="small"
        >
          {views.map((v) => (
            <OverflowItem key={v} id={v} priority={v === current ? 2 : 1}>
              <Tab value={v} className={styles.tab}>
                {m[v]}
              </Tab>
            </OverflowItem>
          ))}
        </TabList>
        <MoreButton views={views} onSelect={onSelect} className={styles.more} />
      </div>
    </Overflow>
  );
}

function MoreButton({
  views,
  onSelect,
  className,
}: {
  readonly views: readonly TeamView[];
  readonly onSelect: (view: TeamView) => void;
  readonly className: string;
}) {
  const m = useLocale().messages.nav;
  const { ref, isOverflowing, overflowCount } = useOverflowMenu<HTMLButtonElement>();
  const [open, setOpen] = useState(false);
  if (!isOverflowing) return null;
  return (
    <>
      <Button
        ref={ref}
        appearance="transparent"
        size="small"
        className={className}
        aria-haspopup="menu"
        aria-expanded={open}
        onClick={() => setOpen((o) => !o)}
      >
        {m.more(overflowCount)}
      </Button>
      {open && ref.current && (
        <Suspense fallback={null}>
          <NavMenu
            views={views}
            target={ref.current}
            onSelect={(v) => {
              setOpen(false);
              onSelect(v);
              ref.current?.focus();
            }}
            onClose={() => setOpen(false)}
          />
        </Suspense>
      )}
    </>
  );
}
