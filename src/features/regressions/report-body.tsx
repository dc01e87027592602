import type { HistoryFocus } from '../../data/history/history-choices';
import type { RegressionReport, RegressionRow } from '../../data/regression/report';
import { REPORT_COLUMNS, rowCells } from '../../data/regression/report-text';
import {
  filterFor,
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
  /** The series whose history is open, and how a row opens its own. */
  readonly opened: HistoryFocus | null;
  readonly onOpen: (focus: HistoryFocus) => void;
}

function isOpened(row: RegressionRow, opened: HistoryFocus | null): boolean {
  return (
    opened !== null &&
    opened.gpu === row.gpu &&
    opened.metric === row.metric &&
    opened.testName === row.testName
  );
}

/**
 * The report: environment events and notes, the filters, and the flagged series grouped by night
 * and GPU (latest night first, worst first within), each with a button that opens its history.
 */
export function ReportBody({ report, filter: chosen, onFilter, opened, onOpen }: ReportBodyProps) {
  const filter = filterFor(report.rows, chosen);
  const groups = reportGroups(report.rows, filter);
  const shown = groups.reduce((sum, group) => sum + group.rows.length, 0);
  const choices = reportChoices(report.rows);
  const refine = (change: Partial<ReportFilter>): void => {
    onFilter({ ...filter, ...change });
  };
  const refineBy =
    <K extends keyof ReportFilter>(key: K) =>
    (value: ReportFilter[K]): void => {
      refine({ [key]: value });
    };
  // A select of one of the filter's values, or any (null).
  const anyOf = (
    label: string,
    key: 'gpu' | 'night',
    anyLabel: string,
    values: readonly string[],
  ) => (
    <ChartSelect
      label={label}
      value={filter[key] ?? ALL}
      options={[
        { value: ALL, label: anyLabel },
        ...values.map((value) => ({ value, label: value })),
      ]}
      onChange={(value) => {
        refine({ [key]: value === ALL ? null : value });
      }}
    />
  );

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
            onChange={refineBy('status')}
          />
          <OptionGroup
            label="Direction"
            options={KIND_OPTIONS}
            value={filter.kind}
            onChange={refineBy('kind')}
          />
          {anyOf('GPU', 'gpu', 'All GPUs', choices.gpus)}
          {anyOf('First changed', 'night', 'Any night', choices.nights)}
        </div>
      )}
      {groups.length > 1 && (
        <nav className="regression-groups" aria-label="Nights and GPUs">
          <ul>
            {groups.map((group) => (
              <li key={`${group.night}|${group.gpu}`}>
                <button
                  type="button"
                  onClick={() => {
                    onFilter({ ...filter, night: group.night, gpu: group.gpu });
                  }}
                >
                  {groupLabel(group)}
                </button>
              </li>
            ))}
          </ul>
        </nav>
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
                  className={`regression-${row.kind}${i === 0 ? ' group-start' : ''}${isOpened(row, opened) ? ' opened' : ''}`}
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
                      aria-pressed={isOpened(row, opened)}
                      onClick={() => {
                        onOpen({ gpu: row.gpu, metric: row.metric, testName: row.testName });
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
    </>
  );
}
