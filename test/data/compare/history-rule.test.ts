// @vitest-environment node
import { describe, expect, it } from 'vitest';
import {
  historyBefore,
  historyCutoff,
  judgeByHistory,
} from '../../../src/data/compare/history-rule';
import { compareMetric } from '../../../src/data/compare/metric-verdict';
import type { RunPoint } from '../../../src/data/regression/series-input';
import { alternating, nightDate, usableNights as nights } from '../../helpers/compare-history';

/*
 * Arithmetic shared by the cases below (natural logarithms, to 7 digits):
 *   ln 1.01 = 0.0099503   ln 0.99 = −0.0100503   ln 1.03 = 0.0295588   ln 0.97 = −0.0304592
 *   ln 1.04 = 0.0392207   ln 0.96 = −0.0408220   ln 1.02 = 0.0198026   ln 1.06 = 0.0582689
 *   ln 1.12 = 0.1133287   ln 1.05 = 0.0487902
 * A spread is 1.4826 × MAD of the logs, at least 0.005; the band's centre is their median.
 */

describe('compareMetric with history', () => {
  it('calls +4% a regression on a series that moves ±0.7%, though within the fixed 5%', () => {
    // 20 runs, 100 and 101 ten times each. Logs: ln 100 and ln 100 + 0.0099503; the median is
    // halfway, ln 100 + 0.0049752, and every deviation is 0.0049752 = MAD.
    // Spread = 1.4826 × 0.0049752 = 0.0073762 → e^0.0073762 − 1 = 0.74035%.
    // Candidate 104: z = (0.0392207 − 0.0049752) / 0.0073762 = 0.0342455 / 0.0073762 = 4.6427,
    // beyond 3; from the centre e^0.0342455 − 1 = +3.48% and from the baseline +4%, both past
    // the 3% floor of a mean.
    const history = nights(alternating([100, 101], 20));
    const metric = compareMetric('ttft_mean', 100, 104, { default: 5 }, history);
    expect(metric.verdict).toBe('regression');
    expect(metric.changePct).toBeCloseTo(4, 10);
    expect(metric.rule).toEqual({
      kind: 'history',
      runs: 20,
      spreadPct: expect.closeTo(0.74035, 4) as number,
      z: expect.closeTo(4.6427, 3) as number,
      floorPct: 3,
    });
    // The threshold alone sees 4% ≤ 5%.
    expect(compareMetric('ttft_mean', 100, 104, { default: 5 })).toMatchObject({
      verdict: 'within noise',
      rule: { kind: 'threshold', threshold: 5, historyRuns: 0 },
    });
  });

  it('finds the spread of a series that steps 99, 100, 101', () => {
    // 20 runs 100, 101, 99, …: 100 × 7, 101 × 7, 99 × 6. Sorted logs: ln 99 × 6, ln 100 × 7,
    // ln 101 × 7; the 10th and 11th are ln 100, the centre. Deviations: 0 × 7, 0.0099503 × 7,
    // 0.0100503 × 6; the 10th and 11th are 0.0099503 = MAD. Spread = 1.4826 × 0.0099503 =
    // 0.0147523 → ±1.4862%.
    // Candidate 104: z = 0.0392207 / 0.0147523 = 2.6587, not beyond 3: within noise.
    // Candidate 105.5: z = ln 1.055 / 0.0147523 = 0.0535408 / 0.0147523 = 3.6293: a regression.
    const history = nights(alternating([100, 101, 99], 20));
    const within = compareMetric('ttft_mean', 100, 104, { default: 5 }, history);
    expect(within.verdict).toBe('within noise');
    expect(within.rule).toMatchObject({
      kind: 'history',
      spreadPct: expect.closeTo(1.4862, 3) as number,
      z: expect.closeTo(2.6587, 3) as number,
    });
    const beyond = compareMetric('ttft_mean', 100, 105.5, { default: 5 }, history);
    expect(beyond.verdict).toBe('regression');
    expect(beyond.rule).toMatchObject({ z: expect.closeTo(3.6293, 3) as number });
  });

  it('keeps +6% within the noise of a series that moves ±4.5%, though over the fixed 5%', () => {
    // 20 runs 100, 103, 97, …: sorted logs ln 97 × 6, ln 100 × 7, ln 103 × 7 → centre ln 100.
    // Deviations 0 × 7, 0.0295588 × 7, 0.0304592 × 6 → MAD 0.0295588; spread = 1.4826 ×
    // 0.0295588 = 0.0438239 → e^0.0438239 − 1 = 4.4798%.
    // Candidate 106: z = 0.0582689 / 0.0438239 = 1.3296.
    const history = nights(alternating([100, 103, 97], 20));
    const metric = compareMetric('ttft_mean', 100, 106, { default: 5 }, history);
    expect(metric.verdict).toBe('within noise');
    expect(metric.rule).toMatchObject({
      kind: 'history',
      runs: 20,
      spreadPct: expect.closeTo(4.4798, 3) as number,
      z: expect.closeTo(1.3296, 3) as number,
    });
    expect(compareMetric('ttft_mean', 100, 106, { default: 5 }).verdict).toBe('regression');
  });

  it('leaves the verdict to the threshold with fewer than 14 runs of history', () => {
    // 13 runs (100 × 7, 101 × 6): too few for a band. 14 runs (7 each) give the band of the
    // first case: centre halfway, spread 0.0073762, z of 104 = 4.6427.
    const short = compareMetric(
      'ttft_mean',
      100,
      104,
      { default: 5 },
      nights(alternating([100, 101], 13)),
    );
    expect(short).toMatchObject({
      verdict: 'within noise',
      rule: { kind: 'threshold', threshold: 5, historyRuns: 13 },
    });
    const ten = compareMetric(
      'ttft_mean',
      100,
      106,
      { default: 5 },
      nights(alternating([100, 101], 10)),
    );
    expect(ten).toMatchObject({
      verdict: 'regression',
      rule: { kind: 'threshold', threshold: 5, historyRuns: 10 },
    });
    const enough = compareMetric(
      'ttft_mean',
      100,
      104,
      { default: 5 },
      nights(alternating([100, 101], 14)),
    );
    expect(enough).toMatchObject({
      verdict: 'regression',
      rule: { kind: 'history', runs: 14, z: expect.closeTo(4.6427, 3) as number },
    });
  });

  it('reads the band from the last 20 runs only', () => {
    // 10 old runs at 200, then the 20 runs of the first case: the window leaves the old ones out,
    // so the band and z are the first case's. With them, the median would be far above 104.
    const history = nights([...alternating([200], 10), ...alternating([100, 101], 20)]);
    expect(compareMetric('ttft_mean', 100, 104, { default: 5 }, history)).toMatchObject({
      verdict: 'regression',
      rule: { kind: 'history', runs: 20, z: expect.closeTo(4.6427, 3) as number },
    });
  });

  it('knows which way is worse: throughput down is a regression, latency down an improvement', () => {
    // The first case's band. Candidate 96: z = (−0.0408220 − 0.0049752) / 0.0073762 = −6.2088;
    // from the centre e^−0.0457972 − 1 = −4.48%, from the baseline −4%: below the band.
    const history = nights(alternating([100, 101], 20));
    const throughput = compareMetric('request_throughput', 100, 96, { default: 5 }, history);
    expect(throughput.verdict).toBe('regression');
    expect(throughput.rule).toMatchObject({ z: expect.closeTo(-6.2088, 3) as number });
    expect(compareMetric('ttft_mean', 100, 96, { default: 5 }, history).verdict).toBe(
      'improvement',
    );
    expect(compareMetric('request_throughput', 100, 104, { default: 5 }, history).verdict).toBe(
      'improvement',
    );
  });

  it('calls a change under the floor within noise, however quiet the series', () => {
    // 20 runs of 100: MAD 0, so the spread is its floor 0.005 (e^0.005 − 1 = 0.50125%).
    // Candidate 102: z = 0.0198026 / 0.005 = 3.9605, past 3, but +2% is under the 3% floor.
    const history = nights(alternating([100], 20));
    const small = compareMetric('ttft_mean', 100, 102, { default: 1 }, history);
    expect(small.verdict).toBe('within noise');
    expect(small.rule).toMatchObject({
      spreadPct: expect.closeTo(0.50125, 4) as number,
      z: expect.closeTo(3.9605, 3) as number,
      floorPct: 3,
    });
    // A P99 has a 10% floor: +6% (z = 0.0582689 / 0.005 = 11.65) is within noise, +12%
    // (z = 0.1133287 / 0.005 = 22.67) is not.
    expect(compareMetric('ttft_p99', 100, 106, { default: 5 }, history)).toMatchObject({
      verdict: 'within noise',
      rule: { floorPct: 10, z: expect.closeTo(11.654, 2) as number },
    });
    expect(compareMetric('ttft_p99', 100, 112, { default: 5 }, history).verdict).toBe('regression');
  });

  it('measures from the band, not from an odd baseline, and shows the change from the baseline', () => {
    // 20 runs of 100 (spread 0.005). Baseline 95 was an odd night; candidate 100 is +5.26% from
    // it, past the fixed 5%, but exactly at the band's centre: z = 0.
    const history = nights(alternating([100], 20));
    const odd = compareMetric('ttft_mean', 95, 100, { default: 5 }, history);
    expect(odd.changePct).toBeCloseTo(5.2632, 3);
    expect(odd.verdict).toBe('within noise');
    expect(odd.rule).toMatchObject({ kind: 'history', z: 0 });
    // Baseline 103, candidate 105: outside the band (z = 0.0487902 / 0.005 = 9.758), but only
    // +1.94% from the baseline, under the floor: the change shown is no change worth a verdict.
    expect(compareMetric('ttft_mean', 103, 105, { default: 1 }, history).verdict).toBe(
      'within noise',
    );
    // Baseline 110, candidate 104: above the band (z = 0.0392207 / 0.005 = 7.84) yet 5.45% below
    // the baseline; the band and the change disagree, so neither verdict of change is given.
    expect(compareMetric('ttft_mean', 110, 104, { default: 1 }, history).verdict).toBe(
      'within noise',
    );
  });

  it('falls back to the threshold where history cannot measure, and gives no rule without a verdict', () => {
    const history = nights(alternating([100], 20));
    // From 0 there is no relative change; 0 → 3 is a regression by any threshold.
    expect(compareMetric('ttft_mean', 0, 3, { default: 5 }, history)).toMatchObject({
      verdict: 'regression',
      rule: { kind: 'threshold', threshold: 5, historyRuns: 20 },
    });
    expect(judgeByHistory('ttft_mean', 'lower', 0, -100, history)).toBeNull();
    expect(judgeByHistory('ttft_mean', 'lower', Infinity, Infinity, history)).toBeNull();
    expect(judgeByHistory('ttft_mean', 'lower', 104, null, history)).toBeNull();
    expect(compareMetric('ttft_mean', 100, null, { default: 5 }, history)).toMatchObject({
      verdict: 'missing',
      rule: null,
    });
    expect(compareMetric('num_requests', 100, 200, { default: 5 }, history)).toMatchObject({
      verdict: 'no direction',
      rule: null,
    });
  });
});

describe('historyCutoff', () => {
  it("is the candidate's date, else through the baseline's, else none", () => {
    expect(historyCutoff('2026-09-01', '2026-09-20')).toEqual({
      kind: 'before',
      date: '2026-09-20',
    });
    expect(historyCutoff(null, '2026-09-20')).toEqual({ kind: 'before', date: '2026-09-20' });
    expect(historyCutoff('2026-09-01', null)).toEqual({ kind: 'through', date: '2026-09-01' });
    expect(historyCutoff(null, null)).toBeNull();
  });
});

describe('historyBefore', () => {
  /** Points dated 2026-09-01 onwards with these values, then `undated` points without a date. */
  function points(values: readonly (number | null)[], undated = 0): RunPoint[] {
    return [
      ...values.map((value, i) => ({
        date: nightDate(i),
        value,
      })),
      ...Array.from({ length: undated }, () => ({ date: null, value: 100 })),
    ];
  }

  it('keeps the dated runs before the candidate, or through the baseline', () => {
    const series = points(alternating([100, 101], 20));
    const before = historyBefore(series, { kind: 'before', date: '2026-09-15' });
    expect(before.map((run) => run.date)).toEqual(
      Array.from({ length: 14 }, (_, i) => nightDate(i)),
    );
    expect(historyBefore(series, { kind: 'through', date: '2026-09-15' })).toHaveLength(15);
    expect(historyBefore(series, { kind: 'before', date: '2026-09-01' })).toEqual([]);
    expect(historyBefore(series, { kind: 'through', date: '2026-09-01' })).toHaveLength(1);
  });

  it('counts no undated run and no missing value', () => {
    const series = points([...alternating([100, 101], 10), null, null], 10);
    const runs = historyBefore(series, { kind: 'before', date: '2026-10-01' });
    expect(runs).toHaveLength(10);
    expect(runs.every((run) => run.value === 100 || run.value === 101)).toBe(true);
  });

  it('has no history when two of its runs share a date, whatever comes after the cutoff', () => {
    const twice: RunPoint[] = [...points([100, 101]), { date: '2026-09-02', value: 101 }];
    expect(historyBefore(twice, { kind: 'before', date: '2026-09-10' })).toEqual([]);
    expect(historyBefore(twice, { kind: 'before', date: '2026-09-02' })).toHaveLength(1);
  });
});
