// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { compareResults, metricEntries } from '../../../src/data/compare/compare-summary';
import {
  betterOrWorse,
  comparedTestsText,
  emptyTableText,
  geomeanBasis,
  presenceText,
  ruleCountsText,
  ruleText,
  tableCaptionDetail,
  verdictCounts,
  verdictTitle,
} from '../../../src/data/compare/compare-text';
import type { CompareHistory } from '../../../src/data/compare/compare-history';
import type { CompareRow } from '../../../src/data/compare/align-results';
import { alternating, usableNights } from '../../helpers/compare-history';
import { fiveVerdictEntries, result, servingAt } from './compare-fixtures';

describe('compare summary words', () => {
  it('says a positive change is better, a negative one worse, and one rounding to 0 none', () => {
    const cases: [number, string][] = [
      [22.5, '22.5% better'],
      [4.1, '4.1% better'],
      [-4.1, '4.1% worse'],
      // 0.04 rounds to 0.0 at one decimal either way; 0.06 to 0.1.
      [0.04, 'no change'],
      [-0.04, 'no change'],
      [0.06, '0.1% better'],
    ];
    expect(cases.map(([change]) => betterOrWorse(change))).toEqual(cases.map(([, text]) => text));
  });

  it('counts every verdict, and metrics without a direction only when there are some', () => {
    const verdicts = {
      regression: 1,
      improvement: 2,
      'within noise': 1234,
      missing: 0,
      'no direction': 0,
    };
    expect(verdictCounts(verdicts)).toEqual([
      { verdict: 'regression', text: '1 regression' },
      { verdict: 'improvement', text: '2 improvements' },
      { verdict: 'within noise', text: '1,234 within noise' },
      { verdict: 'missing', text: '0 missing' },
    ]);
    expect(verdictCounts({ ...verdicts, 'no direction': 3 }).at(-1)).toEqual({
      verdict: 'no direction',
      text: '3 without direction',
    });
    expect(verdictCounts({ ...verdicts, regression: 0 })[0]?.text).toBe('0 regressions');
  });

  it('counts the tests compared, those one side has, and repeats ignored only when there are some', () => {
    const tests = {
      compared: 1,
      notComparable: 0,
      missingInCandidate: 0,
      missingInBaseline: 1200,
      duplicatesIgnored: { baseline: 0, candidate: 0 },
    };
    expect(comparedTestsText(tests)).toBe(
      '1 test compared · 0 only in baseline · 1,200 only in candidate',
    );
    expect(comparedTestsText({ ...tests, compared: 18 })).toContain('18 tests compared');
    expect(comparedTestsText({ ...tests, notComparable: 2 })).toBe(
      '1 test compared · 2 not comparable · 0 only in baseline · 1,200 only in candidate',
    );
    expect(comparedTestsText({ ...tests, duplicatesIgnored: { baseline: 1, candidate: 0 } })).toBe(
      '1 test compared · 0 only in baseline · 1,200 only in candidate · 1 duplicate result ignored (the first of each test is used)',
    );
    // Both sides' repeats add up.
    expect(
      comparedTestsText({ ...tests, duplicatesIgnored: { baseline: 1, candidate: 2 } }),
    ).toContain(' · 3 duplicate results ignored');
    expect(geomeanBasis({ count: 1 })).toBe('Over 1 metric comparison with a direction');
    expect(geomeanBasis({ count: 1500 })).toBe('Over 1,500 metric comparisons with a direction');
  });

  it('names the side a test is only in: missing in the candidate means only in the baseline', () => {
    const row = (presence: CompareRow['presence'], notComparable: string | null = null) => ({
      presence,
      notComparable,
    });
    expect(presenceText(row('missing in candidate'))).toBe('only in baseline');
    expect(presenceText(row('missing in baseline'))).toBe('only in candidate');
    expect(presenceText(row('both'))).toBeNull();
    expect(presenceText(row('not comparable', 'input length 1024 vs 2048'))).toBe(
      'not comparable: input length 1024 vs 2048',
    );
  });
});

describe('compare table words', () => {
  it('explains each verdict by the threshold that applied, or by what is missing', () => {
    const titles = fiveVerdictEntries().map((entry) => [entry.row.label, verdictTitle(entry)]);
    expect(titles).toEqual([
      ['serving_qps_1', 'Worse by more than ±5%'],
      ['serving_qps_4', 'One side has no value'],
      ['serving_qps_5', 'The baseline has no such test'],
      ['serving_qps_3', 'Changed by at most ±5%'],
      ['serving_qps_2', 'Better by more than ±5%'],
    ]);
    // A test only the baseline has; a count (no direction) under a threshold of 7.5%.
    const onlyBaseline = compareResults([servingAt(1, 100)], []).rows;
    const counts = compareResults(
      [result({ metrics: { num_requests: 200 } })],
      [result({ metrics: { num_requests: 100 } })],
      { threshold: 7.5 },
    ).rows;
    expect(metricEntries([...onlyBaseline, ...counts]).map(verdictTitle)).toEqual([
      'The candidate has no such test',
      'A count: neither better nor worse',
    ]);
    const [regression] = metricEntries(
      compareResults([servingAt(1, 100)], [servingAt(1, 120)], { threshold: 7.5 }).rows,
    );
    if (regression === undefined) throw new Error('no entry');
    expect(verdictTitle(regression)).toBe('Worse by more than ±7.5%');
  });

  it('details the caption with the thresholds and the order', () => {
    const settings = { threshold: 5, p99Threshold: null, onlyRegressions: false };
    expect(tableCaptionDetail(settings)).toBe('threshold ±5% · most harmful first');
    expect(tableCaptionDetail({ threshold: 6, p99Threshold: 10, onlyRegressions: true })).toBe(
      'threshold ±6%, p99 ±10% · only regressions',
    );
    // A p99 threshold of 0 is a threshold, not "none".
    expect(tableCaptionDetail({ ...settings, p99Threshold: 0 })).toBe(
      'threshold ±5%, p99 ±0% · most harmful first',
    );
  });

  it('says no regression when only regressions hide every entry, else that nothing compares', () => {
    expect(emptyTableText(true, 3)).toBe('No regression beyond the threshold.');
    expect(emptyTableText(true, 0)).toBe('Nothing to compare with these sides and filters.');
    expect(emptyTableText(false, 3)).toBe('Nothing to compare with these sides and filters.');
  });
});

describe('rule words', () => {
  /** A history that gives every pair `count` nights of 100 and 101 in turn. */
  const steady = (count: number): CompareHistory => ({
    of: () => () => usableNights(alternating([100, 101], count)),
  });

  it('names the rule: the band of runs and its spread, or the fixed threshold', () => {
    // 20 nights of 100 and 101: spread 1.4826 × 0.0049752 = 0.0073762 → ±0.74%.
    const [byHistory] = compareResults([servingAt(1, 100)], [servingAt(1, 104)], {
      history: steady(20),
    }).rows.flatMap((row) => row.metrics);
    expect(ruleText(byHistory?.rule ?? null)).toBe('noise of 20 runs (±0.7%)');
    expect(ruleText({ kind: 'history', runs: 1, spreadPct: 12.345, z: 0, floorPct: 3 })).toBe(
      'noise of 1 run (±12.3%)',
    );
    expect(ruleText({ kind: 'threshold', threshold: 5, historyRuns: 0 })).toBe(
      'fixed ±5% threshold',
    );
    expect(ruleText({ kind: 'threshold', threshold: 2.5, historyRuns: 10 })).toBe(
      'fixed ±2.5% threshold (10 runs of history, 14 needed)',
    );
    expect(ruleText({ kind: 'threshold', threshold: 5, historyRuns: 1 })).toBe(
      'fixed ±5% threshold (1 run of history, 14 needed)',
    );
    // Enough history that could not measure this change (from a baseline of 0): no count.
    expect(ruleText({ kind: 'threshold', threshold: 5, historyRuns: 14 })).toBe(
      'fixed ±5% threshold',
    );
    expect(ruleText(null)).toBe('—');
  });

  it('counts the metrics each rule decided', () => {
    expect(ruleCountsText({ history: 1, threshold: 1234 })).toBe(
      "1 metric judged by their own history's noise, 1,234 by the fixed threshold.",
    );
    expect(ruleCountsText({ history: 0, threshold: 0 })).toBe(
      "0 metrics judged by their own history's noise, 0 by the fixed threshold.",
    );
  });

  it("explains a verdict of history by the band's runs, z and floor", () => {
    // The band of 20 nights of 100 and 101 (centre ln 100 + 0.0049752, spread 0.0073762):
    // 104 is z = 4.64 (+4% from 100): worse; 96 is z = −6.21: better; 101 is
    // z = (0.0099503 − 0.0049752) / 0.0073762 = 0.67: within; 103.5 from a baseline of 101
    // is z = (0.0344014 − 0.0049752) / 0.0073762 = 3.99, outside, but +2.48% from the baseline.
    const titles = compareResults(
      [servingAt(1, 100), servingAt(2, 100), servingAt(3, 100), servingAt(4, 101)],
      [servingAt(1, 104), servingAt(2, 96), servingAt(3, 101), servingAt(4, 103.5)],
      { history: steady(20) },
    ).rows.flatMap((row) => metricEntries([row]).map(verdictTitle));
    expect(titles).toEqual([
      'Worse: outside the noise of 20 runs (z = 4.6, limit ±3) and by more than the 3% floor',
      'Better: outside the noise of 20 runs (z = -6.2, limit ±3) and by more than the 3% floor',
      'Within the noise of 20 runs (z = 0.7, limit ±3)',
      'Outside the noise of 20 runs (z = 4.0, limit ±3), but not changed from the baseline by more than the 3% floor that way',
    ]);
  });
});
