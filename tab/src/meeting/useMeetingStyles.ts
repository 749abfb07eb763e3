import { makeStyles, tokens } from '@fluentui/react-components';
import { cardBox } from '../components/viewStyles';

/** The meeting views' styles: the side panel's, and the larger stage variants (`stage*`). */
export const useMeetingStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, minWidth: 0 },
  stageRoot: { gap: tokens.spacingVerticalXXL },
  head: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  title: { margin: 0, overflowWrap: 'anywhere' },
  stageTitle: { fontSize: tokens.fontSizeHero900, lineHeight: tokens.lineHeightHero900 },
  muted: { color: tokens.colorNeutralForeground2 },
  sections: {
    display: 'grid',
    gap: tokens.spacingVerticalM,
    gridTemplateColumns: 'minmax(0, 1fr)',
  },
  stageSections: {
    gap: tokens.spacingHorizontalXXL,
    '@media (min-width: 1000px)': { gridTemplateColumns: 'repeat(2, minmax(0, 1fr))' },
  },
  section: {
    ...cardBox,
    backgroundColor: tokens.colorNeutralBackground1,
    ':focus-visible': {
      outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}`,
      outlineOffset: '2px',
    },
  },
  stageSection: { padding: tokens.spacingHorizontalXL },
  sectionTitle: {
    margin: 0,
    fontSize: tokens.fontSizeBase400,
    fontWeight: tokens.fontWeightSemibold,
  },
  stageSectionTitle: { fontSize: tokens.fontSizeHero700, lineHeight: tokens.lineHeightHero700 },
  list: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
    listStyleType: 'none',
    margin: 0,
    padding: 0,
  },
  item: { overflowWrap: 'anywhere' },
  stageItem: { fontSize: tokens.fontSizeBase600, lineHeight: tokens.lineHeightBase600 },
  // Badges and meta text on a shared screen: readable from the back of the room (≥ 16 px).
  stageMeta: { fontSize: tokens.fontSizeBase500, lineHeight: tokens.lineHeightBase500 },
  mark: { marginInlineEnd: tokens.spacingHorizontalS, verticalAlign: 'middle' },
  row: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalS },
  actions: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    gap: tokens.spacingHorizontalM,
  },
});
