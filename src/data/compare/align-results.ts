/**
 * Alignment of a comparison: the results of a baseline and a candidate paired test by test, each
 * pair's metrics judged, in the order people scan benchmark tables.
 */
import { gpuLabel } from '../gpu';
import { modelKey } from '../models';
import { beyondOne } from '../results/parallelism';
import { SUITES, type BenchmarkResult, type Suite } from '../results/result-model';
import type { CompareHistory } from './compare-history';
import { notComparableReason, uncompared, type LikeOptions } from './comparable';
import { compareMetric, type MetricComparison } from './metric-verdict';
import { normalizeThresholds, thresholdFor, type ThresholdSpec } from './thresholds';

/**
 * What a comparison row is: a test both sides ran alike, one only one side has, or one both ran
 * under one name but not alike (another input length, precision, …), whose values are shown
 * side by side and not compared.
 */
export type Presence = 'both' | 'missing in candidate' | 'missing in baseline' | 'not comparable';

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
  /** Why the two sides are not alike (`input length 1024 vs 2048`); null unless not comparable. */
  readonly notComparable: string | null;
}

export interface AlignOptions {
  /**
   * Leave the GPU out of the key, to compare one GPU against another (baseline all 8×H100
   * results, candidate all 8×H200). Otherwise results only align on the same GPU type and count.
   */
  readonly ignoreGpu?: boolean;
  /**
   * Put the engine in the key, so vLLM's results align with vLLM's and SGLang's with SGLang's.
   * `alignResults` does so when a side holds more than one engine; between a side of one engine
   * and a side of another (vLLM against SGLang) the engine is what is compared, so it is left out.
   */
  readonly byEngine?: boolean;
}

function keyNumber(value: number | null): string | null {
  // String, not JSON: JSON writes Infinity (QPS inf) as null, which would merge it with "no QPS".
  return value === null ? null : String(value);
}

/**
 * What defines a test, as one string: suite, model, TP, PP, DP, dataset, variant, QPS, concurrency,
 * input and output length, and (unless ignored) GPU type and count. The test name is not part of
 * it: two files may spell one test differently. PP 1 and DP 1 are the same test as PP and DP not
 * stated (see parallelism.ts).
 */
export function alignmentKey(result: BenchmarkResult, options: AlignOptions = {}): string {
  const gpu =
    options.ignoreGpu === true
      ? []
      : [result.gpu?.type ?? null, keyNumber(result.gpu?.count ?? null)];
  return JSON.stringify([
    result.suite,
    modelKey(result.model),
    keyNumber(result.tp),
    keyNumber(beyondOne(result.pp)),
    keyNumber(beyondOne(result.dp)),
    result.dataset,
    result.variant,
    keyNumber(result.qps),
    keyNumber(result.concurrency),
    keyNumber(result.inputLen),
    keyNumber(result.outputLen),
    ...gpu,
    ...(options.byEngine === true ? [result.engine] : []),
  ]);
}

/** A test's key in a history: a series is one engine's, so the engine is part of it. */
export function seriesKey(result: BenchmarkResult): string {
  return alignmentKey(result, { byEngine: true });
}

interface KeyedSide {
  readonly first: Map<string, BenchmarkResult>;
  readonly extra: Map<string, number>;
}

function indexSide(results: readonly BenchmarkResult[], options: AlignOptions): KeyedSide {
  const first = new Map<string, BenchmarkResult>();
  const extra = new Map<string, number>();
  for (let i = 0; i < results.length; i += 1) {
    const result = results[i] as BenchmarkResult;
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
    compareTexts(modelKey(x.model), modelKey(y.model)) ||
    compareNumbers(x.tp, y.tp) ||
    compareNumbers(beyondOne(x.pp), beyondOne(y.pp)) ||
    compareNumbers(beyondOne(x.dp), beyondOne(y.dp)) ||
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
  /**
   * Where each pair of results finds its series' history (compare-history.ts). A metric with
   * enough of it is judged against the series' noise; without (or without this), the threshold.
   */
  readonly history?: CompareHistory | null;
}

/** True when the results are of more than one engine (a file that does not say counts as one). */
function mixesEngines(results: readonly BenchmarkResult[]): boolean {
  const first = results[0]?.engine;
  return results.some((result) => result.engine !== first);
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
  const keyOptions: AlignOptions = {
    ...options,
    byEngine: options.byEngine ?? (mixesEngines(baseline) || mixesEngines(candidate)),
  };
  const like: LikeOptions = {
    ignoreGpu: keyOptions.ignoreGpu === true,
    byEngine: keyOptions.byEngine === true,
  };
  const base = indexSide(baseline, keyOptions);
  const cand = indexSide(candidate, keyOptions);
  const keys = new Set([...base.first.keys(), ...cand.first.keys()]);
  const rows: CompareRow[] = [];
  for (const key of keys) {
    const b = base.first.get(key) ?? null;
    const c = cand.first.get(key) ?? null;
    const shown = b ?? c;
    if (shown === null) continue;
    const history = b === null || c === null ? null : (options.history?.of(b, c) ?? null);
    // Alike by the key, the two may still differ in what the key cannot hold: precision.
    const unlike = b === null || c === null ? null : notComparableReason(b, c, like);
    if (b !== null && c !== null && unlike !== null) {
      rows.push(
        unlikeRow(
          key,
          b,
          c,
          unlike,
          thresholds,
          base.extra.get(key) ?? 0,
          cand.extra.get(key) ?? 0,
        ),
      );
      continue;
    }
    rows.push({
      key,
      suite: shown.suite,
      label: shown.testName,
      baseline: b,
      candidate: c,
      presence: b === null ? 'missing in baseline' : c === null ? 'missing in candidate' : 'both',
      notComparable: null,
      duplicatesIgnored: {
        baseline: base.extra.get(key) ?? 0,
        candidate: cand.extra.get(key) ?? 0,
      },
      metrics: metricKeys(b, c).map((metric) =>
        compareMetric(
          metric,
          readMetric(b, metric),
          readMetric(c, metric),
          thresholds,
          history?.(metric),
        ),
      ),
    });
  }
  return pairUnlike(rows, like, thresholds).sort(compareRowOrder);
}

/** A row of a test both sides ran but not alike: both values shown, nothing compared. */
function unlikeRow(
  key: string,
  b: BenchmarkResult,
  c: BenchmarkResult,
  reason: string,
  thresholds: ThresholdSpec,
  extraBaseline: number,
  extraCandidate: number,
): CompareRow {
  return {
    key,
    suite: b.suite,
    label: b.testName,
    baseline: b,
    candidate: c,
    presence: 'not comparable',
    duplicatesIgnored: { baseline: extraBaseline, candidate: extraCandidate },
    metrics: metricKeys(b, c).map((metric) =>
      uncompared(
        metric,
        readMetric(b, metric),
        readMetric(c, metric),
        thresholdFor(metric, thresholds),
      ),
    ),
    notComparable: reason,
  };
}

/**
 * Tests only one side has, paired when the other side has one of the same name, suite, GPU and
 * engine (as far as the comparison keeps them): the same test run another way, listed as not
 * comparable with what differs, instead of as two unrelated tests.
 */
function pairUnlike(
  rows: CompareRow[],
  like: LikeOptions,
  thresholds: ThresholdSpec,
): CompareRow[] {
  const where = (result: BenchmarkResult): string =>
    JSON.stringify([
      result.suite,
      result.testName,
      like.ignoreGpu ? null : gpuLabel(result.gpu),
      like.byEngine ? result.engine : null,
    ]);
  const onlyInBaseline = new Map<string, CompareRow[]>();
  for (const row of rows) {
    if (row.presence !== 'missing in candidate' || row.baseline === null) continue;
    const list = onlyInBaseline.get(where(row.baseline)) ?? [];
    list.push(row);
    onlyInBaseline.set(where(row.baseline), list);
  }
  const paired = new Set<CompareRow>();
  const out: CompareRow[] = [];
  for (const row of rows) {
    if (row.presence !== 'missing in baseline' || row.candidate === null) continue;
    const partner = onlyInBaseline.get(where(row.candidate))?.find((other) => !paired.has(other));
    if (partner?.baseline === null || partner === undefined) continue;
    const reason = notComparableReason(partner.baseline, row.candidate, like);
    if (reason === null) continue;
    paired.add(partner).add(row);
    out.push(
      unlikeRow(
        `${partner.key}\u0000${row.key}`,
        partner.baseline,
        row.candidate,
        reason,
        thresholds,
        partner.duplicatesIgnored.baseline,
        row.duplicatesIgnored.candidate,
      ),
    );
  }
  return [...rows.filter((row) => !paired.has(row)), ...out];
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

/**
 * A row's GPU in words, as the table, the markdown and the one-sided lists write it: one label
 * when both sides agree (or one side lacks the test), `8×H100 → 8×H200` when they differ.
 */
export function rowGpuText(row: CompareRow): string {
  const { baseline, candidate } = rowGpus(row);
  if (baseline === null || candidate === null || baseline === candidate) {
    return baseline ?? candidate ?? '';
  }
  return `${baseline} → ${candidate}`;
}
