import { qpsText } from '../../data/charts/qps-axis';
import type { ServingChartData } from '../../data/charts/serving-charts';
import { seriesKeyOf, seriesLabelOf } from '../../data/charts/small-multiples';
import { markDatasets, valueWithUnit } from '../../ui/chart-text';
import { DataTable, type DataRow } from '../../ui/data-table';

/** The serving chart's `Show data` table: every model, GPU and QPS value. */
export function ServingDataTable({ data, title }: { data: ServingChartData; title: string }) {
  const rows: DataRow[] = [];
  for (const panel of data.panels) {
    for (const line of panel.lines) {
      for (const qps of panel.qpsAxis) {
        const mark = line.points.get(qps);
        if (mark === undefined) continue;
        rows.push({
          key: `${panel.key}|${seriesKeyOf(line)}|${qps}`,
          cells: [
            panel.label,
            seriesLabelOf(line),
            qpsText(qps),
            valueWithUnit(data.metricKey, mark.value, data.unit),
            line.saturation === qps ? 'saturates here' : '',
            `${mark.testNames.join(', ')} · ${markDatasets(mark)}`,
          ],
        });
      }
    }
  }
  return (
    <DataTable
      caption={`${title}: ${data.label} (${data.unit})`}
      columns={[
        { header: 'Model' },
        { header: 'GPU' },
        { header: 'QPS', numeric: true },
        { header: data.label, numeric: true },
        { header: 'Saturation' },
        { header: 'Source' },
      ]}
      rows={rows}
    />
  );
}
