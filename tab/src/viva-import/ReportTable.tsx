import type { ReactNode } from 'react';
import {
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
  mergeClasses,
  useId,
} from '@fluentui/react-components';
import { useViewStyles } from '../components/viewStyles';
import { vivaImportMessages as m } from '../i18n/en-viva-import';
import { useImportStyles } from './styles';

export interface ReportColumn {
  readonly label: string;
  /** Counts: right-aligned, never wrapped. */
  readonly numeric?: boolean;
}

export interface ReportRow {
  readonly key: string;
  readonly cells: readonly ReactNode[];
}

/** Rows a table shows; the downloaded report has them all. */
export const SHOWN_ROWS = 200;

/**
 * One part of the report as a card: a heading, an optional introduction, and a table that scrolls
 * inside the card when it is wider than the screen (keyboard users scroll it after focusing it).
 */
export function ReportTable({
  title,
  columns,
  rows,
  empty,
  children,
}: {
  readonly title: string;
  readonly columns: readonly ReportColumn[];
  readonly rows: readonly ReportRow[];
  /** Said instead of an empty table. */
  readonly empty: string;
  /** What comes between the heading and the table. */
  readonly children?: ReactNode;
}) {
  const layout = useViewStyles();
  const styles = useImportStyles();
  const heading = useId('report-table');
  const shown = rows.slice(0, SHOWN_ROWS);
  return (
    <section className={layout.card} aria-labelledby={heading}>
      <h2 id={heading} className={layout.cardTitle}>
        {title}
      </h2>
      {children}
      {rows.length === 0 ? (
        <Text className={styles.muted}>{empty}</Text>
      ) : (
        <div className={styles.scroll} tabIndex={0} role="group" aria-labelledby={heading}>
          <Table size="small" className={styles.table} aria-labelledby={heading}>
            <TableHeader>
              <TableRow>
                {columns.map((c) => (
                  <TableHeaderCell
                    key={c.label}
                    className={mergeClasses(styles.cell, c.numeric && styles.number)}
                  >
                    {c.label}
                  </TableHeaderCell>
                ))}
              </TableRow>
            </TableHeader>
            <TableBody>
              {shown.map((row) => (
                <TableRow key={row.key}>
                  {row.cells.map((cell, i) => (
                    <TableCell
                      key={i}
                      className={mergeClasses(styles.cell, columns[i]?.numeric && styles.number)}
                    >
                      {cell}
                    </TableCell>
                  ))}
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </div>
      )}
      {rows.length > shown.length && <Text>{m.listed(shown.length, rows.length)}</Text>}
    </section>
  );
}
