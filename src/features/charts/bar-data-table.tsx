import type { BarChartData } from '../../data/charts/bar-charts';
import { describeMetric } from '../../data/metrics';
import { markDatasets, valueWithUnit } from '../../ui/chart-text';
import { DataTable, type DataRow } from '../../ui/data-table';

/** A bar chart's values: one row per test and GPU. */
export function BarDataTable({ data, caption }: { data: BarChartData; caption: string }) {
  const whisker = data.whiskerKey === null ? null : describeMetric(data.whiskerKey).label;
  const rows: DataRow[] = [];
  for (const group of data.groups) {
    for (const gpu of data.gpus) {
      const bar = group.bars.get(gpu.key);
      if (bar === undefined) continue;
      const cells = [
        group.label,
        group.key,
        gpu.label,
        valueWithUnit(data.metricKey, bar.value, data.unit),
      ];
      if (whisker !== null) {
        cells.push(
          bar.whisker === null ? '—' : valueWithUnit(data.metricKey, bar.whisker, data.unit),
        );
      }
      cells.push(markDatasets(bar));
      rows.push({ key: `${group.key}|${gpu.key}`, cells });
    }
  }
  const columns = [
    { header: 'Model' },
    { header: 'Test' },
    { header: 'GPU' },
    { header: data.label, numeric: true },
    ...(whisker === null ? [] : [{ header: whisker, numeric: true }]),
    { header: 'Source' },
  ];
  return <DataTable caption={caption} columns={columns} rows={rows} />;
}
