import './data-table.css';

export interface DataColumn {
  readonly header: string;
  readonly numeric?: boolean;
}

export interface DataRow {
  readonly key: string;
  readonly cells: readonly string[];
}

interface DataTableProps {
  readonly caption: string;
  readonly columns: readonly DataColumn[];
  readonly rows: readonly DataRow[];
}

/** The values a chart plots, as a plain table (its text alternative for keyboard and screen reader). */
export function DataTable({ caption, columns, rows }: DataTableProps) {
  return (
    <div className="chart-data-scroll">
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
          {rows.map((row) => (
            <tr key={row.key}>
              {row.cells.map((cell, i) => (
                <td
                  key={columns[i]?.header ?? i}
                  className={columns[i]?.numeric ? 'numeric' : undefined}
                >
                  {cell}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
