import { buildCsv, type CsvCell } from '../../data/csv';
import { DataTable, type DataCell } from '../../ui/data-table';
import { csvBlob, saveBlob } from '../../ui/save-blob';

/** Rows a decision table draws before `Show all`: every row of the bundled runs (45 at most). */
const ROWS_SHOWN = 50;

export interface DecisionCell extends DataCell {
  /** The value a CSV gets (a number unrounded); the text when absent. */
  readonly csv?: CsvCell;
  readonly numeric?: boolean;
}

export interface DecisionRow {
  readonly key: string;
  readonly cells: readonly DecisionCell[];
}

interface DecisionTableProps {
  /** The table's caption and accessible name. */
  readonly caption: string;
  readonly header: readonly string[];
  readonly rows: readonly DecisionRow[];
  /** `vllm-<fileName>.csv` */
  readonly fileName: string;
}

/** A table of the decisions section: the values, the best of each column marked, a CSV download. */
export function DecisionTable({ caption, header, rows, fileName }: DecisionTableProps) {
  const download = (): void => {
    const csv = buildCsv(
      header,
      rows.map((row) => row.cells.map((cell) => cell.csv ?? cell.text)),
    );
    saveBlob(csvBlob(csv), `vllm-${fileName}.csv`);
  };
  return (
    <div className="decision-table">
      <DataTable
        caption={caption}
        columns={header.map((name, i) => ({ header: name, numeric: rows[0]?.cells[i]?.numeric }))}
        rows={rows}
        focusable
        limit={ROWS_SHOWN}
      />
      <button type="button" onClick={download}>
        Download CSV
      </button>
    </div>
  );
}
