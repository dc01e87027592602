import { formatHistoryDate } from '../../data/history/history-order';
import { historyChangeText, historyValueText } from '../../data/history/history-text';
import { type HistoryData } from '../../data/history/history-data';
import { DataTable, type DataRow } from '../../ui/data-table';

/** The `Show data` table: every test's value and change in every run. */
export function HistoryDataTable({ data, title }: { data: HistoryData; title: string }) {
  const rows: DataRow[] = [];
  for (const line of data.series) {
    for (const run of data.runs) {
      const point = line.points[run.position];
      if (point === undefined) continue;
      rows.push({
        key: `${line.key}|${run.id}`,
        cells: [
          line.label,
          String(run.position + 1),
          run.label,
          run.date === null ? 'no date' : formatHistoryDate(run.date),
          historyValueText(data.metricKey, point.value, data.unit),
          historyChangeText(point),
        ],
      });
    }
  }
  const unit = data.unit === '' ? '' : ` (${data.unit})`;
  return (
    <DataTable
      caption={`${title}: ${data.label}${unit} on ${data.gpu}`}
      columns={[
        { header: 'Test' },
        { header: '#', numeric: true },
        { header: 'Dataset' },
        { header: 'Date' },
        { header: `${data.label}${unit}`, numeric: true },
        { header: 'Change from baseline', numeric: true },
      ]}
      rows={rows}
    />
  );
}
