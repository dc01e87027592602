/**
 * What a comparison adds up to: counts by verdict, the worst regression and the geometric-mean
 * change per suite; and the whole comparison the compare view shows.
 */
import { geometricMean, speedupRatio } from '../charts/speedup';
import { SUITES, type BenchmarkResult, type Suite } from '../results/result-model';
import { alignResults, type CompareOptions, type CompareRow } from './align-results';
import { harm, type MetricComparison, type Verdict } from './metric-verdict';
import { normalizeThresholds, type ThresholdSpec } from './thresholds';

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
  /**
   * The same metric comparisons by the rule that decided them: the series' own noise (`history`)
   * or the fixed threshold. Missing metrics and those without a direction are in neither.
   */
  readonly rules: { readonly history: number; readonly threshold: number };
  readonly tests: {
    readonly compared: number;
    /** Tests both sides ran under one name but not alike (see comparable.ts). */
    readonly notComparable: number;
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
  const rules = { history: 0, threshold: 0 };
  let missingInCandidate = 0;
  let missingInBaseline = 0;
  let notComparable = 0;
  let duplicatesBaseline = 0;
  let duplicatesCandidate = 0;
  for (const row of rows) {
    duplicatesBaseline += row.duplicatesIgnored.baseline;
    duplicatesCandidate += row.duplicatesIgnored.candidate;
    if (row.presence === 'missing in candidate') missingInCandidate += 1;
    if (row.presence === 'missing in baseline') missingInBaseline += 1;
    if (row.presence === 'not comparable') notComparable += 1;
    if (row.presence !== 'both') continue;
    for (const metric of row.metrics) {
      verdicts[metric.verdict] += 1;
      if (metric.rule !== null) rules[metric.rule.kind] += 1;
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
    rules,
    tests: {
      compared: rows.length - missingInCandidate - missingInBaseline - notComparable,
      notComparable,
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

/** The suites that have a geometric mean, in suite order (latency, throughput, serving). */
export function suiteGeomeans(
  summary: Pick<CompareSummary, 'geomeans'>,
): { readonly suite: Suite; readonly geomean: SuiteGeomean }[] {
  return SUITES.flatMap((suite) => {
    const geomean = summary.geomeans[suite];
    return geomean === null ? [] : [{ suite, geomean }];
  });
}

/** The tests only one side has: those only the baseline has, and those only the candidate has. */
export function oneSidedRows(rows: readonly CompareRow[]): {
  readonly baseline: readonly CompareRow[];
  readonly candidate: readonly CompareRow[];
} {
  return {
    baseline: rows.filter((row) => row.presence === 'missing in candidate'),
    candidate: rows.filter((row) => row.presence === 'missing in baseline'),
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
  const rows = alignResults(baseline, candidate, {
    ignoreGpu,
    threshold: thresholds,
    history: options.history ?? null,
  });
  return { rows, summary: summarizeComparison(rows), thresholds, ignoreGpu };
}

/**
 * Whether two sides with results share no test at all: then results pair up on nothing, usually
 * because two runs of different GPUs were picked where their GPUs were meant. A comparison that
 * leaves the GPU out already pairs across GPUs, so it never counts.
 */
export function sharesNoTest(
  comparison: Pick<Comparison, 'ignoreGpu' | 'summary'>,
  baselineResults: number,
  candidateResults: number,
): boolean {
  return (
    !comparison.ignoreGpu &&
    comparison.summary.tests.compared === 0 &&
    baselineResults > 0 &&
    candidateResults > 0
  );
}
