import { useEffect, useId, useMemo, useRef, useState, type ReactNode } from 'react';
import {
  DEFAULT_THRESHOLD,
  MAX_THRESHOLD,
  comparisonCsv,
  compareSideParam,
  metricEntries,
  readCompareSide,
  sortEntriesByHarm,
  type CompareSide,
  type Comparison,
} from '../../data/compare';
import { comparisonMarkdown, formatThreshold } from '../../data/compare-markdown';
import { distinctGpuLabels } from '../../data/dataset';
import { useCompareStore } from '../../store/compare-store';
import { selectResultIndex, useDashboardStore } from '../../store/dashboard-store';
import { CompareSummary } from './compare-summary';
import { COMPARE_SECTION_ID, takeReveal } from './compare-toggle';
import { CompareTable, DEFAULT_COMPARE_SORT, gpuCell, type CompareSort } from './compare-table';
import { copyText } from '../../ui/copy-text';
import { csvBlob, saveBlob } from '../../ui/save-blob';
import { fileNamePart } from '../../ui/save-blob';
import { useComparison, type SideInfo } from './use-comparison';
import './compare.css';

// ---------------------------------------------------------------------------------------------
// Choosing the sides

interface SideOption {
  readonly value: string;
  readonly label: string;
}

interface SideSelectProps {
  readonly label: 'Baseline' | 'Candidate';
  readonly info: SideInfo;
  readonly datasets: readonly SideOption[];
  readonly gpus: readonly SideOption[];
  readonly onChange: (side: CompareSide | null) => void;
}

function SideSelect({ label, info, datasets, gpus, onChange }: SideSelectProps) {
  const id = useId();
  const value = info.side === null ? '' : compareSideParam(info.side);
  const known =
    datasets.some((option) => option.value === value) ||
    gpus.some((option) => option.value === value);
  return (
    <div className="compare-field">
      <label htmlFor={id}>{label}</label>
      <select
        id={id}
        value={value}
        onChange={(event) => {
          onChange(readCompareSide(event.currentTarget.value));
        }}
      >
        {value === '' && <option value="">Choose…</option>}
        {value !== '' && !known && (
          <optgroup label="Not loaded">
            <option value={value}>{info.label} (not loaded)</option>
          </optgroup>
        )}
        <optgroup label="Datasets">
          {datasets.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </optgroup>
        {gpus.length > 0 && (
          <optgroup label="GPUs">
            {gpus.map((option) => (
              <option key={option.value} value={option.value}>
                {option.label}
              </option>
            ))}
          </optgroup>
        )}
      </select>
    </div>
  );
}

// ---------------------------------------------------------------------------------------------
// Thresholds

function parseThreshold(text: string): number | null {
  if (text.trim() === '') return null;
  const value = Number(text);
  return Number.isFinite(value) && value >= 0 && value <= MAX_THRESHOLD ? value : null;
}

interface ThresholdInputProps {
  readonly label: string;
  /** The value in effect; null for an optional threshold that is not set. */
  readonly value: number | null;
  /** Called with a valid number, or null when the field is emptied (optional only). */
  readonly onChange: (value: number | null) => void;
  readonly optional: boolean;
  readonly placeholder?: string;
  readonly description: string;
}

/**
 * A percentage field that keeps what is typed (an empty field, `1.`) while it is being typed,
 * applies every valid value at once, and goes back to the value in effect when left invalid.
 */
function ThresholdInput({
  label,
  value,
  onChange,
  optional,
  placeholder,
  description,
}: ThresholdInputProps) {
  const id = useId();
  const shown = value === null ? '' : String(value);
  const [draft, setDraft] = useState(shown);
  const [synced, setSynced] = useState(value);
  // The value changed elsewhere (Back, a link): show it, unless the draft already means it.
  if (synced !== value) {
    setSynced(value);
    if (parseThreshold(draft) !== value) setDraft(shown);
  }
  const invalid = draft.trim() === '' ? !optional : parseThreshold(draft) === null;
  return (
    <div className="compare-field compare-threshold">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        type="number"
        inputMode="decimal"
        min={0}
        max={MAX_THRESHOLD}
        step="any"
        value={draft}
        placeholder={placeholder}
        aria-invalid={invalid}
        aria-describedby={`${id}-description`}
        onChange={(event) => {
          const text = event.currentTarget.value;
          setDraft(text);
          const parsed = parseThreshold(text);
          if (parsed !== null) onChange(parsed);
          else if (optional && text.trim() === '') onChange(null);
        }}
        onBlur={() => {
          if (invalid) setDraft(shown);
        }}
      />
      <span id={`${id}-description`} className="compare-field-note">
        {description}
      </span>
    </div>
  );
}

// ---------------------------------------------------------------------------------------------
// Notices about the sides

function SideNotice({ name, info }: { readonly name: string; readonly info: SideInfo }) {
  const resetFilters = useDashboardStore((state) => state.resetFilters);
  const phase = useDashboardStore((state) => state.phase);
  if (info.side === null) return null;
  if (!info.loaded) {
    if (info.side.kind === 'gpu') {
      return (
        <p className="compare-notice">
          The {name} is GPU {info.side.gpu}, but no loaded result ran on it.
        </p>
      );
    }
    return (
      <p className="compare-notice">
        The {name} named by this link, dataset <code>{info.side.id}</code>, is not loaded
        {phase === 'ready' ? '' : ' yet'}. Saved datasets are restored shortly after the page opens;
        otherwise load the same file to see this comparison (the link keeps asking for it).
      </p>
    );
  }
  if (info.results.length === 0 && info.total > 0) {
    return (
      <p className="compare-notice">
        All {info.total.toLocaleString('en-US')} results of the {name} ({info.label}) are hidden by
        the filters or the search.{' '}
        <button type="button" onClick={resetFilters}>
          Reset filters
        </button>
      </p>
    );
  }
  return null;
}

// ---------------------------------------------------------------------------------------------
// The section

/** What `Copy as Markdown` will copy, in words. */
function copyNote(rows: number, onlyRegressions: boolean, includeUnchanged: boolean): string {
  const count = `${rows.toLocaleString('en-US')} ${rows === 1 ? 'row' : 'rows'}`;
  if (onlyRegressions) return `Copies ${count}: the regressions shown.`;
  if (includeUnchanged) return `Copies all ${count}.`;
  return `Copies ${count}: regressions and improvements only.`;
}

/** The comparison as the markdown and the table list it under `Only regressions`. */
function regressionsOnly(comparison: Comparison): Comparison {
  return {
    ...comparison,
    rows: comparison.rows.map((row) => ({
      ...row,
      metrics: row.metrics.filter((metric) => metric.verdict === 'regression'),
    })),
  };
}

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
  const setSides = useCompareStore((state) => state.setSides);
  const setThreshold = useCompareStore((state) => state.setThreshold);
  const setP99Threshold = useCompareStore((state) => state.setP99Threshold);
  const setOnlyRegressions = useCompareStore((state) => state.setOnlyRegressions);
  const closeCompare = useCompareStore((state) => state.closeCompare);
  const { state, baseline, candidate, comparison } = useComparison();

  const sectionRef = useRef<HTMLElement>(null);
  useEffect(() => {
    const section = sectionRef.current;
    if (section === null || !takeReveal()) return;
    const top = section.getBoundingClientRect().top;
    if (top >= 0 && top < window.innerHeight - 120) return;
    // jsdom has no scrollIntoView; browsers all do.
    (section as { scrollIntoView?: (options: ScrollIntoViewOptions) => void }).scrollIntoView?.({
      block: 'start',
    });
  }, []);

  const [sort, setSort] = useState<CompareSort>(DEFAULT_COMPARE_SORT);
  const [includeUnchanged, setIncludeUnchanged] = useState(false);
  const [announcement, setAnnouncement] = useState('');
  const onlyRegressionsId = useId();
  const includeUnchangedId = useId();
  const copyNoteId = useId();

  const datasetOptions = useMemo(
    () => datasets.map((dataset) => ({ value: dataset.id, label: dataset.label })),
    [datasets],
  );
  const gpuOptions = useMemo(
    () =>
      index.groupValues.gpu.map((entry) => ({
        value: compareSideParam({ kind: 'gpu', gpu: entry.value }),
        label: `GPU: ${entry.label}`,
      })),
    [index],
  );

  const allEntries = useMemo(
    () => (comparison === null ? [] : sortEntriesByHarm(metricEntries(comparison.rows))),
    [comparison],
  );
  const entries = useMemo(
    () =>
      state.onlyRegressions
        ? allEntries.filter((entry) => entry.metric.verdict === 'regression')
        : allEntries,
    [allEntries, state.onlyRegressions],
  );
  const markdownRows = useMemo(() => {
    if (includeUnchanged && !state.onlyRegressions) return allEntries.length;
    return allEntries.filter(
      (entry) =>
        entry.metric.verdict === 'regression' ||
        (!state.onlyRegressions && entry.metric.verdict === 'improvement'),
    ).length;
  }, [allEntries, includeUnchanged, state.onlyRegressions]);

  const oneSided = useMemo(
    () => ({
      baseline: comparison?.rows.filter((row) => row.presence === 'missing in candidate') ?? [],
      candidate: comparison?.rows.filter((row) => row.presence === 'missing in baseline') ?? [],
    }),
    [comparison],
  );

  const chooseSide = (which: 'baseline' | 'candidate', side: CompareSide | null): void => {
    // Both sides are written, so a default in effect becomes part of the link.
    if (which === 'baseline') setSides(side, candidate.side);
    else setSides(baseline.side, side);
  };

  const copyMarkdown = async (): Promise<void> => {
    if (comparison === null) return;
    const text = comparisonMarkdown(
      state.onlyRegressions ? regressionsOnly(comparison) : comparison,
      {
        baselineLabel: baseline.label,
        candidateLabel: candidate.label,
        all: includeUnchanged,
      },
    );
    const copied = await copyText(text);
    const rows = `${markdownRows.toLocaleString('en-US')} ${markdownRows === 1 ? 'row' : 'rows'}`;
    setAnnouncement(
      copied
        ? `Copied ${rows} as Markdown.`
        : 'Could not copy: the browser did not allow it. Select the table and copy it instead.',
    );
  };

  const downloadCsv = async (): Promise<void> => {
    if (comparison === null) return;
    const { buildCsv } = await import('../../data/csv');
    const { header, rows } = comparisonCsv(comparison);
    saveBlob(
      csvBlob(buildCsv(header, rows)),
      `vllm-compare-${fileNamePart(baseline.label)}-vs-${fileNamePart(candidate.label)}.csv`,
    );
  };

  const sameSide =
    baseline.side !== null &&
    candidate.side !== null &&
    compareSideParam(baseline.side) === compareSideParam(candidate.side);
  const nothingAligned =
    comparison !== null &&
    !comparison.ignoreGpu &&
    comparison.summary.tests.compared === 0 &&
    baseline.results.length > 0 &&
    candidate.results.length > 0;
  // When two single-GPU runs share nothing, comparing their GPUs is what was most likely meant.
  const gpuPair = useMemo(() => {
    const baselineGpus = distinctGpuLabels(baseline.results);
    const candidateGpus = distinctGpuLabels(candidate.results);
    const [baselineGpu] = baselineGpus;
    const [candidateGpu] = candidateGpus;
    if (baselineGpus.length !== 1 || candidateGpus.length !== 1) return null;
    if (baselineGpu === undefined || candidateGpu === undefined) return null;
    return { baseline: baselineGpu, candidate: candidateGpu };
  }, [baseline.results, candidate.results]);
  const thresholdText =
    state.p99Threshold === null
      ? `threshold ${formatThreshold(state.threshold)}`
      : `threshold ${formatThreshold(state.threshold)}, p99 ${formatThreshold(state.p99Threshold)}`;

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

      <div className="compare-controls compare-sides">
        <SideSelect
          label="Baseline"
          info={baseline}
          datasets={datasetOptions}
          gpus={gpuOptions}
          onChange={(side) => {
            chooseSide('baseline', side);
          }}
        />
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
        <SideSelect
          label="Candidate"
          info={candidate}
          datasets={datasetOptions}
          gpus={gpuOptions}
          onChange={(side) => {
            chooseSide('candidate', side);
          }}
        />
      </div>
      <div className="compare-controls compare-settings">
        <ThresholdInput
          label="Noise threshold (%)"
          value={state.threshold}
          optional={false}
          description={`A change up to this is within noise (default ${String(DEFAULT_THRESHOLD)}).`}
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
          <div className="compare-actions">
            <button
              type="button"
              aria-describedby={copyNoteId}
              onClick={() => {
                void copyMarkdown();
              }}
            >
              Copy as Markdown
            </button>
            <span className="compare-check">
              <input
                id={includeUnchangedId}
                type="checkbox"
                checked={includeUnchanged}
                disabled={state.onlyRegressions}
                onChange={(event) => {
                  setIncludeUnchanged(event.currentTarget.checked);
                }}
              />
              <label htmlFor={includeUnchangedId}>Include unchanged</label>
            </span>
            <span id={copyNoteId} className="compare-field-note">
              {copyNote(markdownRows, state.onlyRegressions, includeUnchanged)}
            </span>
            <button
              type="button"
              className="compare-download"
              disabled={allEntries.length === 0}
              title="Every metric comparison at full precision, whatever is shown"
              onClick={() => {
                void downloadCsv();
              }}
            >
              Download CSV
            </button>
            <p className="compare-announce" role="status" aria-live="polite">
              {announcement}
            </p>
          </div>
          <CompareTable
            entries={entries}
            caption={`Comparison: ${baseline.label} → ${candidate.label}`}
            captionDetail={`${thresholdText} · ${
              state.onlyRegressions ? 'only regressions' : 'most harmful first'
            }`}
            sort={sort}
            onSortChange={setSort}
          />
          {entries.length === 0 && (
            <p className="empty-note">
              {state.onlyRegressions && allEntries.length > 0
                ? 'No regression beyond the threshold.'
                : 'Nothing to compare with these sides and filters.'}
            </p>
          )}
          {(oneSided.baseline.length > 0 || oneSided.candidate.length > 0) && (
            <div className="compare-one-sided">
              {(
                [
                  ['baseline', 'Tests only in the baseline', oneSided.baseline],
                  ['candidate', 'Tests only in the candidate', oneSided.candidate],
                ] as const
              ).map(([side, title, rows]) =>
                rows.length === 0 ? null : (
                  <section key={side} aria-labelledby={`compare-only-${side}`}>
                    <h3 id={`compare-only-${side}`}>
                      {title} ({rows.length.toLocaleString('en-US')})
                    </h3>
                    <ul>
                      {rows.slice(0, 50).map((row) => (
                        <li key={row.key}>
                          <code>{row.label}</code> · {gpuCell(row)}
                        </li>
                      ))}
                      {rows.length > 50 && (
                        <li>and {(rows.length - 50).toLocaleString('en-US')} more (see the CSV)</li>
                      )}
                    </ul>
                  </section>
                ),
              )}
            </div>
          )}
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
