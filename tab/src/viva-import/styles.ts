import { makeStyles, tokens } from '@fluentui/react-components';

/** The import page's own layout: the drop zone, tables that fit 320 px, rows of buttons. */
export const useImportStyles = makeStyles({
  page: { maxWidth: '1100px', width: '100%' },
  row: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalM },
  drop: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
    padding: tokens.spacingHorizontalL,
    borderRadius: tokens.borderRadiusLarge,
    border: `${tokens.strokeWidthThick} dashed ${tokens.colorNeutralStroke1}`,
    backgroundColor: tokens.colorNeutralBackground2,
  },
  dropActive: {
    border: `${tokens.strokeWidthThick} dashed ${tokens.colorBrandStroke1}`,
    backgroundColor: tokens.colorBrandBackground2,
  },
  file: { maxWidth: '100%' },
  // Wide tables scroll inside their card at 320 px instead of widening the page.
  scroll: {
    overflowX: 'auto',
    maxWidth: '100%',
    ':focus-visible': {
      outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}`,
    },
  },
  table: { minWidth: '280px' },
  // Words break only when one alone is wider than its column (the table scrolls instead).
  cell: { overflowWrap: 'break-word', verticalAlign: 'top' },
  number: {
    textAlign: 'end',
    whiteSpace: 'nowrap',
    '& .fui-TableHeaderCell__button': { justifyContent: 'flex-end' },
  },
  picker: { minWidth: '140px', maxWidth: '100%' },
  list: { margin: 0, paddingInlineStart: tokens.spacingHorizontalL },
  muted: { color: tokens.colorNeutralForeground2 },
  // Secondary lines inside table rows keep the row's colour: rows change it on hover (high
  // contrast swaps it with the background), and a colour of their own would lose contrast.
  note: { fontSize: tokens.fontSizeBase200, lineHeight: tokens.lineHeightBase200 },
});
