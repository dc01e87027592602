// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { compareResults } from '../../../src/data/compare/compare-summary';
import { COMPARISON_CSV_HEADER, comparisonCsv } from '../../../src/data/compare/comparison-csv';
import { buildCsv } from '../../../src/data/csv';
import { alternating, historyByQps, usableNights } from '../../helpers/compare-history';
import { result, servingAt } from './compare-fixtures';

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
        null,
        null,
        null,
        null,
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
        'fixed ±5% threshold',
        0,
        null,
        null,
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
        'fixed ±5% threshold',
        0,
        null,
        null,
      ],
    ]);
  });

  it('goes through buildCsv with numbers as numbers and hostile names neutralized', () => {
    const text = buildCsv(comparisonCsv(comparison).header, comparisonCsv(comparison).rows);
    expect(text.split('\r\n')).toEqual([
      'Suite,Test,Baseline GPU,Candidate GPU,Metric key,Metric,Unit,Direction,Baseline,Candidate,Change (%),Threshold (%),Verdict,Decided by,History runs,Noise spread (%),Robust z',
      'latency,latency_llama8B_tp1,8×H100,,latency_mean,Mean latency,ms,lower,1046.9095210234325,,,5,missing,,,,',
      'serving,serving_llama8B_tp1_sharegpt_qps_16,8×H100,8×H100,request_throughput,Throughput,req/s,higher,10,8,-20,5,regression,fixed ±5% threshold,0,,',
      'serving,serving_llama8B_tp1_sharegpt_qps_16,8×H100,8×H100,ttft_mean,Mean TTFT,ms,lower,100,130,30,5,regression,fixed ±5% threshold,0,,',
    ]);
    const hostile = compareResults(
      [result({ testName: '=HYPERLINK("x")', metrics: { ttft_mean: 1 } })],
      [],
    );
    const csv = comparisonCsv(hostile);
    expect(buildCsv(csv.header, csv.rows).split('\r\n')[1]).toBe(
      `serving,"'=HYPERLINK(""x"")",8×H100,,ttft_mean,Mean TTFT,ms,lower,1,,,5,missing,,,,`,
    );
  });

  it("gives the band's runs, spread and z when history decided, the runs there were when not", () => {
    // QPS 1: 20 nights of 100 and 101, spread 1.4826 × 0.0049752 = 0.0073762 → 0.74035%; 104 is
    // z = 4.6427. QPS 2: 10 nights, too few: the threshold decides, 10 runs said.
    const judged = comparisonCsv(
      compareResults(
        [servingAt(1, 100), servingAt(2, 100)],
        [servingAt(1, 104), servingAt(2, 104)],
        {
          history: historyByQps(
            new Map([
              [1, usableNights(alternating([100, 101], 20))],
              [2, usableNights(alternating([100, 101], 10))],
            ]),
          ),
        },
      ),
    );
    expect(judged.rows.map((row) => row.slice(12))).toEqual([
      [
        'regression',
        'noise of 20 runs (±0.7%)',
        20,
        expect.closeTo(0.74035, 4),
        expect.closeTo(4.6427, 3),
      ],
      ['within noise', 'fixed ±5% threshold (10 runs of history, 14 needed)', 10, null, null],
    ]);
  });
});
