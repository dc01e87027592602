export interface MenuColumn {
  readonly id: string;
  readonly label: string;
  readonly visible: boolean;
  readonly toggle: (event: unknown) => void;
}

interface ColumnMenuProps {
  readonly columns: readonly MenuColumn[];
  readonly title: string;
}

/** A disclosure with one checkbox per column that can be hidden. */
export function ColumnMenu({ columns, title }: ColumnMenuProps) {
  return (
    <details className="column-menu">
      <summary>Columns</summary>
      <fieldset>
        <legend className="visually-hidden">{title} columns</legend>
        {columns.map((column) => (
          <label key={column.id}>
            <input type="checkbox" checked={column.visible} onChange={column.toggle} />
            {column.label}
          </label>
        ))}
      </fieldset>
    </details>
  );
}
