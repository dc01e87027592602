// @vitest-environment node
import { describe, expect, it } from 'vitest';
import {
  compareResults,
  metricEntries,
  type MetricEntry,
} from '../../../src/data/compare/compare-summary';
import {
  DEFAULT_COMPARE_SORT,
  nextCompareSort,
  sortEntries,
  type CompareSort,
} from '../../../src/data/compare/compare-sort';
import { sortEntriesByHarm } from '../../../src/data/compare/harm-order';
import { alternating, historyByQps, usableNights } from '../../helpers/compare-history';
import { fiveVerdictEntries, result, servingAt } from './compare-fixtures';

const label = (entries: readonly MetricEntry[]) => entries.map((entry) => entry.row.label);

describe('nextCompareSort', () => {
  it('sorts a new column ascending, then descending, then goes back to most harmful first', () => {
    const change = nextCompareSort(DEFAULT_COMPARE_SORT, 'change');
    expect(change).toEqual({ column: 'change', desc: false });
    expect(nextCompareSort(change, 'change')).toEqual({ column: 'change', desc: true });
    expect(nextCompareSort({ column: 'change', desc: true }, 'change')).toBe(DEFAULT_COMPARE_SORT);
    // Another column starts ascending whatever the direction before.
    expect(nextCompareSort({ column: 'change', desc: true }, 'test')).toEqual({
      column: 'test',
      desc: false,
    });
    // Verdict is the default column: a click reverses it.
    expect(nextCompareSort(DEFAULT_COMPARE_SORT, 'verdict')).toEqual({
      column: 'verdict',
      desc: true,
    });
  });
});

describe('sortEntries', () => {
  it('keeps the most harmful first by default and reverses it by Verdict descending', () => {
    const entries = fiveVerdictEntries();
    expect(label(entries)).toEqual([
      'serving_qps_1',
      'serving_qps_4',
      'serving_qps_5',
      'serving_qps_3',
      'serving_qps_2',
    ]);
    expect(label(sortEntries(entries, DEFAULT_COMPARE_SORT))).toEqual(label(entries));
    expect(label(sortEntries(entries, { column: 'verdict', desc: true }))).toEqual(
      label(entries).reverse(),
    );
  });

  it('sorts numbers both ways with a missing number last either way', () => {
    // By QPS: changes +50, -10, +2, missing, missing; candidates 150, 90, 102, missing, 200.
    const cases: [CompareSort, number[]][] = [
      [{ column: 'change', desc: false }, [2, 3, 1, 4, 5]],
      [{ column: 'change', desc: true }, [1, 3, 2, 4, 5]],
      [{ column: 'candidate', desc: false }, [2, 3, 1, 5, 4]],
      [{ column: 'candidate', desc: true }, [5, 1, 3, 2, 4]],
    ];
    const entries = fiveVerdictEntries();
    for (const [sort, order] of cases) {
      expect(label(sortEntries(entries, sort)), JSON.stringify(sort)).toEqual(
        order.map((qps) => `serving_qps_${qps}`),
      );
    }
  });

  it('sorts test names in natural order', () => {
    const entries = fiveVerdictEntries();
    expect(label(sortEntries(entries, { column: 'test', desc: true }))).toEqual([
      'serving_qps_5',
      'serving_qps_4',
      'serving_qps_3',
      'serving_qps_2',
      'serving_qps_1',
    ]);
    // Numbers in names by value: qps_2 before qps_10 (a plain string sort puts 10 first).
    const tens = compareResults(
      [servingAt(10, 1), servingAt(2, 1)],
      [servingAt(10, 1), servingAt(2, 1)],
    );
    expect(label(sortEntries(metricEntries(tens.rows), { column: 'test', desc: false }))).toEqual([
      'serving_qps_2',
      'serving_qps_10',
    ]);
  });

  it('sorts baselines with the test only the candidate has last, either way', () => {
    // Baselines: 100 for QPS 1 to 4, ties in the harm order (1, 4, 3, 2); none for QPS 5.
    const entries = fiveVerdictEntries();
    for (const desc of [false, true]) {
      expect(label(sortEntries(entries, { column: 'baseline', desc }))).toEqual([
        'serving_qps_1',
        'serving_qps_4',
        'serving_qps_3',
        'serving_qps_2',
        'serving_qps_5',
      ]);
    }
  });

  it('sorts GPUs by how the table writes them', () => {
    const h200 = { type: 'H200', count: 8 };
    const rows = compareResults(
      [servingAt(1, 100), servingAt(2, 100)],
      [{ ...servingAt(1, 100), gpu: h200 }, servingAt(2, 100)],
      { ignoreGpu: true },
    ).rows;
    // `8×H100` sorts before `8×H100 → 8×H200`.
    expect(label(sortEntries(metricEntries(rows), { column: 'gpu', desc: false }))).toEqual([
      'serving_qps_2',
      'serving_qps_1',
    ]);
    expect(label(sortEntries(metricEntries(rows), { column: 'gpu', desc: true }))).toEqual([
      'serving_qps_1',
      'serving_qps_2',
    ]);
  });

  it('sorts metrics by their header, ties in the given order either way', () => {
    // One test, so every entry has the same test name and GPU. Most harmful first: mean TTFT
    // +50% (regression), throughput -20% (regression), mean ITL unchanged.
    const rows = compareResults(
      [result({ metrics: { itl_mean: 10, request_throughput: 10, ttft_mean: 100 } })],
      [result({ metrics: { itl_mean: 10, request_throughput: 8, ttft_mean: 150 } })],
    ).rows;
    const entries = sortEntriesByHarm(metricEntries(rows));
    const keys = (sorted: readonly MetricEntry[]) => sorted.map((entry) => entry.metric.key);
    expect(keys(entries)).toEqual(['ttft_mean', 'request_throughput', 'itl_mean']);
    // Headers: `Mean ITL (ms)`, `Mean TTFT (ms)`, `Throughput (req/s)`.
    expect(keys(sortEntries(entries, { column: 'metric', desc: false }))).toEqual([
      'itl_mean',
      'ttft_mean',
      'request_throughput',
    ]);
    expect(keys(sortEntries(entries, { column: 'metric', desc: true }))).toEqual([
      'request_throughput',
      'ttft_mean',
      'itl_mean',
    ]);
    for (const column of ['test', 'gpu'] as const) {
      for (const desc of [false, true]) {
        expect(keys(sortEntries(entries, { column, desc })), `${column} ${String(desc)}`).toEqual(
          keys(entries),
        );
      }
    }
  });
});

describe('sorting by the rule that decided', () => {
  it('orders rows by the rule in words, those without a rule last either way', () => {
    // QPS 1–3 by the fixed 5% threshold, QPS 4 missing (no rule), QPS 5 by 20 nights of noise.
    const entries = sortEntriesByHarm(
      metricEntries(
        compareResults(
          [servingAt(1, 100), servingAt(4, 100), servingAt(5, 100)],
          [servingAt(1, 150), servingAt(4, null), servingAt(5, 150)],
          { history: historyByQps(new Map([[5, usableNights(alternating([100], 20))]])) },
        ).rows,
      ),
    );
    // `fixed ±5% threshold` < `noise of 20 runs (±0.5%)`; QPS 4 has no rule.
    expect(label(sortEntries(entries, { column: 'rule', desc: false }))).toEqual([
      'serving_qps_1',
      'serving_qps_5',
      'serving_qps_4',
    ]);
    expect(label(sortEntries(entries, { column: 'rule', desc: true }))).toEqual([
      'serving_qps_5',
      'serving_qps_1',
      'serving_qps_4',
    ]);
  });
});
