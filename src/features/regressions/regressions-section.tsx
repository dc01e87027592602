import { useDeferredValue, useEffect, useId, useMemo, useState } from 'react';
import { historySource } from '../../data/history/history-source';
import {
  hasDatedHistory,
  mayHaveDatedHistory,
  regressionInputsOf,
  type RegressionInputs,
  type RegressionReport,
} from '../../data/regression/report';
import { REPORT_COLUMNS, reportMarkdown, rowCells } from '../../data/regression/report-text';
import { selectResultsView, useDashboardStore } from '../../store/dashboard-store';
import { computeRegressionReport } from '../../store/regression-client';
import { copyText } from '../../ui/copy-text';
import './regressions.css';

type Outcome =
  | { readonly inputs: RegressionInputs; readonly report: RegressionReport }
  | { readonly inputs: RegressionInputs; readonly error: string };

/**
 * "Did last night regress, and since when?": when some GPU has two or more dated runs in view,
 * every series of its history judged against its own noise (src/data/regression), the flagged
 * ones listed worst first. Worked out in a worker; follows the filters.
 */
export function RegressionsSection() {
  const view = useDeferredValue(useDashboardStore(selectResultsView));
  const inputs = useMemo(() => {
    if (!mayHaveDatedHistory(view.index.datasets)) return null;
    const source = historySource(view);
    return hasDatedHistory(source) ? regressionInputsOf(source) : null;
  }, [view]);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [announcement, setAnnouncement] = useState('');
  const headingId = useId();

  useEffect(() => {
    if (inputs === null) return undefined;
    let current = true;
    computeRegressionReport(inputs).then(
      (report) => {
        if (current) setOutcome({ inputs, report });
      },
      (error: unknown) => {
        if (current)
          setOutcome({ inputs, error: error instanceof Error ? error.message : String(error) });
      },
    );
    return () => {
      current = false;
    };
  }, [inputs]);

  if (inputs === null) return null;
  const shown = outcome?.inputs === inputs ? outcome : null;
  return (
    <section className="panel regressions" aria-labelledby={headingId} aria-busy={shown === null}>
      <div className="section-head">
        <h2 id={headingId}>Regressions</h2>
        {shown !== null && 'report' in shown && (
          <button
            type="button"
            onClick={() => {
              void copyText(reportMarkdown(shown.report)).then((copied) => {
                setAnnouncement(
                  copied ? 'Copied as Markdown' : 'Could not copy: select the table and copy it.',
                );
              });
            }}
          >
            Copy as Markdown
          </button>
        )}
        <span className="visually-hidden" role="status">
          {announcement}
        </span>
      </div>
      {shown === null && <p className="how-note">Judging each series against its own noise…</p>}
      {shown !== null && 'error' in shown && (
        <p role="alert">The regressions could not be worked out: {shown.error}</p>
      )}
      {shown !== null && 'report' in shown && <ReportBody report={shown.report} />}
    </section>
  );
}

function ReportBody({ report }: { readonly report: RegressionReport }) {
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
      <div className="table-scroll" tabIndex={0} role="region" aria-label="Regressions, scrollable">
        <table className="regressions-table">
          <caption>
            Regressions{' '}
            <span className="caption-detail">
              · {report.rows.length} flagged of {report.judged} series judged
            </span>
          </caption>
          <thead>
            <tr>
              {REPORT_COLUMNS.map(({ header, numeric }) => (
                <th key={header} scope="col" className={numeric ? 'numeric' : undefined}>
                  {header}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {report.rows.map((row) => (
              <tr
                key={`${row.gpu}|${row.testName}|${row.metric}`}
                className={`regression-${row.kind}`}
              >
                {rowCells(row).map((text, i) => (
                  <td
                    key={REPORT_COLUMNS[i]?.header}
                    className={REPORT_COLUMNS[i]?.numeric === true ? 'numeric' : undefined}
                  >
                    {text}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {report.rows.length === 0 && (
        <p className="empty-note">No series changed beyond its noise.</p>
      )}
      <p className="how-note">{report.rule}</p>
    </>
  );
}

export default RegressionsSection;
