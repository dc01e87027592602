import { useId, useState } from 'react';
import { comparisonCsv } from '../../data/compare/comparison-csv';
import { type Comparison, type MetricEntry } from '../../data/compare/compare-summary';
import { comparisonMarkdown } from '../../data/compare/compare-markdown';
import {
  copyAnnouncement,
  copyNote,
  markdownRowCount,
  regressionsOnly,
} from '../../data/compare/compare-copy';
import { copyText } from '../../ui/copy-text';
import { csvBlob, fileNamePart, saveBlob } from '../../ui/save-blob';

interface CompareActionsProps {
  readonly comparison: Comparison;
  /** Every metric comparison, most harmful first, whatever is shown. */
  readonly allEntries: readonly MetricEntry[];
  readonly onlyRegressions: boolean;
  readonly baselineLabel: string;
  readonly candidateLabel: string;
}

/**
 * What the comparison can be taken away as: `Copy as Markdown` (for a PR comment; `Include
 * unchanged` adds the rows within noise) and `Download CSV` (every metric at full precision).
 */
export function CompareActions({
  comparison,
  allEntries,
  onlyRegressions,
  baselineLabel,
  candidateLabel,
}: CompareActionsProps) {
  const [includeUnchanged, setIncludeUnchanged] = useState(false);
  const [announcement, setAnnouncement] = useState('');
  const includeUnchangedId = useId();
  const copyNoteId = useId();
  const markdownRows = markdownRowCount(allEntries, onlyRegressions, includeUnchanged);

  const copyMarkdown = async (): Promise<void> => {
    const text = comparisonMarkdown(onlyRegressions ? regressionsOnly(comparison) : comparison, {
      baselineLabel,
      candidateLabel,
      all: includeUnchanged,
    });
    setAnnouncement(copyAnnouncement(markdownRows, await copyText(text)));
  };

  const downloadCsv = async (): Promise<void> => {
    const { buildCsv } = await import('../../data/csv');
    const { header, rows } = comparisonCsv(comparison);
    saveBlob(
      csvBlob(buildCsv(header, rows)),
      `vllm-compare-${fileNamePart(baselineLabel)}-vs-${fileNamePart(candidateLabel)}.csv`,
    );
  };

  return (
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
          disabled={onlyRegressions}
          onChange={(event) => {
            setIncludeUnchanged(event.currentTarget.checked);
          }}
        />
        <label htmlFor={includeUnchangedId}>Include unchanged</label>
      </span>
      <span id={copyNoteId} className="compare-field-note">
        {copyNote(markdownRows, onlyRegressions, includeUnchanged)}
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
  );
}
