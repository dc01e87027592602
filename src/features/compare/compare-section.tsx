import { useEffect, useId, useMemo, useRef, useState, type ReactNode } from 'react';
import { DEFAULT_THRESHOLD } from '../../data/compare/thresholds';
import { MIN_BAND_RUNS } from '../../data/regression/noise-model';
import {
  compareSideOptions,
  sameCompareSide,
  singleGpuPair,
  type CompareSide,
} from '../../data/compare/compare-sides';
import { metricEntries, oneSidedRows, sharesNoTest } from '../../data/compare/compare-summary';
import { DEFAULT_COMPARE_SORT, type CompareSort } from '../../data/compare/compare-sort';
import { emptyTableText, tableCaptionDetail } from '../../data/compare/compare-text';
import { onlyRegressions, sortEntriesByHarm } from '../../data/compare/harm-order';
import { selectResultIndex, useDashboardStore } from '../../store/dashboard-store';
import { CompareActions } from './compare-actions';
import { CompareSummary } from './compare-summary';
import { CompareTable } from './compare-table';
import { COMPARE_SECTION_ID, takeReveal } from './compare-toggle';
import { OneSidedTests } from './one-sided-tests';
import { scrollIntoView } from '../../ui/scroll-into-view';
import { SideNotice } from './side-notice';
import { SideSelect } from './side-select';
import { ThresholdInput } from './threshold-input';
import { useComparison } from './use-comparison';
import './compare.css';

interface CompareSectionProps {
  /** Drawn at the foot of the section for the baseline dataset (null when it is not one). */
  readonly history: (baselineId: string | null) => ReactNode;
}

/**
 * Compare two runs (or two GPUs): pick a baseline and a candidate, set the noise threshold, and
 * read what got worse, what got better and what is within noise, most harmful first. Follows
 * the shared filters and search; everything but the table's sort and `Include unchanged` is in
 * the link. Loaded as its own chunk when first opened.
 */
export function CompareSection({ history }: CompareSectionProps) {
  const datasets = useDashboardStore((state) => state.datasets);
  const index = useDashboardStore(selectResultIndex);
  const setSides = useDashboardStore((state) => state.setSides);
  const setThreshold = useDashboardStore((state) => state.setThreshold);
  const setP99Threshold = useDashboardStore((state) => state.setP99Threshold);
  const setOnlyRegressions = useDashboardStore((state) => state.setOnlyRegressions);
  const closeCompare = useDashboardStore((state) => state.closeCompare);
  const { state, baseline, candidate, comparison } = useComparison();

  const sectionRef = useRef<HTMLElement>(null);
  useEffect(() => {
    const section = sectionRef.current;
    if (section === null || !takeReveal()) return;
    const top = section.getBoundingClientRect().top;
    if (top >= 0 && top < window.innerHeight - 120) return;
    scrollIntoView(section, 'start');
  }, []);

  const [sort, setSort] = useState<CompareSort>(DEFAULT_COMPARE_SORT);
  const onlyRegressionsId = useId();

  const sideOptions = useMemo(
    () => compareSideOptions(datasets, index.groupValues.gpu),
    [datasets, index],
  );

  const allEntries = useMemo(
    () => (comparison === null ? [] : sortEntriesByHarm(metricEntries(comparison.rows))),
    [comparison],
  );
  const entries = useMemo(
    () => (state.onlyRegressions ? onlyRegressions(allEntries) : allEntries),
    [allEntries, state.onlyRegressions],
  );
  const oneSided = useMemo(() => oneSidedRows(comparison?.rows ?? []), [comparison]);

  const chooseSide = (which: 'baseline' | 'candidate', side: CompareSide | null): void => {
    // Both sides are written, so a default in effect becomes part of the link.
    if (which === 'baseline') setSides(side, candidate.side);
    else setSides(baseline.side, side);
  };

  const sameSide = sameCompareSide(baseline.side, candidate.side);
  const nothingAligned =
    comparison !== null &&
    sharesNoTest(comparison, baseline.results.length, candidate.results.length);
  const gpuPair = useMemo(
    () => singleGpuPair(baseline.results, candidate.results),
    [baseline.results, candidate.results],
  );
  const sideSelect = (which: 'baseline' | 'candidate') => (
    <SideSelect
      label={which === 'baseline' ? 'Baseline' : 'Candidate'}
      info={which === 'baseline' ? baseline : candidate}
      datasets={sideOptions.datasets}
      gpus={sideOptions.gpus}
      onChange={(side) => {
        chooseSide(which, side);
      }}
    />
  );

  return (
    <section
      ref={sectionRef}
      id={COMPARE_SECTION_ID}
      className="compare-section"
      aria-labelledby="compare-heading"
    >
      <div className="section-head">
        <h2 id="compare-heading">Compare runs</h2>
        <div className="table-actions">
          <button type="button" onClick={closeCompare}>
            Close
          </button>
        </div>
      </div>
      <p className="compare-hint">
        Follows the filters and the search. The Dataset filter does not apply to a dataset picked
        here; a GPU side takes that GPU&rsquo;s results from the datasets shown.
      </p>

      <div className="compare-controls wrap-row compare-sides">
        {sideSelect('baseline')}
        <button
          type="button"
          className="compare-swap"
          aria-label="Swap baseline and candidate"
          title="Swap baseline and candidate"
          disabled={baseline.side === null && candidate.side === null}
          onClick={() => {
            setSides(candidate.side, baseline.side);
          }}
        >
          <span aria-hidden="true">⇄</span>
        </button>
        {sideSelect('candidate')}
      </div>
      <div className="compare-controls wrap-row compare-settings">
        <ThresholdInput
          label="Noise threshold (%)"
          value={state.threshold}
          optional={false}
          description={`A change up to this is within noise (default ${String(DEFAULT_THRESHOLD)}), unless the test has ${String(MIN_BAND_RUNS)} dated runs before the candidate: then its own noise decides.`}
          onChange={(value) => {
            if (value !== null) setThreshold(value);
          }}
        />
        <ThresholdInput
          label="p99 threshold (%)"
          value={state.p99Threshold}
          optional
          placeholder={`same: ${String(state.threshold)}`}
          description="For p99 metrics, noisier than means and medians; empty uses the noise threshold."
          onChange={setP99Threshold}
        />
        <div className="compare-field compare-check">
          <input
            id={onlyRegressionsId}
            type="checkbox"
            checked={state.onlyRegressions}
            onChange={(event) => {
              setOnlyRegressions(event.currentTarget.checked);
            }}
          />
          <label htmlFor={onlyRegressionsId}>Only regressions</label>
        </div>
      </div>

      <SideNotice name="baseline" info={baseline} />
      <SideNotice name="candidate" info={candidate} />
      {(baseline.side === null || candidate.side === null) && (
        <p className="compare-notice">
          {datasets.length === 0
            ? 'No results are loaded yet.'
            : 'Choose a baseline and a candidate to compare.'}
        </p>
      )}
      {sameSide && (
        <p className="compare-notice">
          The baseline and the candidate are the same: every metric is within noise.
        </p>
      )}
      {nothingAligned && (
        <p className="compare-notice">
          These two share no test on the same GPU: results pair up only on the same GPU type and
          count.{' '}
          {gpuPair === null ? (
            'To compare one GPU against another, pick a GPU on each side.'
          ) : (
            <button
              type="button"
              onClick={() => {
                setSides(
                  { kind: 'gpu', gpu: gpuPair.baseline },
                  { kind: 'gpu', gpu: gpuPair.candidate },
                );
              }}
            >
              Compare GPU: {gpuPair.baseline} with GPU: {gpuPair.candidate}
            </button>
          )}
        </p>
      )}

      {comparison !== null && (
        <>
          <CompareSummary comparison={comparison} />
          <CompareActions
            comparison={comparison}
            allEntries={allEntries}
            onlyRegressions={state.onlyRegressions}
            baselineLabel={baseline.label}
            candidateLabel={candidate.label}
          />
          <CompareTable
            entries={entries}
            caption={`Comparison: ${baseline.label} → ${candidate.label}`}
            captionDetail={tableCaptionDetail(state)}
            sort={sort}
            onSortChange={setSort}
          />
          {entries.length === 0 && (
            <p className="empty-note">{emptyTableText(state.onlyRegressions, allEntries.length)}</p>
          )}
          <OneSidedTests baseline={oneSided.baseline} candidate={oneSided.candidate} />
        </>
      )}

      {/* What the page places under the comparison: the baseline run's history. */}
      <div className="compare-history">
        {history(baseline.side?.kind === 'dataset' ? baseline.side.id : null)}
      </div>
    </section>
  );
}

export default CompareSection;
