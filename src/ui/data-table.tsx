import { useState } from 'react';
import './data-table.css';

export interface DataColumn {
  readonly header: string;
  readonly numeric?: boolean;
}

/** A cell marked as the best of its column: said in words (`best`), not by style alone. */
export interface DataCell {
  readonly text: string;
  readonly best?: boolean;
}

export interface DataRow {
  readonly key: string;
  readonly cells: readonly (string | DataCell)[];
}

interface DataTableProps {
  readonly caption: string;
  readonly columns: readonly DataColumn[];
  readonly rows: readonly DataRow[];
  /**
   * A table shown on the page (not behind `Show data`) may be wider than it: its scroll box is
   * then a named region a keyboard can focus and scroll.
   */
  readonly focusable?: boolean;
  /**
   * Rows drawn before `Show all` is pressed: a table of hundreds of rows in a box that shows a
   * dozen is laid out whole on every change of the view, for rows nobody has scrolled to yet.
   */
  readonly limit?: number;
}

/** A plain table of values: a chart's text alternative, or a table of its own. */
export function DataTable({
  caption,
  columns,
  rows,
  focusable = false,
  limit = Infinity,
}: DataTableProps) {
  const [all, setAll] = useState(false);
  const cut = !all && rows.length > limit;
  const shown = cut ? rows.slice(0, limit) : rows;
  const scroll = focusable
    ? { tabIndex: 0, role: 'region', 'aria-label': `${caption}, scrollable` }
    : {};
  return (
    <>
      <div className="chart-data-scroll" {...scroll}>
        <table className="chart-data">
          <caption>{caption}</caption>
          <thead>
            <tr>
              {columns.map((column) => (
                <th
                  key={column.header}
                  scope="col"
                  className={column.numeric ? 'numeric' : undefined}
                >
                  {column.header}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {shown.map((row) => (
              <tr key={row.key}>
                {row.cells.map((entry, i) => {
                  const cell = typeof entry === 'string' ? { text: entry } : entry;
                  const classes = [
                    columns[i]?.numeric ? 'numeric' : '',
                    cell.best ? 'best-cell' : '',
                  ]
                    .filter((name) => name !== '')
                    .join(' ');
                  return (
                    <td
                      key={columns[i]?.header ?? i}
                      className={classes === '' ? undefined : classes}
                    >
                      {cell.text}
                      {cell.best === true && <span className="best-badge">best</span>}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {cut && (
        <p className="data-table-more">
          {`The first ${String(limit)} of ${String(rows.length)} rows. `}
          <button
            type="button"
            onClick={() => {
              setAll(true);
            }}
          >
            {`Show all ${String(rows.length)} rows`}
          </button>
        </p>
      )}
    </>
  );
}
