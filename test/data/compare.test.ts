// @vitest-environment node
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  COMPARISON_CSV_HEADER,
  DEFAULT_COMPARE_STATE,
  THRESHOLD_SLACK,
  alignResults,
  alignmentKey,
  changePercent,
  compareMetric,
  compareResults,
  compareSideLabel,
  comparisonCsv,
  decodeCompareState,
  encodeCompareState,
  formatChange,
  judgeChange,
  metricEntries,
  normalizeThresholds,
  onlyRegressions,
  readCompareSide,
  rowsWithRegressions,
  sideResults,
  sidesIgnoreGpu,
  sortEntriesByHarm,
  sortRowsByHarm,
  summarizeComparison,
  thresholdFor,
  type CompareRow,
  type CompareSide,
  type CompareState,
  type Comparison,
} from '../../src/data/compare';
import { buildCsv } from '../../src/data/csv';
import type { BenchmarkResult, MetricValues } from '../../src/data/result-model';
import { seedDataset } from '../helpers/seed';

const h100 = seedDataset('H100');
const h200 = seedDataset('H200');
const a100 = seedDataset('A100-SXM4-80GB');

/** A serving result on 8×H100 (llama8B, TP1, sharegpt, QPS 16) with the given changes. */
function result(change: Partial<BenchmarkResult> & { metrics: MetricValues }): BenchmarkResult {
  return {
    suite: 'serving',
    testName: 'serving_llama8B_tp1_sharegpt_qps_16',
    model: 'llama8B',
    tp: 1,
    pp: null,
    gpu: { type: 'H100', count: 8 },
    dataset: 'sharegpt',
    variant: null,
    qps: 16,
    concurrency: null,
    inputLen: null,
    outputLen: null,
    attributes: {},
    ...change,
  };
}

function rowNamed(rows: readonly CompareRow[], label: string): CompareRow {
  const found = rows.filter((row) => row.label === label);
  expect(found, label).toHaveLength(1);
  const [row] = found;
  if (row === undefined) throw new Error(`no row ${label}`);
  return row;
}

function metricOf(row: CompareRow, key: string) {
  const metric = row.metrics.find((entry) => entry.key === key);
  if (metric === undefined) throw new Error(`no ${key} in ${row.label}`);
  return metric;
}

/** H100 (baseline) against H200 (candidate), pairing each test with itself on the other GPU. */
function h100VsH200(): Comparison {
  const baseline: CompareSide = { kind: 'gpu', gpu: '8×H100' };
  const candidate: CompareSide = { kind: 'gpu', gpu: '8×H200' };
  const datasets = [h100, h200, a100];
  return compareResults(sideResults(baseline, datasets), sideResults(candidate, datasets), {
    ignoreGpu: sidesIgnoreGpu(baseline, candidate),
  });
}

describe('8×H100 (baseline) against 8×H200 (candidate), GPU left out of the key', () => {
  const comparison = h100VsH200();

  it('aligns the 18 nightly tests one to one, in suite, model, TP and QPS order', () => {
    expect(comparison.ignoreGpu).toBe(true);
    expect(comparison.rows.map((row) => row.label)).toEqual([
      'latency_llama8B_tp1',
      'latency_llama70B_tp4',
      'latency_mixtral8x7B_tp2',
      'throughput_llama8B_tp1',
      'throughput_llama70B_tp4',
      'throughput_mixtral8x7B_tp2',
      'serving_llama8B_tp1_sharegpt_qps_1',
      'serving_llama8B_tp1_sharegpt_qps_4',
      'serving_llama8B_tp1_sharegpt_qps_16',
      'serving_llama8B_tp1_sharegpt_qps_inf',
      'serving_llama70B_tp4_sharegpt_qps_1',
      'serving_llama70B_tp4_sharegpt_qps_4',
      'serving_llama70B_tp4_sharegpt_qps_16',
      'serving_llama70B_tp4_sharegpt_qps_inf',
      'serving_mixtral8x7B_tp2_sharegpt_qps_1',
      'serving_mixtral8x7B_tp2_sharegpt_qps_4',
      'serving_mixtral8x7B_tp2_sharegpt_qps_16',
      'serving_mixtral8x7B_tp2_sharegpt_qps_inf',
    ]);
    for (const row of comparison.rows) {
      expect(row.presence, row.label).toBe('both');
      expect(row.baseline?.gpu, row.label).toEqual({ type: 'H100', count: 8 });
      expect(row.candidate?.gpu, row.label).toEqual({ type: 'H200', count: 8 });
      expect(row.candidate?.testName, row.label).toBe(row.label);
      expect(row.duplicatesIgnored).toEqual({ baseline: 0, candidate: 0 });
    }
  });

  it('QPS inf request throughput 24.1869 → 28.8288 req/s is +19.2%, an improvement', () => {
    const metric = metricOf(
      rowNamed(comparison.rows, 'serving_llama8B_tp1_sharegpt_qps_inf'),
      'request_throughput',
    );
    expect(metric.baseline).toBeCloseTo(24.1869, 4);
    expect(metric.candidate).toBeCloseTo(28.8288, 4);
    // 4.6419 / 24.1869 = 0.19192
    expect(metric.changePct).toBeCloseTo(19.19, 2);
    expect(formatChange(metric.changePct)).toBe('+19.2%');
    expect(metric.direction).toBe('higher');
    expect(metric.threshold).toBe(5);
    expect(metric.verdict).toBe('improvement');
  });

  it('llama8B mean latency 1046.91 → 833.27 ms is -20.4%, an improvement', () => {
    const metric = metricOf(rowNamed(comparison.rows, 'latency_llama8B_tp1'), 'latency_mean');
    expect(metric.baseline).toBeCloseTo(1046.91, 2);
    expect(metric.candidate).toBeCloseTo(833.27, 2);
    // -213.64 / 1046.91 = -0.20406
    expect(metric.changePct).toBeCloseTo(-20.41, 2);
    expect(formatChange(metric.changePct)).toBe('-20.4%');
    expect(metric.verdict).toBe('improvement');
  });

  it('finds the four regressions of the tables, the worst first', () => {
    // From the pipe tables, lower-is-better metrics that rose by more than 5%:
    //   llama8B QPS 1 P99 TTFT      35.8438 → 59.9132  (+67.2%)
    //   mixtral QPS inf P99 ITL     28.8505 → 30.8719  (+7.0%)
    //   mixtral QPS 4 median TTFT   34.6872 → 36.6095  (+5.5%)
    //   mixtral QPS 4 mean TTFT     34.4165 → 36.2937  (+5.5%, 5.454 against 5.542 above)
    // No throughput fell by more than 5% (the largest fall is mixtral's -4.1%).
    const regressions = sortEntriesByHarm(onlyRegressions(metricEntries(comparison.rows)));
    expect(
      regressions.map(({ row, metric }) => [row.label, metric.key, formatChange(metric.changePct)]),
    ).toEqual([
      ['serving_llama8B_tp1_sharegpt_qps_1', 'ttft_p99', '+67.2%'],
      ['serving_mixtral8x7B_tp2_sharegpt_qps_inf', 'itl_p99', '+7.0%'],
      ['serving_mixtral8x7B_tp2_sharegpt_qps_4', 'ttft_median', '+5.5%'],
      ['serving_mixtral8x7B_tp2_sharegpt_qps_4', 'ttft_mean', '+5.5%'],
    ]);
    const worst = comparison.summary.worstRegression;
    expect(worst?.row.label).toBe('serving_llama8B_tp1_sharegpt_qps_1');
    expect(worst?.metric.key).toBe('ttft_p99');
    expect(rowsWithRegressions(comparison.rows).map((row) => row.label)).toEqual([
      'serving_llama8B_tp1_sharegpt_qps_1',
      'serving_mixtral8x7B_tp2_sharegpt_qps_4',
      'serving_mixtral8x7B_tp2_sharegpt_qps_inf',
    ]);
  });

  it('counts 96 metric comparisons: 4 regressions, 60 improvements, 32 within noise', () => {
    // 3 latency × 3 + 3 throughput × 1 + 12 serving × 7 = 96, all present on both sides.
    expect(comparison.summary.verdicts).toEqual({
      regression: 4,
      improvement: 60,
      'within noise': 32,
      missing: 0,
      'no direction': 0,
    });
    expect(comparison.summary.tests).toEqual({
      compared: 18,
      missingInCandidate: 0,
      missingInBaseline: 0,
      duplicatesIgnored: { baseline: 0, candidate: 0 },
    });
  });

  it('gives each suite the geometric mean of its goodness ratios', () => {
    const { geomeans } = comparison.summary;
    // Throughput, candidate/baseline: 10.6882/9.13468 = 1.17007, 25.6716/21.6201 = 1.18739,
    // 8.64563/9.0138 = 0.95915; product 1.33258, cube root 1.10044.
    expect(geomeans.throughput?.count).toBe(3);
    expect(geomeans.throughput?.ratio).toBeCloseTo(1.1004, 3);
    expect(geomeans.throughput?.changePct).toBeCloseTo(10.04, 1);
    // Latency, baseline/candidate (lower is better), mean / median / P99 of each model:
    // 1.19927 1.25638 1.21881 / 1.19877 1.25554 1.21930 / 1.19975 1.25593 1.22157;
    // the mean of their logs is 0.20279, exp → 1.2248.
    expect(geomeans.latency?.count).toBe(9);
    expect(geomeans.latency?.ratio).toBeCloseTo(1.2248, 3);
    expect(geomeans.serving?.count).toBe(84);
  });
});

describe('alignment', () => {
  it('keeps the GPU in the key by default: H100 and H200 runs share no test', () => {
    const rows = alignResults(h100.results, h200.results);
    expect(rows).toHaveLength(36);
    expect(rows.filter((row) => row.presence === 'missing in candidate')).toHaveLength(18);
    expect(rows.filter((row) => row.presence === 'missing in baseline')).toHaveLength(18);
    // Each test's two GPUs sit together, H100 first.
    expect(rows.slice(0, 2).map((row) => [row.label, row.presence])).toEqual([
      ['latency_llama8B_tp1', 'missing in candidate'],
      ['latency_llama8B_tp1', 'missing in baseline'],
    ]);
    for (const row of rows) {
      expect(row.metrics.every((metric) => metric.verdict === 'missing')).toBe(true);
    }
  });

  it('returns tests one side lacks as rows, labelled by whichever side has them', () => {
    const dropped = 'serving_llama70B_tp4_sharegpt_qps_4';
    const added = 'throughput_mixtral8x7B_tp2';
    const comparison = compareResults(
      h100.results.filter((entry) => entry.testName !== added),
      h100.results.filter((entry) => entry.testName !== dropped),
    );
    expect(comparison.rows).toHaveLength(18);
    const gone = rowNamed(comparison.rows, dropped);
    expect(gone.presence).toBe('missing in candidate');
    expect(gone.candidate).toBeNull();
    expect(gone.metrics.map((metric) => [metric.key, metric.verdict])).toEqual([
      ['request_throughput', 'missing'],
      ['ttft_mean', 'missing'],
      ['ttft_median', 'missing'],
      ['ttft_p99', 'missing'],
      ['itl_mean', 'missing'],
      ['itl_median', 'missing'],
      ['itl_p99', 'missing'],
    ]);
    expect(metricOf(gone, 'ttft_mean').baseline).toBeCloseTo(38.0708, 4);
    const fresh = rowNamed(comparison.rows, added);
    expect(fresh.presence).toBe('missing in baseline');
    expect(fresh.baseline).toBeNull();
    expect(metricOf(fresh, 'request_throughput').candidate).toBeCloseTo(9.0138, 4);
    // The 16 tests both have: 3×3 + 2×1 + 11×7 = 88 metrics, all unchanged.
    expect(comparison.summary.tests).toMatchObject({
      compared: 16,
      missingInCandidate: 1,
      missingInBaseline: 1,
    });
    expect(comparison.summary.verdicts).toEqual({
      regression: 0,
      improvement: 0,
      'within noise': 88,
      missing: 0,
      'no direction': 0,
    });
    expect(comparison.summary.worstRegression).toBeNull();
  });

  it('does not align tests that differ only in TP', () => {
    const rows = alignResults(
      [result({ tp: 1, metrics: { ttft_mean: 10 } })],
      [result({ tp: 2, metrics: { ttft_mean: 10 } })],
    );
    expect(rows.map((row) => [row.baseline?.tp ?? null, row.candidate?.tp ?? null])).toEqual([
      [1, null],
      [null, 2],
    ]);
  });

  it('does not align tests that differ only in concurrency, or in QPS inf against none', () => {
    const rows = alignResults(
      [
        result({ concurrency: 8, metrics: { ttft_mean: 10 } }),
        result({ qps: Infinity, metrics: { ttft_mean: 10 } }),
      ],
      [
        result({ concurrency: 16, metrics: { ttft_mean: 10 } }),
        result({ concurrency: null, metrics: { ttft_mean: 10 } }),
        result({ qps: null, metrics: { ttft_mean: 10 } }),
      ],
    );
    expect(rows).toHaveLength(5);
    expect(rows.every((row) => row.presence !== 'both')).toBe(true);
  });

  it('aligns on every other defining field and only on them', () => {
    const base = result({ metrics: { ttft_mean: 10 } });
    const fields: Partial<BenchmarkResult>[] = [
      { suite: 'latency' },
      { model: 'llama70B' },
      { pp: 2 },
      { dataset: 'random' },
      { variant: 'specdecode' },
      { inputLen: 1024 },
      { outputLen: 128 },
      { gpu: { type: 'H100', count: 4 } },
      { gpu: { type: 'H200', count: 8 } },
    ];
    for (const field of fields) {
      const other = { ...base, ...field };
      expect(alignmentKey(other), JSON.stringify(field)).not.toBe(alignmentKey(base));
    }
    // Not part of what a test is: its spelling, its attributes, its values; PP 1 is no PP.
    for (const field of [
      { testName: 'another spelling' },
      { attributes: { dtype: 'bf16' } },
      { metrics: { ttft_mean: 99 } },
      { pp: 1 },
    ]) {
      expect(alignmentKey({ ...base, ...field }), JSON.stringify(field)).toBe(alignmentKey(base));
    }
    expect(alignmentKey(base, { ignoreGpu: true })).toBe(
      alignmentKey({ ...base, gpu: { type: 'A100', count: 2 } }, { ignoreGpu: true }),
    );
  });

  it('labels an aligned test with the baseline’s name', () => {
    const [row] = alignResults(
      [result({ testName: 'base name', metrics: {} })],
      [result({ testName: 'candidate name', metrics: {} })],
    );
    expect(row?.presence).toBe('both');
    expect(row?.label).toBe('base name');
  });

  it('uses the first of several results with one key and counts the others', () => {
    const rows = alignResults(
      [
        result({ metrics: { ttft_mean: 10 } }),
        result({ metrics: { ttft_mean: 20 } }),
        result({ metrics: { ttft_mean: 30 } }),
      ],
      [result({ metrics: { ttft_mean: 10 } }), result({ metrics: { ttft_mean: 50 } })],
    );
    expect(rows).toHaveLength(1);
    const [row] = rows;
    if (row === undefined) throw new Error('no row');
    expect(row.duplicatesIgnored).toEqual({ baseline: 2, candidate: 1 });
    expect(metricOf(row, 'ttft_mean')).toMatchObject({
      baseline: 10,
      candidate: 10,
      verdict: 'within noise',
    });
    expect(compareResults([], []).summary.tests.duplicatesIgnored).toEqual({
      baseline: 0,
      candidate: 0,
    });
  });

  it('orders QPS ascending with inf last, concurrency with none last, whatever the input order', () => {
    const qps = [Infinity, 16, 1, 4].map((value) =>
      result({ qps: value, testName: `q${value}`, metrics: {} }),
    );
    expect(alignResults(qps, []).map((row) => row.label)).toEqual(['q1', 'q4', 'q16', 'qInfinity']);
    const concurrency = [null, 64, 8].map((value) =>
      result({ concurrency: value, testName: `c${value}`, metrics: {} }),
    );
    expect(alignResults([], concurrency).map((row) => row.label)).toEqual(['c8', 'c64', 'cnull']);
  });

  it('lists every metric key of either side: the baseline’s in order, then the candidate’s', () => {
    const [row] = alignResults(
      [result({ metrics: { ttft_mean: 10, ttft_p99: null, itl_mean: 5 } })],
      [result({ metrics: { itl_mean: 5, request_throughput: 3, ttft_mean: 10 } })],
    );
    if (row === undefined) throw new Error('no row');
    expect(row.metrics.map((metric) => [metric.key, metric.verdict])).toEqual([
      ['ttft_mean', 'within noise'],
      ['ttft_p99', 'missing'],
      ['itl_mean', 'within noise'],
      ['request_throughput', 'missing'],
    ]);
  });
});

describe('verdicts', () => {
  it('is within noise at exactly the threshold and a verdict just beyond it', () => {
    expect(judgeChange('lower', 100, 105, 5)).toBe('within noise');
    expect(judgeChange('lower', 100, 105.01, 5)).toBe('regression');
    expect(judgeChange('lower', 100, 95, 5)).toBe('within noise');
    expect(judgeChange('lower', 100, 94.99, 5)).toBe('improvement');
    expect(judgeChange('higher', 100, 95, 5)).toBe('within noise');
    expect(judgeChange('higher', 100, 94.99, 5)).toBe('regression');
    expect(judgeChange('higher', 100, 105, 5)).toBe('within noise');
    expect(judgeChange('higher', 100, 105.01, 5)).toBe('improvement');
    expect(changePercent(100, 105.01)).toBeCloseTo(5.01, 10);
  });

  it('does not let binary rounding push an exact 5% over the threshold', () => {
    // 0.7 → 0.735 is 5% in decimal, 5.000000000000004 in floating point.
    expect(changePercent(0.7, 0.735)).toBeGreaterThan(5);
    expect(changePercent(0.7, 0.735)).toBeLessThan(5 + THRESHOLD_SLACK);
    expect(judgeChange('lower', 0.7, 0.735, 5)).toBe('within noise');
    expect(judgeChange('higher', 19.5259, 20.502195, 5)).toBe('within noise');
  });

  it('judges by direction: latency up is bad, throughput up is good', () => {
    expect(compareMetric('ttft_mean', 100, 130, { default: 5 }).verdict).toBe('regression');
    expect(compareMetric('e2el_p99', 100, 130, { default: 5 }).verdict).toBe('regression');
    expect(compareMetric('tpot_median', 100, 70, { default: 5 }).verdict).toBe('improvement');
    expect(compareMetric('request_throughput', 100, 130, { default: 5 }).verdict).toBe(
      'improvement',
    );
    expect(compareMetric('output_throughput', 100, 70, { default: 5 }).verdict).toBe('regression');
  });

  it('gives neutral metrics no direction and missing values no verdict', () => {
    expect(compareMetric('num_requests', 100, 200, { default: 5 })).toMatchObject({
      direction: 'neutral',
      changePct: 100,
      verdict: 'no direction',
    });
    expect(compareMetric('x:Something (ms)', 1, 2, { default: 5 }).verdict).toBe('no direction');
    expect(compareMetric('ttft_mean', null, 2, { default: 5 })).toMatchObject({
      changePct: null,
      verdict: 'missing',
    });
    expect(compareMetric('ttft_mean', 2, undefined, { default: 5 }).verdict).toBe('missing');
    expect(compareMetric('num_requests', 2, null, { default: 5 }).verdict).toBe('missing');
    expect(judgeChange('lower', Number.NaN, 2, 5)).toBe('missing');
  });

  it('treats any change from a baseline of 0 as beyond the threshold', () => {
    expect(compareMetric('failed_requests', 0, 3, { default: 5 })).toMatchObject({
      changePct: null,
      verdict: 'regression',
    });
    expect(compareMetric('failed_requests', 3, 0, { default: 5 }).verdict).toBe('improvement');
    expect(compareMetric('failed_requests', 0, 0, { default: 5 }).verdict).toBe('within noise');
    expect(changePercent(0, 0)).toBeNull();
  });

  it('verdicts are mirror images when baseline and candidate swap', () => {
    const value = fc.oneof(
      fc.double({ min: 1e-3, max: 1e6, noNaN: true }),
      fc.constantFrom(100, 105, 95, 105.01, 0.7, 0.735),
    );
    const mirror = { regression: 'improvement', improvement: 'regression' } as const;
    fc.assert(
      fc.property(
        value,
        value,
        fc.constantFrom<'lower' | 'higher'>('lower', 'higher'),
        fc.oneof(fc.constant(5), fc.double({ min: 0, max: 50, noNaN: true })),
        (a, b, direction, threshold) => {
          const forward = judgeChange(direction, a, b, threshold);
          const backward = judgeChange(direction, b, a, threshold);
          if (a === b) {
            expect([forward, backward]).toEqual(['within noise', 'within noise']);
            return;
          }
          // Never the same directional verdict both ways …
          if (forward === 'regression' || forward === 'improvement') {
            expect(backward).not.toBe(forward);
          }
          // … and the exact mirror when both changes are clear of the threshold. (Relative
          // changes are not symmetric: +5.2% one way is -4.94% the other.)
          const there = Math.abs(changePercent(a, b) ?? 0);
          const back = Math.abs(changePercent(b, a) ?? 0);
          if (there > threshold + THRESHOLD_SLACK && back > threshold + THRESHOLD_SLACK) {
            expect(forward === 'regression' || forward === 'improvement').toBe(true);
            if (forward === 'regression' || forward === 'improvement') {
              expect(backward).toBe(mirror[forward]);
            }
          }
          if (there <= threshold && back <= threshold) {
            expect([forward, backward]).toEqual(['within noise', 'within noise']);
          }
        },
      ),
      { numRuns: 10000 },
    );
  });
});

describe('thresholds', () => {
  it('uses a per-metric override before the default', () => {
    const spec = { default: 5, perMetric: { ttft_p99: 10 } };
    expect(thresholdFor('ttft_p99', spec)).toBe(10);
    expect(thresholdFor('ttft_mean', spec)).toBe(5);
    // +8% on P99 TTFT is noise under its 10%; +8% on mean TTFT is a regression.
    expect(compareMetric('ttft_p99', 100, 108, spec)).toMatchObject({
      threshold: 10,
      verdict: 'within noise',
    });
    expect(compareMetric('ttft_mean', 100, 108, spec)).toMatchObject({
      threshold: 5,
      verdict: 'regression',
    });
    expect(compareMetric('ttft_p99', 100, 110.5, spec).verdict).toBe('regression');
  });

  it('applies a key ending to every metric with it; exact keys win, then the longest ending', () => {
    const spec = { default: 5, perMetric: { itl_p99: 20 }, perSuffix: { _p99: 8, tft_p99: 12 } };
    expect(thresholdFor('latency_p99', spec)).toBe(8);
    expect(thresholdFor('ttft_p99', spec)).toBe(12);
    expect(thresholdFor('itl_p99', spec)).toBe(20);
    expect(thresholdFor('itl_p90', spec)).toBe(5);
    expect(compareMetric('latency_p99', 100, 107, spec).verdict).toBe('within noise');
    expect(compareMetric('latency_mean', 100, 107, spec).verdict).toBe('regression');
  });

  it('ignores unusable thresholds and keys that only exist on Object.prototype', () => {
    expect(normalizeThresholds(undefined)).toEqual({ default: 5 });
    expect(normalizeThresholds(Number.NaN)).toEqual({ default: 5 });
    expect(normalizeThresholds(-1)).toEqual({ default: 5 });
    expect(normalizeThresholds(0)).toEqual({ default: 0 });
    expect(
      normalizeThresholds({
        default: Infinity,
        perMetric: { ttft_p99: -2, itl_p99: 7 },
        perSuffix: { '': 3, _mean: Number.NaN },
      }),
    ).toEqual({ default: 5, perMetric: { itl_p99: 7 } });
    expect(thresholdFor('constructor', { default: 4, perMetric: {} })).toBe(4);
    expect(thresholdFor('ttft_p99', { default: 4, perMetric: { ttft_p99: -1 } })).toBe(4);
  });

  it('uses the default 5% when none is given and the given number otherwise', () => {
    const [base, cand] = [
      [result({ metrics: { ttft_mean: 100 } })],
      [result({ metrics: { ttft_mean: 108 } })],
    ];
    expect(compareResults(base, cand).summary.verdicts.regression).toBe(1);
    expect(compareResults(base, cand, { threshold: 10 }).summary.verdicts.regression).toBe(0);
    expect(compareResults(base, cand, { threshold: 10 }).thresholds).toEqual({ default: 10 });
  });
});

describe('a candidate with one serving TTFT 30% higher', () => {
  const slowed = 'serving_llama8B_tp1_sharegpt_qps_16';
  const candidate = h100.results.map((entry) =>
    entry.testName === slowed
      ? { ...entry, metrics: { ...entry.metrics, ttft_mean: (entry.metrics.ttft_mean ?? 0) * 1.3 } }
      : entry,
  );
  const comparison = compareResults(h100.results, candidate);

  it('is a regression of +30.0%, and the only change', () => {
    const metric = metricOf(rowNamed(comparison.rows, slowed), 'ttft_mean');
    // 19.5259 ms × 1.3 = 25.3837 ms
    expect(metric.baseline).toBeCloseTo(19.5259, 4);
    expect(metric.candidate).toBeCloseTo(25.3837, 4);
    expect(metric.verdict).toBe('regression');
    expect(formatChange(metric.changePct)).toBe('+30.0%');
    expect(comparison.summary.verdicts).toEqual({
      regression: 1,
      improvement: 0,
      'within noise': 95,
      missing: 0,
      'no direction': 0,
    });
    expect(comparison.summary.worstRegression?.metric).toBe(metric);
    expect(comparison.summary.geomeans.latency).toEqual({ ratio: 1, changePct: 0, count: 9 });
  });

  it('sorts first among metric comparisons and among rows', () => {
    const [first, second] = sortEntriesByHarm(metricEntries(comparison.rows));
    expect(first?.row.label).toBe(slowed);
    expect(first?.metric.key).toBe('ttft_mean');
    expect(second?.metric.verdict).toBe('within noise');
    expect(sortRowsByHarm(comparison.rows)[0]?.label).toBe(slowed);
    expect(rowsWithRegressions(comparison.rows).map((row) => row.label)).toEqual([slowed]);
    expect(onlyRegressions(metricEntries(comparison.rows))).toHaveLength(1);
  });
});

describe('sorting by harm', () => {
  const row = (testName: string, metrics: MetricValues, candidate: MetricValues) =>
    alignResults([result({ testName, metrics })], [result({ testName, metrics: candidate })]);

  it('puts regressions by size, then missing, then noise and improvements from worst to best', () => {
    const [entryRow] = row(
      't',
      {
        ttft_mean: 100,
        ttft_p99: 100,
        request_throughput: 10,
        itl_mean: 100,
        itl_p99: 100,
        num_requests: 200,
        tpot_mean: 100,
        e2el_mean: 100,
      },
      {
        ttft_mean: 110, // +10%, regression
        ttft_p99: 150, // +50%, regression
        request_throughput: 5, // -50% throughput: harm +50, regression; ties with ttft_p99
        itl_mean: 97, // -3%, within noise
        itl_p99: 102, // +2%, within noise
        num_requests: 100, // neutral
        tpot_mean: 50, // -50%, improvement
        e2el_mean: 90, // -10%, improvement
      },
    );
    if (entryRow === undefined) throw new Error('no row');
    const withMissing: CompareRow = {
      ...entryRow,
      metrics: [...entryRow.metrics, compareMetric('itl_median', 5, null, { default: 5 })],
    };
    expect(
      sortEntriesByHarm(metricEntries([withMissing])).map((entry) => entry.metric.key),
    ).toEqual([
      'ttft_p99',
      'request_throughput',
      'ttft_mean',
      'itl_median',
      'itl_p99',
      'itl_mean',
      'e2el_mean',
      'tpot_mean',
      'num_requests',
    ]);
  });

  it('orders rows by their worst metric; a zero-baseline regression outranks any percentage', () => {
    const rows = [
      ...row('improved', { ttft_mean: 100 }, { ttft_mean: 50 }),
      ...row('regressed a bit', { ttft_mean: 100 }, { ttft_mean: 110 }),
      ...row('failing now', { failed_requests: 0 }, { failed_requests: 2 }),
    ].map((entry, index) => ({ ...entry, key: String(index) }));
    const onlyBase = alignResults(
      [result({ testName: 'gone', qps: 1, metrics: { ttft_mean: 1 } })],
      [],
    );
    expect(sortRowsByHarm([...rows, ...onlyBase]).map((entry) => entry.label)).toEqual([
      'failing now',
      'regressed a bit',
      'gone',
      'improved',
    ]);
    expect(summarizeComparison(rows).worstRegression?.row.label).toBe('failing now');
  });
});

describe('geometric mean per suite', () => {
  it('inverts lower-is-better ratios so a 2× gain and a 2× loss cancel', () => {
    const comparison = compareResults(
      [
        result({ metrics: { request_throughput: 10, ttft_mean: 100, num_requests: 200 } }),
        result({
          suite: 'latency',
          testName: 'latency_llama8B_tp1',
          qps: null,
          dataset: null,
          metrics: { latency_mean: 100, latency_p99: 100, latency_median: 100 },
        }),
      ],
      [
        result({ metrics: { request_throughput: 20, ttft_mean: 200, num_requests: 100 } }),
        result({
          suite: 'latency',
          testName: 'latency_llama8B_tp1',
          qps: null,
          dataset: null,
          metrics: { latency_mean: 50, latency_p99: 100, latency_median: null },
        }),
      ],
    );
    // Serving: throughput 20/10 = 2, TTFT 100/200 = 0.5 → √(2 × 0.5) = 1; the count is ignored.
    expect(comparison.summary.geomeans.serving).toEqual({ ratio: 1, changePct: 0, count: 2 });
    // Latency: 100/50 = 2 and 100/100 = 1 → √2 = 1.41421; the missing median is left out.
    expect(comparison.summary.geomeans.latency?.count).toBe(2);
    expect(comparison.summary.geomeans.latency?.ratio).toBeCloseTo(1.41421, 5);
    expect(comparison.summary.geomeans.latency?.changePct).toBeCloseTo(41.421, 3);
    expect(comparison.summary.geomeans.throughput).toBeNull();
  });
});

describe('formatChange', () => {
  it('writes a sign, one decimal and an ASCII hyphen-minus', () => {
    expect(formatChange(30)).toBe('+30.0%');
    expect(formatChange(-20.4063)).toBe('-20.4%');
    expect(formatChange(19.1917)).toBe('+19.2%');
    expect(formatChange(0)).toBe('0.0%');
    expect(formatChange(-0.04)).toBe('0.0%');
    expect(formatChange(0.06)).toBe('+0.1%');
    expect(formatChange(1234.56)).toBe('+1234.6%');
    expect(formatChange(null)).toBe('—');
    expect(formatChange(Number.NaN)).toBe('—');
  });
});

describe('comparisonCsv', () => {
  const comparison = compareResults(
    [
      result({ metrics: { request_throughput: 10, ttft_mean: 100 } }),
      result({
        suite: 'latency',
        testName: 'latency_llama8B_tp1',
        qps: null,
        dataset: null,
        metrics: { latency_mean: 1046.9095210234325 },
      }),
    ],
    [result({ metrics: { request_throughput: 8, ttft_mean: 130 } })],
  );

  it('gives one row per metric comparison at full precision, missing values empty', () => {
    const csv = comparisonCsv(comparison);
    expect(csv.header).toEqual(COMPARISON_CSV_HEADER);
    expect(csv.rows).toEqual([
      [
        'latency',
        'latency_llama8B_tp1',
        '8×H100',
        null,
        'latency_mean',
        'Mean latency',
        'ms',
        'lower',
        1046.9095210234325,
        null,
        null,
        5,
        'missing',
      ],
      [
        'serving',
        'serving_llama8B_tp1_sharegpt_qps_16',
        '8×H100',
        '8×H100',
        'request_throughput',
        'Throughput',
        'req/s',
        'higher',
        10,
        8,
        -20,
        5,
        'regression',
      ],
      [
        'serving',
        'serving_llama8B_tp1_sharegpt_qps_16',
        '8×H100',
        '8×H100',
        'ttft_mean',
        'Mean TTFT',
        'ms',
        'lower',
        100,
        130,
        30,
        5,
        'regression',
      ],
    ]);
  });

  it('goes through buildCsv with numbers as numbers and hostile names neutralized', () => {
    const text = buildCsv(comparisonCsv(comparison).header, comparisonCsv(comparison).rows);
    expect(text.split('\r\n')).toEqual([
      'Suite,Test,Baseline GPU,Candidate GPU,Metric key,Metric,Unit,Direction,Baseline,Candidate,Change (%),Threshold (%),Verdict',
      'latency,latency_llama8B_tp1,8×H100,,latency_mean,Mean latency,ms,lower,1046.9095210234325,,,5,missing',
      'serving,serving_llama8B_tp1_sharegpt_qps_16,8×H100,8×H100,request_throughput,Throughput,req/s,higher,10,8,-20,5,regression',
      'serving,serving_llama8B_tp1_sharegpt_qps_16,8×H100,8×H100,ttft_mean,Mean TTFT,ms,lower,100,130,30,5,regression',
    ]);
    const hostile = compareResults(
      [result({ testName: '=HYPERLINK("x")', metrics: { ttft_mean: 1 } })],
      [],
    );
    const csv = comparisonCsv(hostile);
    expect(buildCsv(csv.header, csv.rows).split('\r\n')[1]).toBe(
      `serving,"'=HYPERLINK(""x"")",8×H100,,ttft_mean,Mean TTFT,ms,lower,1,,,5,missing`,
    );
  });
});

describe('compare sides', () => {
  it('reads a dataset id or gpu:<label>', () => {
    expect(readCompareSide('0a1b2c3d-4k')).toEqual({ kind: 'dataset', id: '0a1b2c3d-4k' });
    expect(readCompareSide('gpu:8×H200')).toEqual({ kind: 'gpu', gpu: '8×H200' });
    expect(readCompareSide('gpu:')).toBeNull();
    expect(readCompareSide('')).toBeNull();
  });

  it('finds a side’s results among the loaded datasets', () => {
    const datasets = [h100, h200, a100];
    expect(sideResults({ kind: 'dataset', id: h200.id }, datasets)).toEqual(h200.results);
    expect(sideResults({ kind: 'dataset', id: 'not loaded' }, datasets)).toEqual([]);
    const a100s = sideResults({ kind: 'gpu', gpu: '8×A100-SXM4-80GB' }, datasets);
    expect(a100s).toHaveLength(18);
    // Two loaded runs of one GPU: both are the side, the first of each test is compared.
    const twice = sideResults({ kind: 'gpu', gpu: '8×H100' }, [h100, h100]);
    expect(twice).toHaveLength(36);
    const rows = alignResults(twice, h100.results);
    expect(rows).toHaveLength(18);
    expect(rows.every((row) => row.duplicatesIgnored.baseline === 1)).toBe(true);
  });

  it('ignores the GPU when a side is a GPU and names sides for people', () => {
    const gpu: CompareSide = { kind: 'gpu', gpu: '8×H100' };
    const dataset: CompareSide = { kind: 'dataset', id: h200.id };
    expect(sidesIgnoreGpu(gpu, dataset)).toBe(true);
    expect(sidesIgnoreGpu(dataset, gpu)).toBe(true);
    expect(sidesIgnoreGpu(dataset, { kind: 'dataset', id: h100.id })).toBe(false);
    expect(compareSideLabel(gpu, [h100])).toBe('8×H100');
    expect(compareSideLabel(dataset, [h100, h200])).toBe('Nightly · 8×H200');
    expect(compareSideLabel({ kind: 'dataset', id: 'gone' }, [h100])).toBe('gone');
  });
});

describe('compare URL state', () => {
  const full: CompareState = {
    open: true,
    baseline: { kind: 'dataset', id: '0a1b2c3d-4k' },
    candidate: { kind: 'gpu', gpu: '8×H200' },
    threshold: 10,
    onlyRegressions: true,
  };

  it('leaves defaults out and writes the rest in a fixed order under cmp names', () => {
    expect(encodeCompareState(DEFAULT_COMPARE_STATE)).toBe('');
    expect(encodeCompareState({ ...DEFAULT_COMPARE_STATE, open: true })).toBe('cmp=1');
    expect(encodeCompareState(full)).toBe(
      'cmp=1&cmp.base=0a1b2c3d-4k&cmp.cand=gpu%3A8%C3%97H200&cmp.thr=10&cmp.only=reg',
    );
    expect(encodeCompareState({ ...DEFAULT_COMPARE_STATE, threshold: 2.5 })).toBe('cmp.thr=2.5');
    expect(encodeCompareState({ ...DEFAULT_COMPARE_STATE, threshold: 0 })).toBe('cmp.thr=0');
  });

  it('reads its own output back, from a string with or without ? or from URLSearchParams', () => {
    const query = encodeCompareState(full);
    expect(decodeCompareState(query)).toEqual(full);
    expect(decodeCompareState(`?${query}`)).toEqual(full);
    expect(decodeCompareState(new URLSearchParams(query))).toEqual(full);
    expect(
      decodeCompareState(`hide.gpu=8%C3%97H100&q=llama&${query}&sort.serving=desc:ttft_p99`),
    ).toEqual(full);
    expect(decodeCompareState('cmp.base=gpu:8×H100')).toEqual({
      ...DEFAULT_COMPARE_STATE,
      baseline: { kind: 'gpu', gpu: '8×H100' },
    });
  });

  it('ignores junk values and leaves the defaults', () => {
    expect(decodeCompareState('')).toEqual(DEFAULT_COMPARE_STATE);
    for (const junk of [
      'cmp=yes',
      'cmp=true',
      'cmp.thr=-3',
      'cmp.thr=NaN',
      'cmp.thr=abc',
      'cmp.thr=',
      'cmp.thr=1e400',
      'cmp.thr=Infinity',
      'cmp.thr=5%25',
      'cmp.thr=0x10',
      'cmp.thr=%207',
      'cmp.thr=1001',
      'cmp.only=all',
      'cmp.only=1',
      'cmp.base=',
      'cmp.cand=gpu%3A',
      `cmp.base=${'a'.repeat(301)}`,
      'cmpx=1&cmp.thrx=3',
    ]) {
      expect(decodeCompareState(junk), junk).toEqual(DEFAULT_COMPARE_STATE);
    }
    expect(decodeCompareState('cmp.thr=0').threshold).toBe(0);
    expect(decodeCompareState('cmp.thr=.5').threshold).toBe(0.5);
    expect(decodeCompareState('cmp.thr=12&cmp.thr=3').threshold).toBe(12);
  });

  it('does not write what it would not read back', () => {
    expect(
      encodeCompareState({
        ...DEFAULT_COMPARE_STATE,
        baseline: { kind: 'dataset', id: 'a'.repeat(301) },
        candidate: { kind: 'gpu', gpu: '' },
        threshold: -1,
      }),
    ).toBe('');
    expect(encodeCompareState({ ...DEFAULT_COMPARE_STATE, threshold: Number.NaN })).toBe('');
  });

  it('decode(encode(state)) is the state', () => {
    const text = fc.oneof(
      fc.string({ unit: 'binary', minLength: 1, maxLength: 40 }),
      fc.string({
        unit: fc.constantFrom(
          '×',
          '&',
          '=',
          '+',
          '%',
          '#',
          '?',
          ':',
          ' ',
          'g',
          'p',
          'u',
          '8',
          '\n',
        ),
        minLength: 1,
        maxLength: 20,
      }),
    );
    const side: fc.Arbitrary<CompareSide | null> = fc.oneof(
      fc.constant(null),
      text.filter((id) => !id.startsWith('gpu:')).map((id) => ({ kind: 'dataset' as const, id })),
      text.map((gpu) => ({ kind: 'gpu' as const, gpu })),
    );
    const state: fc.Arbitrary<CompareState> = fc.record({
      open: fc.boolean(),
      baseline: side,
      candidate: side,
      threshold: fc.oneof(
        fc.constantFrom(0, 5, 2.5, 10, 1000),
        fc.double({ min: 0, max: 1000, noNaN: true }).map((value) => value + 0),
      ),
      onlyRegressions: fc.boolean(),
    });
    fc.assert(
      fc.property(state, (value) => {
        expect(decodeCompareState(encodeCompareState(value))).toEqual(value);
      }),
      { numRuns: 10000 },
    );
  });
});

interface Spec {
  readonly tp: number | null;
  readonly qps: number | null;
  readonly concurrency: number | null;
  readonly gpu: string;
  readonly value: number;
}

describe('alignment never drops a result', () => {
  it('every distinct test of either side is exactly one row', () => {
    const arb = fc.array(
      fc.record({
        tp: fc.constantFrom(1, 2, null),
        qps: fc.constantFrom(1, 16, Infinity, null),
        concurrency: fc.constantFrom(8, null),
        gpu: fc.constantFrom('H100', 'H200'),
        value: fc.double({ min: 1, max: 100, noNaN: true }),
      }),
      { maxLength: 12 },
    );
    const toResults = (specs: readonly Spec[]) =>
      specs.map((spec) =>
        result({
          tp: spec.tp,
          qps: spec.qps,
          concurrency: spec.concurrency,
          gpu: { type: spec.gpu, count: 8 },
          metrics: { ttft_mean: spec.value },
        }),
      );
    fc.assert(
      fc.property(arb, arb, fc.boolean(), (left, right, ignoreGpu) => {
        const base = toResults(left);
        const cand = toResults(right);
        const rows = alignResults(base, cand, { ignoreGpu });
        const keys = new Set([...base, ...cand].map((entry) => alignmentKey(entry, { ignoreGpu })));
        expect(rows.map((row) => row.key).sort()).toEqual([...keys].sort());
        const summary = compareResults(base, cand, { ignoreGpu }).summary;
        const duplicates = summary.tests.duplicatesIgnored;
        expect(rows.filter((row) => row.baseline !== null).length + duplicates.baseline).toBe(
          base.length,
        );
        expect(rows.filter((row) => row.candidate !== null).length + duplicates.candidate).toBe(
          cand.length,
        );
      }),
      { numRuns: 1000 },
    );
  });
});
