import { qpsText } from '../../data/charts/qps-axis';
import { seriesKeyOf, seriesLabelOf } from '../../data/charts/small-multiples';
import type { TradeOffData } from '../../data/charts/trade-off';
import { markDatasets, valueWithUnit } from '../../ui/chart-text';
import { DataTable, type DataRow } from '../../ui/data-table';

/** The trade-off chart's `Show data` table: every point, and whether it is on its GPU's frontier. */
export function TradeOffDataTable({ data, title }: { data: TradeOffData; title: string }) {
  const rows: DataRow[] = [];
  for (const panel of data.panels) {
    for (const series of panel.series) {
      const frontier = new Set(series.frontier);
      for (const point of series.points) {
        rows.push({
          key: `${panel.key}|${seriesKeyOf(series)}|${point.qps}`,
          cells: [
            panel.label,
            seriesLabelOf(series),
            qpsText(point.qps),
            valueWithUnit(data.x.metricKey, point.x, data.x.unit),
            valueWithUnit(data.y.metricKey, point.y, data.y.unit),
            frontier.has(point) ? 'yes' : 'no',
            markDatasets(point.yMark),
          ],
        });
      }
    }
  }
  return (
    <DataTable
      caption={`${title}: ${data.x.label} (${data.x.unit}) and ${data.y.label} (${data.y.unit})`}
      columns={[
        { header: 'Model' },
        { header: 'GPU' },
        { header: 'QPS', numeric: true },
        { header: `${data.x.label} (${data.x.unit})`, numeric: true },
        { header: `${data.y.label} (${data.y.unit})`, numeric: true },
        { header: 'On frontier' },
        { header: 'Source' },
      ]}
      rows={rows}
    />
  );
}
