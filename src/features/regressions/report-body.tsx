import { useEffect, useRef, useState, type ReactNode } from 'react';
import type { HistoryFocus } from '../../data/history/history-choices';
import type { RegressionReport, RegressionRow } from '../../data/regression/report';
import { REPORT_COLUMNS, rowCells } from '../../data/regression/report-text';
import {
  groupLabel,
  reportChoices,
  reportGroups,
  type KindChoice,
  type ReportFilter,
  type StatusChoice,
} from '../../data/regression/report-view';
import { ChartSelect } from '../../ui/chart-select';
import { OptionGroup, type Option } from '../../ui/option-group';

const STATUS_OPTIONS: readonly Option<StatusChoice>[] = [
  { value: 'all', label: 'All' },
  { value: 'confirmed', label: 'Confirmed' },
  { value: 'suspect', label: 'Suspect' },
];

const KIND_OPTIONS: readonly Option<KindChoice>[] = [
  { value: 'all', label: 'All' },
  { value: 'regression', label: 'Regressions' },
  { value: 'improvement', label: 'Improvements' },
];

const ALL = '';

function rowKey(row: RegressionRow): string {
  return `${row.gpu}|${row.testName}|${row.metric}`;
}

interface ReportBodyProps {
  readonly report: RegressionReport;
  readonly filter: ReportFilter;
  readonly onFilter: (filter: ReportFilter) => void;
  readonly history: (focus: HistoryFocus) => ReactNode;
}

/**
 * The report: environment events and notes, the filters, the flagged series grouped by night and
 * GPU (latest night first, worst first within), and the history of the row opened.
 */
export function ReportBody({ report, filter, onFilter, history }: ReportBodyProps) {
  const [opened, setOpened] = useState<RegressionRow | null>(null);
  const historyRef = useRef<HTMLDivElement>(null);
  const groups = reportGroups(report.rows, filter);
  const shown = groups.reduce((sum, group) => sum + group.rows.length, 0);
  const choices = reportChoices(report.rows);

  useEffect(() => {
    if (opened !== null) historyRef.current?.scrollIntoView({ block: 'nearest' });
  }, [opened]);

  return (
    <>
      {report.events.length > 0 && (
        <ul className="regression-events">
          {report.events.map((event) => (
            <li key={event.id}>{event.reason}</li>
          ))}
        </ul>
      )}
      {report.notes.length > 0 && (
        <ul className="regression-notes">
          {report.notes.map((note) => (
            <li key={note}>{note}</li>
          ))}
        </ul>
      )}
      {report.rows.length > 0 && (
        <div className="regression-filters">
          <OptionGroup
            label="Status"
            options={STATUS_OPTIONS}
            value={filter.status}
            onChange={(status) => {
              onFilter({ ...filter, status });
            }}
          />
          <OptionGroup
            label="Direction"
            options={KIND_OPTIONS}
            value={filter.kind}
            onChange={(kind) => {
              onFilter({ ...filter, kind });
            }}
          />
          <ChartSelect
            label="GPU"
            value={filter.gpu ?? ALL}
            options={[
              { value: ALL, label: 'All GPUs' },
              ...choices.gpus.map((gpu) => ({ value: gpu, label: gpu })),
            ]}
            onChange={(gpu) => {
              onFilter({ ...filter, gpu: gpu === ALL ? null : gpu });
            }}
          />
          <ChartSelect
            label="First changed"
            value={filter.night ?? ALL}
            options={[
              { value: ALL, label: 'Any night' },
              ...choices.nights.map((night) => ({ value: night, label: night })),
            ]}
            onChange={(night) => {
              onFilter({ ...filter, night: night === ALL ? null : night });
            }}
          />
        </div>
      )}
      <div className="table-scroll" tabIndex={0} role="region" aria-label="Regressions, scrollable">
        <table className="regressions-table">
          <caption>
            Regressions{' '}
            <span className="caption-detail">
              · {report.rows.length} flagged of {report.judged} series judged
              {shown !== report.rows.length && ` · ${String(shown)} shown`}
            </span>
          </caption>
          <thead>
            <tr>
              {REPORT_COLUMNS.map(({ header, numeric }) => (
                <th key={header} scope="col" className={numeric ? 'numeric' : undefined}>
                  {header}
                </th>
              ))}
              <th scope="col">History</th>
            </tr>
          </thead>
          {groups.map((group) => (
            <tbody key={`${group.night}|${group.gpu}`} aria-label={groupLabel(group)}>
              {group.rows.map((row, i) => (
                <tr
                  key={rowKey(row)}
                  className={`regression-${row.kind}${i === 0 ? ' group-start' : ''}${opened !== null && rowKey(opened) === rowKey(row) ? ' opened' : ''}`}
                >
                  {rowCells(row).map((text, column) => (
                    <td
                      key={REPORT_COLUMNS[column]?.header}
                      className={REPORT_COLUMNS[column]?.numeric === true ? 'numeric' : undefined}
                      title={i === 0 && column === 0 ? groupLabel(group) : undefined}
                    >
                      {text}
                    </td>
                  ))}
                  <td>
                    <button
                      type="button"

                      aria-label={`Show the history of ${row.testName}, ${row.metricLabel}, on ${row.gpu}`}
                      onClick={() => {
                        setOpened(row);
                      }}
                    >
                      Show history
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          ))}
        </table>
      </div>
      {report.rows.length === 0 && (
        <p className="empty-note">No series changed beyond its noise.</p>
      )}
      {report.rows.length > 0 && shown === 0 && (
        <p className="empty-note">No flagged series match these filters.</p>
      )}
      <p className="how-note">{report.rule}</p>
      {opened !== null && (
        <div className="regression-history" ref={historyRef}>
          {history({ gpu: opened.gpu, metric: opened.metric, testName: opened.testName })}
        </div>
      )}
    </>
  );
}
