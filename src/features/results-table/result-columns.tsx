import {
  columnVisibilityFeature,
  createColumnHelper,
  rowSortingFeature,
  tableFeatures,
  type ColumnDef,
} from '@tanstack/react-table';
import { cellSource } from '../../data/results/provenance';
import { cellText, describeColumn } from '../../data/results/table-columns';
import type { BenchmarkResult, Dataset } from '../../data/results/result-model';

/** One row handed to the table: only rows in view are ever built. */
export interface TableRow {
  /** Position in the result index; the row's id. */
  readonly position: number;
  /** 0-based index among all rows the table has (for aria-rowindex). */
  readonly rowIndex: number;
  readonly result: BenchmarkResult;
  /** The dataset the row came from, when known: its label, and where its numbers came from. */
  readonly dataset: Dataset | undefined;
  readonly datasetLabel: string;
}

interface ResultColumnMeta {
  /** Right-aligned with tabular figures. */
  numeric?: boolean;
  /** What the column holds; shown as the header's tooltip. */
  description?: string;
}

// The meta slot is type-only: its value is never read.
const columnMeta: ResultColumnMeta = {};

export const resultTableFeatures = tableFeatures({
  rowSortingFeature,
  columnVisibilityFeature,
  columnMeta,
});

type Features = typeof resultTableFeatures;
const column = createColumnHelper<Features, TableRow>();

function ModelCell({ row }: { row: TableRow }) {
  return (
    <span className="model-cell">
      <span>{cellText('model', row.result, row.datasetLabel)}</span>
      <code className="test-name" title={row.result.testName}>
        {row.result.testName}
      </code>
    </span>
  );
}

/** A metric's cell: the number, and where it came from as its tooltip (file, format, source key). */
function MetricCell({ id, row }: { id: string; row: TableRow }) {
  const text = cellText(id, row.result, row.datasetLabel);
  const { dataset } = row;
  if (dataset === undefined) return text;
  return <span title={cellSource(id, row.result, dataset)}>{text}</span>;
}

/** Column definitions for column ids (see data/results/table-columns.ts); sorting is done outside the table. */
export function resultColumns(ids: readonly string[]): ColumnDef<Features, TableRow>[] {
  return ids.map((id) => {
    const info = describeColumn(id);
    return column.accessor((row) => cellText(id, row.result, row.datasetLabel), {
      id,
      header: info.header,
      // Best first: latencies ascending, throughputs descending.
      sortDescFirst: info.direction === 'higher',
      enableHiding: id !== 'model',
      ...(id === 'model'
        ? { cell: (context) => <ModelCell row={context.row.original} /> }
        : info.metric
          ? { cell: (context) => <MetricCell id={id} row={context.row.original} /> }
          : {}),
      meta: { numeric: info.numeric, description: info.description },
    }) as ColumnDef<Features, TableRow>;
  });
}
