import type { MouseEvent, ReactNode } from 'react';
import './sortable-header.css';

export type SortDirection = 'asc' | 'desc';

/** `aria-sort` of a sorted column, and the words a screen reader hears after its name. */
const SORTED: Readonly<Record<SortDirection, 'ascending' | 'descending'>> = {
  asc: 'ascending',
  desc: 'descending',
};
const ARROW: Readonly<Record<SortDirection, string>> = { asc: '▲', desc: '▼' };

interface SortableHeaderProps {
  /** The column's name: the button's text, first inside it. */
  readonly children: ReactNode;
  /** How the table is sorted by this column now; false when it is not. */
  readonly sorted: SortDirection | false;
  /**
   * Where this column stands among the columns the table is sorted by (1 first), shown beside
   * the arrow; leave it out when the table is sorted by one column.
   */
  readonly position?: number;
  /**
   * Called on a click (or Enter and Space): the table decides the next order, and may read the
   * event's shiftKey to add the column to the others.
   */
  readonly onSort: ((event: MouseEvent<HTMLButtonElement>) => void) | undefined;
  /** The header cell's tooltip, what the column holds. */
  readonly title?: string | undefined;
  /** The button's tooltip: what a click does. */
  readonly sortHint: string;
  /** A column of numbers: the header is aligned right, as its cells are. */
  readonly numeric?: boolean;
}

/**
 * A table's column header that sorts the table: a button in the `th`, which says how the column
 * is sorted with `aria-sort`, an arrow (and its position when the table is sorted by several
 * columns) and, for screen readers, ", sorted ascending" after the column's name.
 */
export function SortableHeader({
  children,
  sorted,
  position,
  onSort,
  title,
  sortHint,
  numeric = false,
}: SortableHeaderProps) {
  return (
    <th
      scope="col"
      title={title}
      className={numeric ? 'numeric' : undefined}
      aria-sort={sorted === false ? 'none' : SORTED[sorted]}
    >
      <button type="button" className="sort-button" onClick={onSort} title={sortHint}>
        {children}
        <span className="sort-indicator" aria-hidden="true">
          {sorted === false ? '' : ARROW[sorted]}
          {sorted !== false && position !== undefined ? position : ''}
        </span>
        {sorted !== false && <span className="visually-hidden">, sorted {SORTED[sorted]}</span>}
      </button>
    </th>
  );
}
