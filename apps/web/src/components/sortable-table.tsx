// The portal's tables: headings that sort by their column through the address (SortHeader), and a totals
// row (count, summed MW…) under the rows shown. Columns say how to draw, sort and total themselves.
import type { ReactNode } from 'react';
import { SortHeader } from './sort-header';
import { type SortState, type SortValue, sortRows } from '@/lib/table-sort';

export interface Column<T> {
  key: string;
  label: string;
  numeric?: boolean;
  cell: (row: T) => ReactNode;
  /** What the column sorts by; a column without it does not sort (e.g. buttons). */
  sortBy?: (row: T) => SortValue;
  /** Its figure in the totals row, over the rows shown. */
  total?: (rows: readonly T[]) => ReactNode;
}

export function SortableTable<T>({
  rows,
  columns,
  rowKey,
  sort,
  totalLabel,
  rowTestId,
  testId,
}: {
  rows: readonly T[];
  columns: readonly Column<T>[];
  rowKey: (row: T) => string;
  sort: SortState;
  /** The totals row's first cell, e.g. `3 blocks`; no totals row without it. */
  totalLabel?: (count: number) => string;
  rowTestId?: (row: T) => string;
  testId?: string;
}) {
  const sortable = Object.fromEntries(columns.flatMap((c) => (c.sortBy ? [[c.key, c.sortBy]] : [])));
  const sorted = sortRows(rows, sortable, sort.params.sort, sort.params.dir);
  return (
    <div className="table-wrap" id={sort.anchor}>
      <table data-testid={testId}>
        <thead>
          <tr>
            {columns.map((c) =>
              c.sortBy ? (
                <SortHeader key={c.key} state={sort} column={c.key} label={c.label} numeric={c.numeric} />
              ) : (
                <th key={c.key} className={c.numeric ? 'num' : undefined}>{c.label}</th>
              ),
            )}
          </tr>
        </thead>
        <tbody>
          {sorted.map((row) => (
            <tr key={rowKey(row)} data-testid={rowTestId?.(row)}>
              {columns.map((c) => (
                <td key={c.key} className={c.numeric ? 'num' : undefined}>{c.cell(row)}</td>
              ))}
            </tr>
          ))}
        </tbody>
        {totalLabel && (
          <tfoot data-testid="table-totals">
            <tr>
              {columns.map((c, i) =>
                i === 0 ? (
                  <th key={c.key} scope="row">{totalLabel(rows.length)}</th>
                ) : (
                  <td key={c.key} className={c.numeric ? 'num' : undefined}>{c.total?.(rows)}</td>
                ),
              )}
            </tr>
          </tfoot>
        )}
      </table>
    </div>
  );
}

/** Summed MW of the rows, formatted as the cells are. */
export const totalMw = <T,>(mw: (row: T) => number, format: (mw: number) => string) => (rows: readonly T[]) => format(rows.reduce((sum, row) => sum + mw(row), 0));
