// @vitest-environment node
import { beforeEach, describe, expect, it } from 'vitest';
import {
  compareResults,
  metricEntries,
  oneSidedRows,
  sharesNoTest,
  suiteGeomeans,
  type Comparison,
} from '../../../src/data/compare/compare-summary';
import {
  onlyRegressions,
  rowsWithRegressions,
  sortEntriesByHarm,
} from '../../../src/data/compare/harm-order';
import { formatChange } from '../../../src/data/compare/metric-verdict';
import {
  fiveVerdicts,
  h100VsH200,
  metricOf,
  result,
  rowNamed,
  servingAt,
} from './compare-fixtures';

describe('8×H100 (baseline) against 8×H200 (candidate), GPU left out of the key', () => {
  // Built in each test, not once for the block: what a test reads must come from the code as
  // that test runs.
  let comparison: Comparison;
  beforeEach(() => {
    comparison = h100VsH200();
  });

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
      notComparable: 0,
      missingInCandidate: 0,
      missingInBaseline: 0,
      duplicatesIgnored: { baseline: 0, candidate: 0 },
    });
    // Without a history, the threshold decided all 96.
    expect(comparison.summary.rules).toEqual({ history: 0, threshold: 96 });
  });

  it('counts the rules over metrics with a verdict of tests both sides have', () => {
    // QPS 1–3 judged, QPS 4 missing, QPS 5 only in the candidate.
    expect(fiveVerdicts().summary.rules).toEqual({ history: 0, threshold: 3 });
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

describe('what the compare view reads off a comparison', () => {
  it('lists the suites with a geometric mean, in suite order', () => {
    expect(suiteGeomeans(h100VsH200().summary).map((entry) => entry.suite)).toEqual([
      'latency',
      'throughput',
      'serving',
    ]);
    // Serving only, over the three metrics both sides have (lower is better: baseline ÷ candidate).
    const [serving, ...others] = suiteGeomeans(fiveVerdicts().summary);
    expect(others).toEqual([]);
    expect(serving?.suite).toBe('serving');
    expect(serving?.geomean.ratio).toBeCloseTo(
      Math.cbrt((100 / 150) * (100 / 90) * (100 / 102)),
      12,
    );
  });

  it('splits the tests one side has by side', () => {
    const rows = compareResults(
      [servingAt(1, 100), servingAt(7, 100)],
      [servingAt(1, 100), servingAt(9, 1)],
    ).rows;
    const sides = oneSidedRows(rows);
    expect(sides.baseline.map((row) => row.label)).toEqual(['serving_qps_7']);
    expect(sides.candidate.map((row) => row.label)).toEqual(['serving_qps_9']);
    expect(oneSidedRows([])).toEqual({ baseline: [], candidate: [] });
  });

  it('finds two sides with results that pair on nothing, unless the GPU is left out', () => {
    const h200 = { type: 'H200', count: 8 };
    const apart = compareResults([servingAt(1, 100)], [{ ...servingAt(1, 100), gpu: h200 }]);
    expect(apart.summary.tests.compared).toBe(0);
    expect(sharesNoTest(apart, 1, 1)).toBe(true);
    // A side without results is another story (its notice says so).
    expect(sharesNoTest(apart, 0, 1)).toBe(false);
    expect(sharesNoTest(apart, 1, 0)).toBe(false);
    expect(sharesNoTest({ ...apart, ignoreGpu: true }, 1, 1)).toBe(false);
    expect(sharesNoTest(fiveVerdicts(), 4, 5)).toBe(false);
  });
});

describe('the worst regression', () => {
  it('is the largest one, and the first in row order among equally large ones', () => {
    // Mean TTFT: QPS 1 +100%, QPS 2 +50%, QPS 3 +100%, QPS 4 +20%.
    const comparison = compareResults(
      [servingAt(1, 100), servingAt(2, 100), servingAt(3, 100), servingAt(4, 100)],
      [servingAt(1, 200), servingAt(2, 150), servingAt(3, 200), servingAt(4, 120)],
    );
    expect(comparison.summary.verdicts.regression).toBe(4);
    const worst = comparison.summary.worstRegression;
    expect(worst?.row.label).toBe('serving_qps_1');
    expect(worst?.metric.changePct).toBe(100);
  });
});
