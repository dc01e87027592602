import { useEffect, useId, useMemo, useRef, useState, type ReactNode } from 'react';
import type { HistoryFocus } from '../../data/history/history-choices';
import { historySource } from '../../data/history/history-source';
import {
  hasDatedHistory,
  mayHaveDatedHistory,
  regressionInputsOf,
  type RegressionInputs,
  type RegressionReport,
} from '../../data/regression/report';
import { reportMarkdown } from '../../data/regression/report-text';
import { EVERY_ROW, filterFor, type ReportFilter } from '../../data/regression/report-view';
import { useDashboardStore } from '../../store/dashboard-store';
import { withDeferredView, type WithView } from '../../store/deferred-view';
import { computeRegressionReport } from '../../store/regression-client';
import { copyText } from '../../ui/copy-text';
import { scrollIntoView } from '../../ui/scroll-into-view';
import { ReportBody } from './report-body';
import './regressions.css';

type Outcome =
  | { readonly inputs: RegressionInputs; readonly report: RegressionReport }
  | { readonly inputs: RegressionInputs; readonly error: string };

interface RegressionsSectionProps {
  /** The History chart opened on a flagged series (the page renders it; features don't know it). */
  readonly history: (focus: HistoryFocus) => ReactNode;
}

/**
 * "Did last night regress, and since when?": when some GPU has two or more dated runs in view,
 * every series of its history judged against its own noise (src/data/regression), the flagged
 * ones listed by night and GPU, worst first. Worked out in a worker; follows the filters and the
 * runs marked as outliers or known changes.
 */
export const RegressionsSection = withDeferredView(function RegressionsSection({
  view,
  history,
}: WithView<RegressionsSectionProps>) {
  const runMarks = useDashboardStore((state) => state.runMarks);
  const inputs = useMemo(() => {
    if (!mayHaveDatedHistory(view.index.datasets)) return null;
    const source = historySource(view);
    return hasDatedHistory(source) ? regressionInputsOf(source, runMarks) : null;
  }, [view, runMarks]);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const setRegressionReport = useDashboardStore((state) => state.setRegressionReport);
  const [announcement, setAnnouncement] = useState('');
  const [filter, setFilter] = useState<ReportFilter>(EVERY_ROW);
  const [opened, setOpened] = useState<HistoryFocus | null>(null);
  const historyRef = useRef<HTMLDivElement>(null);
  const headingId = useId();

  useEffect(() => {
    if (opened !== null) scrollIntoView(historyRef.current, 'nearest');
  }, [opened]);

  useEffect(() => {
    if (inputs === null) {
      setRegressionReport(null);
      return undefined;
    }
    let current = true;
    computeRegressionReport(inputs).then(
      (report) => {
        if (!current) return;
        setOutcome({ inputs, report });
        // The overview tells the latest night's changes from it.
        setRegressionReport(report);
      },
      (error: unknown) => {
        if (current)
          setOutcome({ inputs, error: error instanceof Error ? error.message : String(error) });
      },
    );
    return () => {
      current = false;
    };
  }, [inputs, setRegressionReport]);

  if (inputs === null) return null;
  // While a new report is worked out (a filter or a mark changed), the last one stays, marked
  // busy: the page does not jump, and the history opened stays open.
  const shown = outcome;
  const fresh = outcome?.inputs === inputs;
  return (
    <section
      id="regressions"
      className={`panel regressions${fresh ? '' : ' regressions-stale'}`}
      aria-labelledby={headingId}
      aria-busy={!fresh}
    >
      <div className="section-head">
        <h2 id={headingId}>Regressions</h2>
        {shown !== null && 'report' in shown && (
          <button
            type="button"
            onClick={() => {
              void copyText(
                reportMarkdown(shown.report, filterFor(shown.report.rows, filter)),
              ).then((copied) => {
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
      {!fresh && <p className="how-note">Judging each series against its own noise…</p>}
      {shown !== null && 'error' in shown && (
        <p role="alert">The regressions could not be worked out: {shown.error}</p>
      )}
      {shown !== null && 'report' in shown && (
        <ReportBody
          report={shown.report}
          filter={filter}
          onFilter={setFilter}
          opened={opened}
          onOpen={setOpened}
        />
      )}
      {opened !== null && (
        <div className="regression-history" ref={historyRef}>
          {history(opened)}
        </div>
      )}
    </section>
  );
}, 'regressions');

export default RegressionsSection;
