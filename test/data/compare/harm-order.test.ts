// @vitest-environment node
import { beforeEach, describe, expect, it } from 'vitest';
import { alignResults, type CompareRow } from '../../../src/data/compare/align-results';
import {
  compareResults,
  metricEntries,
  summarizeComparison,
  type Comparison,
} from '../../../src/data/compare/compare-summary';
import {
  compareByHarm,
  onlyRegressions,
  rowsWithRegressions,
  sortEntriesByHarm,
  sortRowsByHarm,
} from '../../../src/data/compare/harm-order';
import { compareMetric, formatChange } from '../../../src/data/compare/metric-verdict';
import { plainResult, type MetricValues } from '../../../src/data/results/result-model';
import { h100, metricOf, result, rowNamed } from './compare-fixtures';

describe('a candidate with one serving TTFT 30% higher', () => {
  const slowed = 'serving_llama8B_tp1_sharegpt_qps_16';
  const candidate = h100.results.map((entry) =>
    entry.testName === slowed
      ? {
          ...plainResult(entry),
          metrics: { ...entry.metrics, ttft_mean: (entry.metrics.ttft_mean ?? 0) * 1.3 },
        }
      : entry,
  );
  let comparison: Comparison;
  beforeEach(() => {
    comparison = compareResults(h100.results, candidate);
  });

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

describe('compareByHarm', () => {
  const threshold = { default: 5 };

  it('ranks metrics without a size to compare as ties within their verdict', () => {
    const gone = compareMetric('ttft_mean', 100, null, threshold);
    const alsoGone = compareMetric('itl_p99', null, 7, threshold);
    const count = compareMetric('num_requests', 200, 100, threshold);
    const otherCount = compareMetric('num_requests', 100, 300, threshold);
    expect(compareByHarm(gone, alsoGone)).toBe(0);
    expect(compareByHarm(alsoGone, gone)).toBe(0);
    expect(compareByHarm(count, otherCount)).toBe(0);
    // Missing values come before any change within noise, counts after everything.
    const noise = compareMetric('ttft_mean', 100, 101, threshold);
    expect(compareByHarm(gone, noise)).toBeLessThan(0);
    expect(compareByHarm(count, noise)).toBeGreaterThan(0);
  });

  it('ties two changes of the same harm and orders others by harm, larger first', () => {
    // +20% latency and -20% throughput both harm by 20.
    const slower = compareMetric('ttft_mean', 100, 120, threshold);
    const fewer = compareMetric('request_throughput', 10, 8, threshold);
    const slowerStill = compareMetric('itl_mean', 100, 130, threshold);
    expect(compareByHarm(slower, fewer)).toBe(0);
    expect(compareByHarm(slowerStill, slower)).toBeLessThan(0);
    expect(compareByHarm(fewer, slowerStill)).toBeGreaterThan(0);
  });
});

describe('rows without metrics', () => {
  it('come after every row with one, in their given order', () => {
    const empty = (qps: number) =>
      alignResults([result({ testName: `empty ${qps}`, qps, metrics: {} })], []);
    const rows = [
      ...empty(1),
      ...alignResults(
        [result({ testName: 'improved', qps: 2, metrics: { ttft_mean: 100 } })],
        [result({ testName: 'improved', qps: 2, metrics: { ttft_mean: 50 } })],
      ),
      ...empty(3),
      ...alignResults(
        [result({ testName: 'slower', qps: 4, metrics: { ttft_mean: 100 } })],
        [result({ testName: 'slower', qps: 4, metrics: { ttft_mean: 150 } })],
      ),
    ];
    expect(sortRowsByHarm(rows).map((entry) => entry.label)).toEqual([
      'slower',
      'improved',
      'empty 1',
      'empty 3',
    ]);
  });
});
