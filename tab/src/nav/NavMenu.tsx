import {
  Menu,
  MenuItem,
  MenuList,
  MenuPopover,
  useIsOverflowItemVisible,
} from '@fluentui/react-components';
import { useLocale } from '../i18n/locale';
import type { TeamView } from '../params';

/** The views that did not fit as tabs, as a menu under the "More" button. */
export function NavMenu({
  views,
  target,
  onSelect,
  onClose,
}: {
  readonly views: readonly TeamView[];
  readonly target: HTMLElement;
  readonly onSelect: (view: TeamView) => void;
  readonly onClose: () => void;
}) {
  return (
    <Menu
      open
      onOpenChange={(_, d) => {
        if (!d.open) onClose();
      }}
      positioning={{ target, position: 'below', align: 'end' }}
    >
      <MenuPopover>
        <MenuList>
          {views.map((v) => (
            <HiddenView key={v} view={v} onSelect={onSelect} />
          ))}
        </MenuList>
      </MenuPopover>
    </Menu>
  );
}

function HiddenView({
  view,
  onSelect,
}: {
  readonly view: TeamView;
  readonly onSelect: (view: TeamView) => void;
}) {
  const m = useLocale().messages.nav;
  if (useIsOverflowItemVisible(view)) return null;
  return <MenuItem onClick={() => onSelect(view)}>{m[view]}</MenuItem>;
}
