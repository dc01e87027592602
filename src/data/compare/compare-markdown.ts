/**
 * `Copy as Markdown` for a comparison: a heading, a summary line and a compact GitHub-flavoured
 * table, ready to paste into a PR comment or an issue.
 */
import { formatRatio } from '../charts/chart-summaries';
import { formatMetricValue, metricHeader } from '../format';
import { rowGpuText } from './align-results';
import { metricEntries, suiteGeomeans, type Comparison, type MetricEntry } from './compare-summary';
import { sortEntriesByHarm } from './harm-order';
import { ruleCountsText, ruleText } from './compare-text';
import { formatChange } from './metric-verdict';
import { formatThreshold, type ThresholdSpec } from './thresholds';

/**
 * Text from a label, test name or metric column made inert in markdown: control characters
 * (a newline would end the table row) become spaces; `\ | * ~ [ ] `` ` are backslash-escaped so
 * no pipe splits a cell and no emphasis, link or code span starts; `_` is escaped except inside a
 * word, so test names stay readable (`serving_llama8B_tp1` cannot start emphasis in GFM); `&`,
 * `<` and `>` become entities so no HTML tag (`<script>`) or entity gets through.
 */
export function escapeMarkdownText(text: string): string {
  return text
    .replace(/\p{Cc}+/gu, ' ')
    .replace(/[\\`*~[\]|]/g, '\\$&')
    .replace(/(?<![\p{L}\p{N}])_|_(?![\p{L}\p{N}])/gu, '\\_')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;');
}

/** `threshold ±5%`, then each override: `; ttft_p99 ±10%; metrics ending in _p99 ±8%`. */
function thresholdText(spec: ThresholdSpec): string {
  const parts = [`threshold ${formatThreshold(spec.default)}`];
  for (const [key, value] of Object.entries(spec.perMetric ?? {})) {
    parts.push(`${key} ${formatThreshold(value)}`);
  }
  for (const [suffix, value] of Object.entries(spec.perSuffix ?? {})) {
    parts.push(`metrics ending in ${suffix} ${formatThreshold(value)}`);
  }
  return escapeMarkdownText(parts.join('; '));
}

function plural(count: number, one: string, many = `${one}s`): string {
  return `${count} ${count === 1 ? one : many}`;
}

/**
 * `1 regression, 2 improvements, 4 within noise, 0 missing; 3 tests compared, 1 missing in
 * candidate, 0 missing in baseline.` Metrics without a direction and ignored duplicates are
 * mentioned only when there are some, to keep the common case short.
 */
export function summaryLine(comparison: Pick<Comparison, 'summary'>): string {
  const { verdicts, tests } = comparison.summary;
  const metrics = [
    plural(verdicts.regression, 'regression'),
    plural(verdicts.improvement, 'improvement'),
    `${verdicts['within noise']} within noise`,
    `${verdicts.missing} missing`,
  ];
  if (verdicts['no direction'] > 0) metrics.push(`${verdicts['no direction']} without direction`);
  const testParts = [
    `${plural(tests.compared, 'test')} compared`,
    ...(tests.notComparable === 0 ? [] : [`${tests.notComparable} not comparable`]),
    `${tests.missingInCandidate} missing in candidate`,
    `${tests.missingInBaseline} missing in baseline`,
  ];
  const duplicates = tests.duplicatesIgnored.baseline + tests.duplicatesIgnored.candidate;
  const tail = duplicates > 0 ? `; ${plural(duplicates, 'duplicate result')} ignored` : '';
  return `${metrics.join(', ')}; ${testParts.join(', ')}${tail}.`;
}

/**
 * `Geometric mean, candidate vs baseline (above 1× is better): latency 1.26×, serving 0.98×.`
 * over the suites that have one; null when none has.
 */
function geomeanLine(comparison: Pick<Comparison, 'summary'>): string | null {
  const parts = suiteGeomeans(comparison.summary).map(
    ({ suite, geomean }) => `${suite} ${formatRatio(geomean.ratio)}`,
  );
  if (parts.length === 0) return null;
  return `Geometric mean, candidate vs baseline (above 1× is better): ${parts.join(', ')}.`;
}

const TABLE_HEAD = [
  '| Test | GPU | Metric | Baseline | Candidate | Change | Verdict | Decided by |',
  '| --- | --- | --- | ---: | ---: | ---: | --- | --- |',
];

function tableRow({ row, metric }: MetricEntry): string {
  const cells = [
    escapeMarkdownText(row.label),
    escapeMarkdownText(rowGpuText(row)),
    escapeMarkdownText(metricHeader(metric.key)),
    formatMetricValue(metric.key, metric.baseline),
    formatMetricValue(metric.key, metric.candidate),
    formatChange(metric.changePct),
    metric.verdict,
    ruleText(metric.rule),
  ];
  return `| ${cells.join(' | ')} |`;
}

export interface ComparisonMarkdownOptions {
  /** How the baseline side is named in the heading (a dataset label, `8×H100`). */
  readonly baselineLabel: string;
  readonly candidateLabel: string;
  /**
   * Every metric comparison, tests only one side has included. By default only the regressions
   * and improvements are listed: the rest is summed up in the summary line.
   */
  readonly all?: boolean;
}

/**
 * The comparison as GitHub-flavoured markdown: heading (both labels and the threshold), summary
 * line, how many metrics each rule decided (when history decided some), geometric means, then the
 * table, most harmful first, each row with the rule that decided it. When no row would be listed, a
 * sentence says so instead of an empty table. Lines end with `\n`, no trailing newline.
 */
export function comparisonMarkdown(
  comparison: Comparison,
  options: ComparisonMarkdownOptions,
): string {
  const all = options.all === true;
  const entries = sortEntriesByHarm(
    metricEntries(comparison.rows).filter(
      (entry) =>
        all || entry.metric.verdict === 'regression' || entry.metric.verdict === 'improvement',
    ),
  );
  const heading =
    `### Compare: baseline ${escapeMarkdownText(options.baselineLabel)}` +
    ` vs candidate ${escapeMarkdownText(options.candidateLabel)}` +
    ` (${thresholdText(comparison.thresholds)})`;
  const lines = [heading, '', summaryLine(comparison)];
  // Said when history decided something: otherwise the heading's threshold decided everything.
  if (comparison.summary.rules.history > 0) lines.push(ruleCountsText(comparison.summary.rules));
  const geomeans = geomeanLine(comparison);
  if (geomeans !== null) lines.push(geomeans);
  lines.push('');
  if (entries.length > 0) {
    lines.push(...TABLE_HEAD, ...entries.map(tableRow));
  } else if (all) {
    lines.push('No metrics to compare.');
  } else {
    lines.push('No metric changed by more than its threshold.');
  }
  return lines.join('\n');
}
