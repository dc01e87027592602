import { createColumnHelper, tableFeatures, type ColumnDef } from '@tanstack/react-table';
import { formatMetricValue, formatQps, metricHeader } from '../../data/format';
import { gpuLabel } from '../../data/gpu';
import { describeMetric, directionText } from '../../data/metrics';
import { modelLabel } from '../../data/models';
import type { ResultRow } from '../../data/results-view';
import type { Suite } from '../../data/result-model';

interface ResultColumnMeta {
  /** Right-aligned with tabular figures. */
  numeric?: boolean;
  /** What the column holds; shown as the header's tooltip. */
  description?: string;
}

// The meta slot is type-only: its value is never read.
const columnMeta: ResultColumnMeta = {};

export const resultTableFeatures = tableFeatures({ columnMeta });

type Features = typeof resultTableFeatures;
const column = createColumnHelper<Features, ResultRow>();

function ModelCell({ row }: { row: ResultRow }) {
  return (
    <span className="model-cell">
      <span>{modelLabel(row.result.model)}</span>
      <code className="test-name">{row.result.testName}</code>
    </span>
  );
}

const describingColumns = [
  column.accessor((row) => modelLabel(row.result.model), {
    id: 'model',
    header: 'Model',
    cell: (info) => <ModelCell row={info.row.original} />,
    meta: { description: 'Model under test; the raw test name is shown below it' },
  }),
  column.accessor((row) => row.result.tp, {
    id: 'tp',
    header: 'TP',
    cell: (info) => info.getValue() ?? '—',
    meta: { numeric: true, description: 'Tensor-parallel size: GPUs one model instance runs on' },
  }),
  column.accessor((row) => gpuLabel(row.result.gpu), {
    id: 'gpu',
    header: 'GPU',
    meta: { description: 'GPUs of the machine the benchmark ran on' },
  }),
  column.accessor((row) => row.datasetLabel, {
    id: 'dataset',
    header: 'Dataset',
    meta: { description: 'The loaded results this row comes from' },
  }),
];

const qpsColumn = column.accessor((row) => formatQps(row.result.qps), {
  id: 'qps',
  header: 'QPS',
  meta: { numeric: true, description: 'Offered request rate; inf sends all requests at once' },
});

function metricColumn(key: string): ColumnDef<Features, ResultRow, number | null> {
  const info = describeMetric(key);
  const direction = directionText(info.direction);
  return column.accessor((row) => row.result.metrics[key] ?? null, {
    id: key,
    header: metricHeader(key),
    cell: (info) => formatMetricValue(key, info.getValue()),
    meta: {
      numeric: true,
      description: direction === '' ? info.description : `${info.description} (${direction})`,
    },
  });
}

/** The columns of one suite's table for the metric keys present in its rows. */
export function suiteColumns(
  suite: Suite,
  metricKeys: readonly string[],
): ColumnDef<Features, ResultRow>[] {
  const leading = suite === 'serving' ? [...describingColumns, qpsColumn] : describingColumns;
  return [...leading, ...metricKeys.map(metricColumn)] as ColumnDef<Features, ResultRow>[];
}
