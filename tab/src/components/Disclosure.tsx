import type { ReactNode } from 'react';
import {
  createFocusOutlineStyle,
  makeStyles,
  mergeClasses,
  tokens,
} from '@fluentui/react-components';

const useStyles = makeStyles({
  heading: { margin: 0, fontSize: 'inherit', fontWeight: 'inherit' },
  button: {
    display: 'flex',
    alignItems: 'flex-start',
    gap: tokens.spacingHorizontalXS,
    width: '100%',
    padding: `${tokens.spacingVerticalXXS} ${tokens.spacingHorizontalXXS}`,
    border: 'none',
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: 'transparent',
    color: tokens.colorNeutralForeground1,
    fontFamily: tokens.fontFamilyBase,
    fontSize: tokens.fontSizeBase400,
    fontWeight: tokens.fontWeightSemibold,
    lineHeight: tokens.lineHeightBase400,
    textAlign: 'start',
    cursor: 'pointer',
    ':hover': { backgroundColor: tokens.colorSubtleBackgroundHover },
    ':active': { backgroundColor: tokens.colorSubtleBackgroundPressed },
    ...createFocusOutlineStyle(),
  },
  small: { fontSize: tokens.fontSizeBase300, lineHeight: tokens.lineHeightBase300 },
  icon: {
    flexShrink: 0,
    width: '16px',
    height: '16px',
    marginBlockStart: '2px',
    transitionProperty: 'transform',
    transitionDuration: tokens.durationFaster,
    '@media (prefers-reduced-motion: reduce)': { transitionDuration: '0.01ms' },
  },
  expanded: { transform: 'rotate(90deg)' },
  title: { minWidth: 0, overflowWrap: 'anywhere' },
});

type HeadingLevel = 2 | 3 | 4 | 5 | 6;

/** A heading whose text is the expand/collapse button (WAI-ARIA disclosure in a heading). */
export function DisclosureHeading({
  level,
  expanded,
  controls,
  onToggle,
  size = 'medium',
  children,
}: {
  readonly level: HeadingLevel;
  readonly expanded: boolean;
  readonly controls: string;
  readonly onToggle: () => void;
  readonly size?: 'medium' | 'small';
  readonly children: ReactNode;
}) {
  const styles = useStyles();
  const Heading = `h${level}` as const;
  return (
    <Heading className={styles.heading}>
      <button
        type="button"
        className={mergeClasses(styles.button, size === 'small' && styles.small)}
        aria-expanded={expanded}
        aria-controls={controls}
        onClick={onToggle}
      >
        <DisclosureChevron expanded={expanded} />
        <span className={styles.title}>{children}</span>
      </button>
    </Heading>
  );
}

/** The disclosure's chevron, turned down when open; drawn in currentColor for every theme. */
export function DisclosureChevron({ expanded }: { readonly expanded: boolean }) {
  const styles = useStyles();
  return (
    <svg
      className={mergeClasses(styles.icon, expanded && styles.expanded)}
      viewBox="0 0 16 16"
      aria-hidden
      focusable="false"
    >
      <path d="M6 3.5 10.5 8 6 12.5" fill="none" stroke="currentColor" strokeWidth="1.5" />
    </svg>
  );
}

/** The next heading level, capped at h6. */
export function nextLevel(level: HeadingLevel): HeadingLevel {
  return level >= 6 ? 6 : ((level + 1) as HeadingLevel);
}

export type { HeadingLevel };
