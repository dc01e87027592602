import type { ChartGpu } from '../../data/charts/chart-gpus';
import { formatRatio } from '../../data/charts/chart-summaries';
import type { SpeedupMatrix } from '../../data/charts/speedup';
import { describeMetric } from '../../data/metrics';
import { valueWithUnit } from '../../ui/chart-text';
import { DataTable, type DataRow } from '../../ui/data-table';

/** The matrix's `Show data` table: each test's reference value and every GPU's ratio. */
export function SpeedupDataTable({
  matrix,
  columns,
  title,
}: {
  matrix: SpeedupMatrix;
  columns: readonly ChartGpu[];
  title: string;
}) {
  const baseline = matrix.baseline;
  if (baseline === null) return null;
  const rows: DataRow[] = matrix.rows.map((row) => {
    const { label, unit } = describeMetric(row.metricKey);
    return {
      key: `${row.suite}|${row.testName}`,
      cells: [
        row.label,
        row.testName,
        `${label} (${unit})`,
        valueWithUnit(row.metricKey, row.base.value, unit),
        ...columns.map((gpu) => {
          const entry = row.cells.get(gpu.key);
          return entry === undefined ? '—' : formatRatio(entry.ratio);
        }),
      ],
    };
  });
  rows.push({
    key: 'geometric-mean',
    cells: [
      'Geometric mean',
      '',
      '',
      '',
      ...columns.map((gpu) => {
        const mean = matrix.geometricMeans.get(gpu.key);
        return mean === undefined ? '—' : formatRatio(mean.value);
      }),
    ],
  });
  return (
    <DataTable
      caption={`${title}: each GPU's speedup over ${baseline.label} (above 1× is faster)`}
      columns={[
        { header: 'Test' },
        { header: 'Test name' },
        { header: 'Compared by' },
        { header: `${baseline.label} value`, numeric: true },
        ...columns.map((gpu) => ({ header: gpu.label, numeric: true })),
      ]}
      rows={rows}
    />
  );
}
