import { useTable } from '@tanstack/react-table';
import { useMemo } from 'react';
import { metricColumns, type ResultRow } from '../../data/results-view';
import type { Suite } from '../../data/result-model';
import { resultTableFeatures, suiteColumns } from './suite-columns';

const SUITE_TITLES: Readonly<Record<Suite, { title: string; workload: string }>> = {
  latency: { title: 'Latency', workload: '32 input / 128 output tokens, batch 8' },
  throughput: { title: 'Throughput', workload: '200 ShareGPT prompts' },
  serving: { title: 'Serving', workload: '200 ShareGPT prompts at QPS 1, 4, 16 and inf' },
};

interface ResultsTableProps {
  readonly suite: Suite;
  readonly rows: readonly ResultRow[];
}

/** One suite's results as a real table: caption names the suite, headers carry units. */
export function ResultsTable({ suite, rows }: ResultsTableProps) {
  const metricKeys = useMemo(() => metricColumns(rows), [rows]);
  const columns = useMemo(() => suiteColumns(suite, metricKeys), [suite, metricKeys]);
  const data = useMemo(() => [...rows], [rows]);
  const table = useTable({
    features: resultTableFeatures,
    columns,
    data,
    getRowId: (row) => row.id,
  });
  const { title, workload } = SUITE_TITLES[suite];
  const headingId = `${suite}-heading`;

  return (
    <section className="results-section" aria-labelledby={headingId}>
      <h2 id={headingId}>{title}</h2>
      <div className="table-scroll">
        <table className="results-table">
          <caption>
            {title} results{' '}
            <span className="caption-detail">
              · {workload} · {rows.length} rows
            </span>
          </caption>
          <thead>
            {table.getHeaderGroups().map((headerGroup) => (
              <tr key={headerGroup.id}>
                {headerGroup.headers.map((header) => (
                  <th
                    key={header.id}
                    scope="col"
                    title={header.column.columnDef.meta?.description}
                    className={
                      header.column.columnDef.meta?.numeric === true ? 'numeric' : undefined
                    }
                  >
                    <table.FlexRender header={header} />
                  </th>
                ))}
              </tr>
            ))}
          </thead>
          <tbody>
            {table.getRowModel().rows.map((row) => (
              <tr key={row.id}>
                {row.getAllCells().map((cell) => (
                  <td
                    key={cell.id}
                    className={cell.column.columnDef.meta?.numeric === true ? 'numeric' : undefined}
                  >
                    <table.FlexRender cell={cell} />
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {rows.length === 0 && (
        <p className="empty-note">No {title.toLowerCase()} results are loaded.</p>
      )}
    </section>
  );
}
