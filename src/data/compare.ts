/**
 * Compare runs: align the results of a baseline and a candidate test by test, judge every metric
 * against a noise threshold, summarize, sort, and export. Plain data in, plain data out; the
 * compare view and the `Copy as Markdown` text (compare-markdown.ts) render what this computes.
 */
import { geometricMean, speedupRatio } from './charts/speedup';
import type { CsvCell } from './csv';
import { MISSING } from './format';
import { gpuLabel } from './gpu';
import { describeMetric, type MetricDirection } from './metrics';
import { SUITES, type BenchmarkResult, type Dataset, type Suite } from './result-model';

// ---------------------------------------------------------------------------------------------
// Thresholds

/** The noise threshold, in percent, when nothing else is chosen. */
export const DEFAULT_THRESHOLD = 5;

/** The largest threshold a link may set; anything above is junk, not a choice. */
export const MAX_THRESHOLD = 1000;

/**
 * How far a metric may move, in percent of the baseline, before it counts as a change. The most
 * specific rule wins: an exact metric key, then the longest matching key ending, then `default`.
 *
 * `{ default: 5, perMetric: { ttft_p99: 10 }, perSuffix: { _p99: 8 } }` allows 10% on P99 TTFT,
 * 8% on every other `…_p99` metric and 5% on the rest. Tail percentiles are noisier than means,
 * which is why a whole statistic can be loosened in one entry.
 */
export interface ThresholdSpec {
  readonly default: number;
  /** By exact metric key (`ttft_p99`). */
  readonly perMetric?: Readonly<Record<string, number>>;
  /** By how a metric key ends (`_p99`, `_mean`, `_throughput`); the longest match wins. */
  readonly perSuffix?: Readonly<Record<string, number>>;
}

/** A threshold a person could mean: a finite percentage from 0 to MAX_THRESHOLD. */
export function isValidThreshold(value: unknown): value is number {
  return (
    typeof value === 'number' && Number.isFinite(value) && value >= 0 && value <= MAX_THRESHOLD
  );
}

function validEntries(record: Readonly<Record<string, number>> | undefined): [string, number][] {
  if (record === undefined) return [];
  return Object.entries(record).filter(
    (entry): entry is [string, number] => entry[0] !== '' && isValidThreshold(entry[1]),
  );
}

/**
 * A number or a spec → a spec with only usable entries: an invalid default becomes
 * DEFAULT_THRESHOLD and invalid overrides are dropped, so a bad value never silences a verdict.
 */
export function normalizeThresholds(input: number | ThresholdSpec | undefined): ThresholdSpec {
  if (input === undefined) return { default: DEFAULT_THRESHOLD };
  if (typeof input === 'number') {
    return { default: isValidThreshold(input) ? input : DEFAULT_THRESHOLD };
  }
  const perMetric = validEntries(input.perMetric);
  const perSuffix = validEntries(input.perSuffix);
  return {
    default: isValidThreshold(input.default) ? input.default : DEFAULT_THRESHOLD,
    ...(perMetric.length === 0 ? {} : { perMetric: Object.fromEntries(perMetric) }),
    ...(perSuffix.length === 0 ? {} : { perSuffix: Object.fromEntries(perSuffix) }),
  };
}

/** The threshold (percent) that applies to one metric key under a spec. */
export function thresholdFor(key: string, spec: ThresholdSpec): number {
  // Object.hasOwn: a key such as `constructor` must not find Object.prototype's member.
  const exact =
    spec.perMetric !== undefined && Object.hasOwn(spec.perMetric, key)
      ? spec.perMetric[key]
      : undefined;
  if (isValidThreshold(exact)) return exact;
  let best: { length: number; value: number } | null = null;
  for (const [suffix, value] of validEntries(spec.perSuffix)) {
    if (key.endsWith(suffix) && (best === null || suffix.length > best.length)) {
      best = { length: suffix.length, value };
    }
  }
  if (best !== null) return best.value;
  return isValidThreshold(spec.default) ? spec.default : DEFAULT_THRESHOLD;
}

// ---------------------------------------------------------------------------------------------
// One metric

/**
 * - `regression` / `improvement`: the change is beyond the threshold, in the bad / good direction
 *   of the metric (up for `lower` metrics such as latency, down for `higher` ones such as
 *   throughput);
 * - `within noise`: both values present and the change is at most the threshold;
 * - `missing`: one side has no value (absent, null, or not a finite number);
 * - `no direction`: a neutral metric (request and token counts, unknown `x:` columns). A count
 *   going up is neither good nor bad, so it gets no verdict, is kept out of the counts of
 *   regressions and improvements and out of the geometric means.
 */
export type Verdict = 'regression' | 'improvement' | 'within noise' | 'missing' | 'no direction';

export const VERDICTS: readonly Verdict[] = [
  'regression',
  'improvement',
  'within noise',
  'missing',
  'no direction',
];

/**
 * Slack, in percentage points, under which a change still counts as equal to the threshold.
 * `100 → 105` is 5% in decimal but need not be exactly 5 in binary; a billionth of a point is far
 * below anything a benchmark measures, so it only absorbs rounding.
 */
export const THRESHOLD_SLACK = 1e-9;

function isValue(value: number | null | undefined): value is number {
  return typeof value === 'number' && Number.isFinite(value);
}

/**
 * (candidate − baseline) / baseline × 100. Null when either value is missing or not finite, or
 * the baseline is 0 (no relative change exists). Divides by |baseline| so the sign always tells
 * which side is larger; metrics are not negative in practice, so this is the plain formula.
 */
export function changePercent(
  baseline: number | null | undefined,
  candidate: number | null | undefined,
): number | null {
  if (!isValue(baseline) || !isValue(candidate) || baseline === 0) return null;
  const change = ((candidate - baseline) * 100) / Math.abs(baseline);
  return Number.isFinite(change) ? change : null;
}

/**
 * The verdict on one metric. The rule at the edge: a change whose size is exactly the threshold
 * (within THRESHOLD_SLACK) is `within noise`; only a larger one is a regression or improvement.
 * From a baseline of 0, any change is beyond every threshold (0 → 3 failed requests is a
 * regression), while 0 → 0 is within noise.
 */
export function judgeChange(
  direction: MetricDirection,
  baseline: number | null | undefined,
  candidate: number | null | undefined,
  threshold: number,
): Verdict {
  if (!isValue(baseline) || !isValue(candidate)) return 'missing';
  if (direction === 'neutral') return 'no direction';
  if (candidate === baseline) return 'within noise';
  const change = changePercent(baseline, candidate);
  if (change !== null && Math.abs(change) - threshold <= THRESHOLD_SLACK) return 'within noise';
  const worse = direction === 'lower' ? candidate > baseline : candidate < baseline;
  return worse ? 'regression' : 'improvement';
}

/** One metric of one aligned test, judged. */
export interface MetricComparison {
  readonly key: string;
  readonly direction: MetricDirection;
  readonly baseline: number | null;
  readonly candidate: number | null;
  /** See changePercent; null when it does not exist. */
  readonly changePct: number | null;
  /** The threshold (percent) that applied to this metric. */
  readonly threshold: number;
  readonly verdict: Verdict;
}

/** Judges one metric key given both sides' values. */
export function compareMetric(
  key: string,
  baseline: number | null | undefined,
  candidate: number | null | undefined,
  thresholds: ThresholdSpec,
): MetricComparison {
  const { direction } = describeMetric(key);
  const threshold = thresholdFor(key, thresholds);
  return {
    key,
    direction,
    baseline: baseline ?? null,
    candidate: candidate ?? null,
    changePct: changePercent(baseline, candidate),
    threshold,
    verdict: judgeChange(direction, baseline, candidate, threshold),
  };
}

/**
 * How bad a change is, as a signed number: the change in percent turned so that positive is the
 * bad direction (+30 for a latency up 30%, +20 for a throughput down 20%). A change from a
 * baseline of 0 is ±Infinity; missing and neutral metrics have none (NaN).
 */
export function harm(metric: MetricComparison): number {
  if (metric.verdict === 'missing' || metric.verdict === 'no direction') return Number.NaN;
  const sign = metric.direction === 'lower' ? 1 : -1;
  if (metric.changePct !== null) return sign * metric.changePct;
  if (metric.baseline === metric.candidate) return 0;
  return metric.verdict === 'regression' ? Infinity : -Infinity;
}

// ---------------------------------------------------------------------------------------------
// Alignment

/** What a comparison row is: a test both sides ran, or one only one side has. */
export type Presence = 'both' | 'missing in candidate' | 'missing in baseline';

export interface CompareRow {
  /** The alignment key (see alignmentKey); unique among the rows. */
  readonly key: string;
  readonly suite: Suite;
  /** The test as people name it: the baseline's test name, or the candidate's without one. */
  readonly label: string;
  /** The first baseline result with this key; null when the baseline has none. */
  readonly baseline: BenchmarkResult | null;
  readonly candidate: BenchmarkResult | null;
  readonly presence: Presence;
  /** Further results with the same key on each side, ignored because the first one is used. */
  readonly duplicatesIgnored: { readonly baseline: number; readonly candidate: number };
  /** Every metric key either side has: the baseline's in its order, then the candidate's others. */
  readonly metrics: readonly MetricComparison[];
}

export interface AlignOptions {
  /**
   * Leave the GPU out of the key, to compare one GPU against another (baseline all 8×H100
   * results, candidate all 8×H200). Otherwise results only align on the same GPU type and count.
   */
  readonly ignoreGpu?: boolean;
}

function keyNumber(value: number | null): string | null {
  // String, not JSON: JSON writes Infinity (QPS inf) as null, which would merge it with "no QPS".
  return value === null ? null : String(value);
}

/**
 * What defines a test, as one string: suite, model, TP, PP, dataset, variant, QPS, concurrency,
 * input and output length, and (unless ignored) GPU type and count. The test name is not part of
 * it: two files may spell one test differently. PP 1 is the same test as PP not stated, since
 * without pipeline parallelism there is one stage.
 */
export function alignmentKey(result: BenchmarkResult, options: AlignOptions = {}): string {
  const gpu =
    options.ignoreGpu === true
      ? []
      : [result.gpu?.type ?? null, keyNumber(result.gpu?.count ?? null)];
  return JSON.stringify([
    result.suite,
    result.model,
    keyNumber(result.tp),
    keyNumber(result.pp === 1 ? null : result.pp),
    result.dataset,
    result.variant,
    keyNumber(result.qps),
    keyNumber(result.concurrency),
    keyNumber(result.inputLen),
    keyNumber(result.outputLen),
    ...gpu,
  ]);
}

interface KeyedSide {
  readonly first: Map<string, BenchmarkResult>;
  readonly extra: Map<string, number>;
}

function indexSide(results: readonly BenchmarkResult[], options: AlignOptions): KeyedSide {
  const first = new Map<string, BenchmarkResult>();
  const extra = new Map<string, number>();
  for (const result of results) {
    const key = alignmentKey(result, options);
    if (first.has(key)) extra.set(key, (extra.get(key) ?? 0) + 1);
    else first.set(key, result);
  }
  return { first, extra };
}

const collator = new Intl.Collator('en', { numeric: true });

/** Numbers ascending, Infinity after every finite number, unknown (null) last. */
function compareNumbers(a: number | null, b: number | null): number {
  if (a === b) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  return a < b ? -1 : 1;
}

/** Absent first (the plain test before its variants), then by name with numbers in order. */
function compareTexts(a: string | null, b: string | null): number {
  if (a === b) return 0;
  if (a === null) return -1;
  if (b === null) return 1;
  return collator.compare(a, b);
}

/**
 * The order rows are listed in, as people scan benchmark tables: suite (latency, throughput,
 * serving), model (`llama8B` before `llama70B`), TP, PP, dataset, variant, lengths, QPS (inf last),
 * concurrency, then GPU; the key breaks any remaining tie so the order never depends on input order.
 */
function compareRowOrder(a: CompareRow, b: CompareRow): number {
  const x = a.baseline ?? a.candidate;
  const y = b.baseline ?? b.candidate;
  if (x === null || y === null) return 0;
  return (
    SUITES.indexOf(x.suite) - SUITES.indexOf(y.suite) ||
    compareTexts(x.model, y.model) ||
    compareNumbers(x.tp, y.tp) ||
    compareNumbers(x.pp === 1 ? null : x.pp, y.pp === 1 ? null : y.pp) ||
    compareTexts(x.dataset, y.dataset) ||
    compareTexts(x.variant, y.variant) ||
    compareNumbers(x.inputLen, y.inputLen) ||
    compareNumbers(x.outputLen, y.outputLen) ||
    compareNumbers(x.qps, y.qps) ||
    compareNumbers(x.concurrency, y.concurrency) ||
    compareTexts(x.gpu?.type ?? null, y.gpu?.type ?? null) ||
    compareNumbers(x.gpu?.count ?? null, y.gpu?.count ?? null) ||
    (a.key < b.key ? -1 : a.key > b.key ? 1 : 0)
  );
}

function metricKeys(
  baseline: BenchmarkResult | null,
  candidate: BenchmarkResult | null,
): readonly string[] {
  const keys = new Set<string>(baseline === null ? [] : Object.keys(baseline.metrics));
  if (candidate !== null) for (const key of Object.keys(candidate.metrics)) keys.add(key);
  return [...keys];
}

function readMetric(result: BenchmarkResult | null, key: string): number | null {
  if (result === null || !Object.hasOwn(result.metrics, key)) return null;
  return result.metrics[key] ?? null;
}

export interface CompareOptions extends AlignOptions {
  /** A default threshold in percent, or a spec with overrides; DEFAULT_THRESHOLD when absent. */
  readonly threshold?: number | ThresholdSpec;
}

/**
 * Both sides → one row per distinct test, in the listing order of compareRowOrder. A test only
 * one side has is a row too (its metrics all `missing`), never dropped.
 */
export function alignResults(
  baseline: readonly BenchmarkResult[],
  candidate: readonly BenchmarkResult[],
  options: CompareOptions = {},
): CompareRow[] {
  const thresholds = normalizeThresholds(options.threshold);
  const base = indexSide(baseline, options);
  const cand = indexSide(candidate, options);
  const keys = new Set([...base.first.keys(), ...cand.first.keys()]);
  const rows: CompareRow[] = [];
  for (const key of keys) {
    const b = base.first.get(key) ?? null;
    const c = cand.first.get(key) ?? null;
    const shown = b ?? c;
    if (shown === null) continue;
    rows.push({
      key,
      suite: shown.suite,
      label: shown.testName,
      baseline: b,
      candidate: c,
      presence: b === null ? 'missing in baseline' : c === null ? 'missing in candidate' : 'both',
      duplicatesIgnored: {
        baseline: base.extra.get(key) ?? 0,
        candidate: cand.extra.get(key) ?? 0,
      },
      metrics: metricKeys(b, c).map((metric) =>
        compareMetric(metric, readMetric(b, metric), readMetric(c, metric), thresholds),
      ),
    });
  }
  return rows.sort(compareRowOrder);
}

// ---------------------------------------------------------------------------------------------
// Summary

/** One metric comparison with the test it belongs to. */
export interface MetricEntry {
  readonly row: CompareRow;
  readonly metric: MetricComparison;
}

/**
 * The geometric mean of "goodness ratios" of one suite: candidate/baseline for higher-is-better
 * metrics, baseline/candidate for lower-is-better ones, so above 1 always means the candidate is
 * better (1.25 = 25% better on the typical metric) and a 2× gain and a 2× loss cancel out.
 */
export interface SuiteGeomean {
  readonly ratio: number;
  /** (ratio − 1) × 100: positive is better. */
  readonly changePct: number;
  /** How many metric comparisons it is over. */
  readonly count: number;
}

export interface CompareSummary {
  /**
   * Metric comparisons by verdict, over the tests both sides have. A test only one side has is
   * counted once in `tests` instead, so one missing test does not read as many missing metrics.
   */
  readonly verdicts: Readonly<Record<Verdict, number>>;
  readonly tests: {
    readonly compared: number;
    readonly missingInCandidate: number;
    readonly missingInBaseline: number;
    /** Results ignored on each side because an earlier one had the same key. */
    readonly duplicatesIgnored: { readonly baseline: number; readonly candidate: number };
  };
  /** The regression with the largest harm (see harm); null when there is none. */
  readonly worstRegression: MetricEntry | null;
  /**
   * Per suite, the geometric mean of goodness ratios (see SuiteGeomean) over every metric with a
   * direction and a positive value on both sides, whatever its verdict; null when there is none.
   * Every metric weighs the same, so serving (1 throughput, 6 latency metrics) leans on latency.
   */
  readonly geomeans: Readonly<Record<Suite, SuiteGeomean | null>>;
}

/** Every metric comparison of the rows, in row order. */
export function metricEntries(rows: readonly CompareRow[]): MetricEntry[] {
  return rows.flatMap((row) => row.metrics.map((metric) => ({ row, metric })));
}

/** The goodness ratio of one comparison (see SuiteGeomean); null without one. */
export function goodnessRatio(metric: MetricComparison): number | null {
  if (metric.baseline === null || metric.candidate === null) return null;
  return speedupRatio(metric.baseline, metric.candidate, metric.direction);
}

/** Counts, the worst regression and the per-suite geometric means of some rows. */
export function summarizeComparison(rows: readonly CompareRow[]): CompareSummary {
  const verdicts: Record<Verdict, number> = {
    regression: 0,
    improvement: 0,
    'within noise': 0,
    missing: 0,
    'no direction': 0,
  };
  const ratios: Record<Suite, number[]> = { latency: [], throughput: [], serving: [] };
  let worst: { entry: MetricEntry; harm: number } | null = null;
  let missingInCandidate = 0;
  let missingInBaseline = 0;
  let duplicatesBaseline = 0;
  let duplicatesCandidate = 0;
  for (const row of rows) {
    duplicatesBaseline += row.duplicatesIgnored.baseline;
    duplicatesCandidate += row.duplicatesIgnored.candidate;
    if (row.presence === 'missing in candidate') missingInCandidate += 1;
    if (row.presence === 'missing in baseline') missingInBaseline += 1;
    if (row.presence !== 'both') continue;
    for (const metric of row.metrics) {
      verdicts[metric.verdict] += 1;
      const ratio = goodnessRatio(metric);
      if (ratio !== null) ratios[row.suite].push(ratio);
      if (metric.verdict === 'regression') {
        const size = harm(metric);
        if (worst === null || size > worst.harm) worst = { entry: { row, metric }, harm: size };
      }
    }
  }
  const geomean = (values: readonly number[]): SuiteGeomean | null => {
    const ratio = geometricMean(values);
    return ratio === null ? null : { ratio, changePct: (ratio - 1) * 100, count: values.length };
  };
  return {
    verdicts,
    tests: {
      compared: rows.length - missingInCandidate - missingInBaseline,
      missingInCandidate,
      missingInBaseline,
      duplicatesIgnored: { baseline: duplicatesBaseline, candidate: duplicatesCandidate },
    },
    worstRegression: worst?.entry ?? null,
    geomeans: {
      latency: geomean(ratios.latency),
      throughput: geomean(ratios.throughput),
      serving: geomean(ratios.serving),
    },
  };
}

/** A whole comparison: rows, summary, and the settings it was made with. */
export interface Comparison {
  readonly rows: readonly CompareRow[];
  readonly summary: CompareSummary;
  readonly thresholds: ThresholdSpec;
  readonly ignoreGpu: boolean;
}

/** Aligns, judges and summarizes: everything the compare view shows. */
export function compareResults(
  baseline: readonly BenchmarkResult[],
  candidate: readonly BenchmarkResult[],
  options: CompareOptions = {},
): Comparison {
  const thresholds = normalizeThresholds(options.threshold);
  const ignoreGpu = options.ignoreGpu === true;
  const rows = alignResults(baseline, candidate, { ignoreGpu, threshold: thresholds });
  return { rows, summary: summarizeComparison(rows), thresholds, ignoreGpu };
}

// ---------------------------------------------------------------------------------------------
// Sorting and filtering

/**
 * Verdict groups, most harmful first. A missing value comes right after regressions: a metric or
 * test that vanished may hide one. Neutral metrics come last: they cannot be harmful.
 */
const VERDICT_RANK: Readonly<Record<Verdict, number>> = {
  regression: 0,
  missing: 1,
  'within noise': 2,
  improvement: 3,
  'no direction': 4,
};

/**
 * Most harmful first: regressions by size (largest first), then missing, then within noise and
 * improvements each from the worst to the best change, then metrics without a direction. Ties keep
 * their given order (the sort is stable).
 */
export function compareByHarm(a: MetricComparison, b: MetricComparison): number {
  const rank = VERDICT_RANK[a.verdict] - VERDICT_RANK[b.verdict];
  if (rank !== 0) return rank;
  const x = harm(a);
  const y = harm(b);
  if (Number.isNaN(x) || Number.isNaN(y) || x === y) return 0;
  return x > y ? -1 : 1;
}

/** Metric entries, most harmful first (see compareByHarm); a new array. */
export function sortEntriesByHarm(entries: readonly MetricEntry[]): MetricEntry[] {
  return [...entries].sort((a, b) => compareByHarm(a.metric, b.metric));
}

/** A row's most harmful metric comparison; null for a row without metrics. */
function worstMetric(row: CompareRow): MetricComparison | null {
  let worst: MetricComparison | null = null;
  for (const metric of row.metrics) {
    if (worst === null || compareByHarm(metric, worst) < 0) worst = metric;
  }
  return worst;
}

/**
 * Rows ordered by their most harmful metric (see compareByHarm), so the test with the largest
 * regression comes first and tests missing on one side follow the regressions; a new array.
 */
export function sortRowsByHarm(rows: readonly CompareRow[]): CompareRow[] {
  const worst = new Map(rows.map((row) => [row, worstMetric(row)]));
  return [...rows].sort((a, b) => {
    const x = worst.get(a) ?? null;
    const y = worst.get(b) ?? null;
    if (x === null || y === null) return (x === null ? 1 : 0) - (y === null ? 1 : 0);
    return compareByHarm(x, y);
  });
}

/** The "only regressions" filter on metric entries. */
export function onlyRegressions(entries: readonly MetricEntry[]): MetricEntry[] {
  return entries.filter((entry) => entry.metric.verdict === 'regression');
}

/** The "only regressions" filter on rows: those with at least one regression. */
export function rowsWithRegressions(rows: readonly CompareRow[]): CompareRow[] {
  return rows.filter((row) => row.metrics.some((metric) => metric.verdict === 'regression'));
}

// ---------------------------------------------------------------------------------------------
// Text and CSV

const CHANGE_FORMAT = new Intl.NumberFormat('en-US', {
  minimumFractionDigits: 1,
  maximumFractionDigits: 1,
  signDisplay: 'exceptZero',
  useGrouping: false,
});

/**
 * A change in percent as the compare view and the markdown show it: sign and one decimal with an
 * ASCII hyphen-minus (`+30.0%`, `-20.4%`, `0.0%` for anything that rounds to zero), `—` when
 * there is no change to show. ASCII so the copied markdown and CSV stay plain text.
 */
export function formatChange(changePct: number | null): string {
  if (changePct === null || !Number.isFinite(changePct)) return MISSING;
  return `${CHANGE_FORMAT.format(changePct)}%`;
}

/** The GPU of each side of a row as a label, null for a side without the test. */
export function rowGpus(row: CompareRow): {
  readonly baseline: string | null;
  readonly candidate: string | null;
} {
  return {
    baseline: row.baseline === null ? null : gpuLabel(row.baseline.gpu),
    candidate: row.candidate === null ? null : gpuLabel(row.candidate.gpu),
  };
}

export const COMPARISON_CSV_HEADER: readonly string[] = [
  'Suite',
  'Test',
  'Baseline GPU',
  'Candidate GPU',
  'Metric key',
  'Metric',
  'Unit',
  'Direction',
  'Baseline',
  'Candidate',
  'Change (%)',
  'Threshold (%)',
  'Verdict',
];

/**
 * The full comparison for buildCsv: one row per metric comparison in row order, numbers at full
 * precision, missing values empty. Tests only one side has are included, their verdict `missing`.
 */
export function comparisonCsv(comparison: Pick<Comparison, 'rows'>): {
  readonly header: readonly string[];
  readonly rows: readonly (readonly CsvCell[])[];
} {
  const rows = metricEntries(comparison.rows).map(({ row, metric }): CsvCell[] => {
    const gpus = rowGpus(row);
    const info = describeMetric(metric.key);
    return [
      row.suite,
      row.label,
      gpus.baseline,
      gpus.candidate,
      metric.key,
      info.label,
      info.unit,
      metric.direction,
      metric.baseline,
      metric.candidate,
      metric.changePct,
      metric.threshold,
      metric.verdict,
    ];
  });
  return { header: COMPARISON_CSV_HEADER, rows };
}

// ---------------------------------------------------------------------------------------------
// Sides and URL state

/** What one side of a comparison is: one loaded dataset, or every loaded result of one GPU. */
export type CompareSide =
  | { readonly kind: 'dataset'; readonly id: string }
  | { readonly kind: 'gpu'; readonly gpu: string };

const GPU_SIDE_PREFIX = 'gpu:';

/**
 * A side as a link writes it: the dataset id as is, or `gpu:<label>` (`gpu:8×H100`). Dataset ids
 * are content fingerprints (hex and base-36), so they never start with `gpu:`.
 */
export function compareSideParam(side: CompareSide): string {
  return side.kind === 'gpu' ? `${GPU_SIDE_PREFIX}${side.gpu}` : side.id;
}

/** The inverse of compareSideParam; null for an empty value or an empty GPU label. */
export function readCompareSide(value: string): CompareSide | null {
  if (value.startsWith(GPU_SIDE_PREFIX)) {
    const gpu = value.slice(GPU_SIDE_PREFIX.length);
    return gpu === '' ? null : { kind: 'gpu', gpu };
  }
  return value === '' ? null : { kind: 'dataset', id: value };
}

/** The results a side stands for, among the datasets given (the UI passes the shown ones). */
export function sideResults(side: CompareSide, datasets: readonly Dataset[]): BenchmarkResult[] {
  if (side.kind === 'dataset') {
    return [...(datasets.find((dataset) => dataset.id === side.id)?.results ?? [])];
  }
  return datasets.flatMap((dataset) =>
    dataset.results.filter((result) => gpuLabel(result.gpu) === side.gpu),
  );
}

/**
 * Whether to leave the GPU out of the alignment key: when either side is a GPU, since comparing
 * GPUs means pairing each test with the same test on the other GPU. Two datasets keep it, so a
 * run on several GPUs pairs each GPU with itself.
 */
export function sidesIgnoreGpu(baseline: CompareSide, candidate: CompareSide): boolean {
  return baseline.kind === 'gpu' || candidate.kind === 'gpu';
}

/** A side's name for people: the dataset's label (its id if not loaded), or the GPU label. */
export function compareSideLabel(side: CompareSide, datasets: readonly Dataset[]): string {
  if (side.kind === 'gpu') return side.gpu;
  return datasets.find((dataset) => dataset.id === side.id)?.label ?? side.id;
}

/** Everything about the compare view that a link should reproduce. */
export interface CompareState {
  readonly open: boolean;
  readonly baseline: CompareSide | null;
  readonly candidate: CompareSide | null;
  /** The default threshold in percent (see isValidThreshold). */
  readonly threshold: number;
  readonly onlyRegressions: boolean;
}

export const DEFAULT_COMPARE_STATE: CompareState = {
  open: false,
  baseline: null,
  candidate: null,
  threshold: DEFAULT_THRESHOLD,
  onlyRegressions: false,
};

/** Query parameter names; all start with `cmp` so they never meet view-state.ts's names. */
export const COMPARE_PARAMS = {
  open: 'cmp',
  baseline: 'cmp.base',
  candidate: 'cmp.cand',
  threshold: 'cmp.thr',
  only: 'cmp.only',
} as const;

/** Longest side value a link may carry, as in view-state.ts. */
const MAX_SIDE_LENGTH = 300;
const DECIMAL = /^(?:\d+(?:\.\d*)?|\.\d+)(?:e[+-]?\d+)?$/i;

function usableSide(side: CompareSide | null): side is CompareSide {
  if (side === null) return false;
  const value = compareSideParam(side);
  return value.length <= MAX_SIDE_LENGTH && readCompareSide(value) !== null;
}

/**
 * The compare view as query parameters (without `?`), defaults left out, in a fixed order:
 * `cmp=1&cmp.base=…&cmp.cand=gpu%3A8%C3%97H200&cmp.thr=10&cmp.only=reg`. The sides and settings
 * are written even when the view is closed, so reopening it from a link restores them; a value a
 * link cannot carry (too long, invalid threshold) is left out, as decoding would ignore it.
 * The UI appends this to encodeViewState's query.
 */
export function encodeCompareState(state: CompareState): string {
  const params = new URLSearchParams();
  if (state.open) params.set(COMPARE_PARAMS.open, '1');
  if (usableSide(state.baseline)) {
    params.set(COMPARE_PARAMS.baseline, compareSideParam(state.baseline));
  }
  if (usableSide(state.candidate)) {
    params.set(COMPARE_PARAMS.candidate, compareSideParam(state.candidate));
  }
  if (isValidThreshold(state.threshold) && state.threshold !== DEFAULT_THRESHOLD) {
    params.set(COMPARE_PARAMS.threshold, String(state.threshold));
  }
  if (state.onlyRegressions) params.set(COMPARE_PARAMS.only, 'reg');
  return params.toString();
}

function readSideParam(value: string | null): CompareSide | null {
  if (value === null || value.length > MAX_SIDE_LENGTH) return null;
  return readCompareSide(value);
}

function readThreshold(value: string | null): number {
  if (value === null || !DECIMAL.test(value)) return DEFAULT_THRESHOLD;
  const threshold = Number(value);
  return isValidThreshold(threshold) ? threshold : DEFAULT_THRESHOLD;
}

/**
 * A query string (with or without `?`) or parsed parameters → the compare view. Other
 * parameters are ignored; a repeated parameter counts once (the first); junk (`cmp=yes`,
 * `cmp.thr=-3`, `cmp.thr=NaN`, `cmp.only=all`) leaves the default. Never throws.
 */
export function decodeCompareState(query: URLSearchParams | string): CompareState {
  let params: URLSearchParams;
  try {
    params = typeof query === 'string' ? new URLSearchParams(query) : query;
  } catch {
    return DEFAULT_COMPARE_STATE;
  }
  return {
    open: params.get(COMPARE_PARAMS.open) === '1',
    baseline: readSideParam(params.get(COMPARE_PARAMS.baseline)),
    candidate: readSideParam(params.get(COMPARE_PARAMS.candidate)),
    threshold: readThreshold(params.get(COMPARE_PARAMS.threshold)),
    onlyRegressions: params.get(COMPARE_PARAMS.only) === 'reg',
  };
}
