import { createContext, useContext, useEffect, useRef } from 'react';
import { makeStyles, tokens } from '@fluentui/react-components';

/** What a link into the tab asked to show (`decodeTabContext`): the KPI or key result to point at. */
export interface Highlight {
  readonly kpiId?: string;
  readonly keyResultId?: string;
}

export const HighlightContext = createContext<Highlight>({});

export const useHighlightStyles = makeStyles({
  // An outline in the focus colour: visible in light, dark and high contrast alike.
  on: {
    outline: `${tokens.strokeWidthThicker} solid ${tokens.colorStrokeFocus2}`,
    outlineOffset: '2px',
    borderRadius: tokens.borderRadiusMedium,
  },
});

/**
 * For the item with `id`: whether the link points at it, and a ref that, once it is shown, is
 * scrolled into view and focused (so a screen reader reads it).
 */
export function useHighlight<T extends HTMLElement>(kind: keyof Highlight, id: string) {
  const wanted = useContext(HighlightContext)[kind] === id;
  const ref = useRef<T>(null);
  useEffect(() => {
    const el = ref.current;
    if (!wanted || !el) return;
    el.scrollIntoView?.({ block: 'center' });
    el.focus({ preventScroll: true });
  }, [wanted]);
  return {
    wanted,
    ref,
    props: wanted ? ({ tabIndex: -1, 'aria-current': 'true' } as const) : {},
  };
}
