/** The Regressions report as people read it: cells, evidence in words, and Markdown to paste. */
import { formatChange } from '../compare/metric-verdict';
import { MISSING, formatMetricValue } from '../format';
import type { RegressionReport, RegressionRow } from './report';
import { EVERY_ROW, filterText, reportGroups, type ReportFilter } from './report-view';
import { runMarkLines } from './run-marks';

/** The evidence of a row in a few words: `Mann–Whitney p = 2.1e-5 (adjusted 0.0004), 16 → 4 runs`. */
export function evidenceText(row: RegressionRow): string {
  const { evidence } = row;
  const runs = `${String(evidence.nBefore)} → ${String(evidence.nAfter)} runs`;
  if (evidence.test === 'band') return `z = ${evidence.z.toFixed(1)} against the band, ${runs}`;
  const adjusted =
    evidence.adjustedP === null ? '' : ` (adjusted ${evidence.adjustedP.toPrecision(2)})`;
  return `Mann–Whitney p = ${evidence.p.toPrecision(2)}${adjusted}, ${runs}`;
}

/** The commits to bisect between, `a1b2c3d…e4f5a6b` (`?` for a run whose path names none); — for neither. */
export function commitRange(row: RegressionRow): string {
  const { lastGood, firstChanged } = row.commits;
  if (lastGood === null && firstChanged === null) return MISSING;
  return `${lastGood ?? '?'}…${firstChanged ?? '?'}`;
}

/** A row's cells, in the table's order. */
export function rowCells(row: RegressionRow): string[] {
  return [
    row.gpu,
    row.testName,
    row.metricLabel,
    row.status,
    row.kind,
    row.firstChanged,
    row.lastGood,
    commitRange(row),
    formatMetricValue(row.metric, row.medianBefore),
    formatMetricValue(row.metric, row.medianAfter),
    formatChange(row.changePct),
    evidenceText(row),
  ];
}

const columns = (numeric: boolean, headers: readonly string[]) =>
  headers.map((header) => ({ header, numeric }));

/** The table's columns, in the order of `rowCells`; numbers are right-aligned. */
export const REPORT_COLUMNS: readonly { readonly header: string; readonly numeric: boolean }[] = [
  ...columns(false, [
    'GPU',
    'Test',
    'Metric',
    'Status',
    'Direction',
    'First changed',
    'Last good',
    'Commits',
  ]),
  ...columns(true, ['Median before', 'Median after', 'Change']),
  ...columns(false, ['Evidence']),
];

export const REPORT_HEADERS: readonly string[] = REPORT_COLUMNS.map((column) => column.header);

/** A Markdown cell: pipes and line ends would break the table. */
function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\s+/g, ' ');
}

/**
 * The report as Markdown for an issue or a PR: the rows the filter shows (grouped by night and GPU,
 * as on the page, with the filter in words), the events, the notes, the marked runs and the rule.
 */
export function reportMarkdown(report: RegressionReport, filter: ReportFilter = EVERY_ROW): string {
  const lines = ['## Regressions', ''];
  const shown = filterText(filter);
  if (shown !== null) lines.push(`Showing ${shown}.`, '');
  const rows = reportGroups(report.rows, filter).flatMap((group) => group.rows);
  if (rows.length === 0) {
    lines.push(shown === null ? 'No series changed beyond its noise.' : 'No rows.');
  } else {
    lines.push(`| ${REPORT_HEADERS.join(' | ')} |`);
    lines.push(`|${REPORT_HEADERS.map(() => '---').join('|')}|`);
    for (const row of rows) lines.push(`| ${rowCells(row).map(cell).join(' | ')} |`);
  }
  for (const event of report.events) lines.push('', `- ${event.reason}`);
  if (report.notes.length > 0) lines.push('', ...report.notes.map((note) => `- ${note}`));
  if (report.marks.length > 0) {
    lines.push(
      '',
      'Runs marked by hand:',
      ...runMarkLines(report.marks).map((line) => `- ${line}`),
    );
  }
  lines.push('', report.rule);
  return lines.join('\n');
}
