// @vitest-environment node
import { describe, expect, it } from 'vitest';
import {
  RUNS_READ,
  analyzeSeries,
  type SeriesVerdict,
} from '../../../src/data/regression/series-verdict';
import { DISTINCT_HISTORY, TIED_HISTORY, TIED_SPREAD, night, series } from './regression-fixtures';

/** Five runs about 10% above DISTINCT_HISTORY, median 110, all above every run before. */
const STEP_UP = [110, 110.2, 109.8, 110.4, 109.6];

function verdictOf(metric: string, values: readonly (number | null)[]): SeriesVerdict {
  return analyzeSeries(series(metric, values)).verdict;
}

function findingOf(verdict: SeriesVerdict) {
  if (verdict.status !== 'suspect' && verdict.status !== 'confirmed') {
    throw new Error(`expected a finding, got ${verdict.status}: ${verdict.reason}`);
  }
  return verdict.finding;
}

describe('analyzeSeries: no flag', () => {
  it('a flat noisy series is within noise', () => {
    // TIED_HISTORY then 99, 101, 100, 99, 101. The last run's window (runs 4..23) holds seven
    // 99s, seven 100s and six 101s: median 100, MAD ln(1.01) as in TIED_HISTORY, so 101 is
    // z = ln(1.01)/(1.4826·ln(1.01)) = 1/1.4826 = 0.67, +1.0%.
    const verdict = verdictOf('latency_mean', [...TIED_HISTORY, 99, 101, 100, 99, 101]);
    expect(verdict).toEqual({
      status: 'ok',
      reason:
        'within noise: the latest run is +1.0% from the median of the 20 runs before (z = +0.7)',
    });
  });

  it('a spike followed by a return to normal is neither suspect nor confirmed', () => {
    // The latest run (100) is at the median: z = 0.
    expect(verdictOf('latency_mean', [...TIED_HISTORY, 110, 100]).status).toBe('ok');
    expect(verdictOf('latency_mean', [...TIED_HISTORY, 110, 100, 100, 100]).status).toBe('ok');
  });

  it('a change point with p above 0.001 does not count', () => {
    // 3 runs near 104 then 100.35 (inside its band). Split at run 20: the 104s beat all 20 runs
    // before, 100.35 beats 14 of them (99.0 … 100.3), so U = 3·20 + 14 = 74 of 80. The other
    // tail U' = 80 − 74 = 6: the arrangements with U' ≤ 6 are the partitions of 0 … 6 into at
    // most 4 parts, 1 + 1 + 2 + 3 + 5 + 6 + 9 = 27, of C(24, 4) = 10626; p = 2·27/10626 =
    // 0.00508. The medians moved +4.2% and the last 3 runs' median +4.15%, both beyond 3%:
    // only the p keeps it from counting.
    const analysis = analyzeSeries(
      series('latency_mean', [...DISTINCT_HISTORY, 104.3, 104.1, 104.2, 100.35]),
    );
    expect(analysis.changePoint).toMatchObject({ start: 20, method: 'exact' });
    expect(analysis.changePoint?.p).toBeCloseTo(54 / 10626, 12);
    expect(analysis.changePoint?.changePct).toBeCloseTo((104.15 / 99.95 - 1) * 100, 9);
    expect(analysis.verdict.status).toBe('ok');
  });

  it('a change that went away again is not reported', () => {
    // 8 runs near 110 then 3 back near 100. The scan finds the split at run 20 with
    // Mann–Whitney p = 3.5e-4 ≤ 0.001, but the last 3 runs' median (100.05) is +0.1% from the
    // median before (99.95): not lasting. The latest run is inside its band.
    const high = [109.5, 110, 110.5, 109.9, 110.4, 109.8, 110.3, 109.7];
    const analysis = analyzeSeries(
      series('latency_mean', [...DISTINCT_HISTORY, ...high, 100.05, 99.85, 100.15]),
    );
    expect(analysis.changePoint?.p).toBeLessThanOrEqual(0.001);
    expect(analysis.changePoint?.recentChangePct).toBeCloseTo((100.05 / 99.95 - 1) * 100, 9);
    expect(analysis.verdict.status).toBe('ok');
  });
});

describe('analyzeSeries: suspect', () => {
  it('a one-night spike is suspect, not confirmed', () => {
    // Band of TIED_HISTORY: median 100, spread 0.0147524. 110: z = ln(1.1)/0.0147524 = 6.4607,
    // +10% > 3%. Only one run: suspect.
    const verdict = verdictOf('latency_mean', [...TIED_HISTORY, 110]);
    expect(verdict.status).toBe('suspect');
    const finding = findingOf(verdict);
    expect(finding).toMatchObject({
      kind: 'regression',
      firstChanged: { index: 20, date: night(20), commit: 'c20' },
      lastGood: { index: 19, date: night(19), commit: 'c19' },
      medianBefore: 100,
      medianAfter: 110,
      evidence: { test: 'band', nBefore: 20, nAfter: 1 },
    });
    expect(finding.changePct).toBeCloseTo(10, 9);
    expect(finding.evidence.test === 'band' && finding.evidence.z).toBeCloseTo(
      Math.log(1.1) / TIED_SPREAD,
      9,
    );
    expect(verdict.reason).toBe(
      'suspect regression from the run of 2026-01-21 (c20): +10.0% (median 100.0 → 110.0); ' +
        'the latest run is outside the band of the 20 runs before (|z| ≥ 6.5)',
    );
  });

  it('the latest run alone is a suspect only beyond 4.5 robust standard deviations', () => {
    // 106: z = ln(1.06)/0.0147524 = 0.0582689/0.0147524 = 3.950: beyond 3 but not 4.5, so ok.
    expect(verdictOf('latency_mean', [...TIED_HISTORY, 106]).status).toBe('ok');
    // 107: z = ln(1.07)/0.0147524 = 0.0676586/0.0147524 = 4.586 > 4.5, +7% > 3%.
    const verdict = verdictOf('latency_mean', [...TIED_HISTORY, 107]);
    expect(verdict.status).toBe('suspect');
    const evidence = findingOf(verdict).evidence;
    expect(evidence).toMatchObject({ test: 'band' });
    expect(evidence.test === 'band' && evidence.z).toBeCloseTo(4.586, 2);
  });

  it('the P99 floor is 10% where the mean floor is 3%', () => {
    // Twenty 100s: MAD 0, spread floored at 0.005. 105: z = ln(1.05)/0.005 = 9.76, +5%.
    const flat = Array<number>(20).fill(100);
    expect(verdictOf('ttft_mean', [...flat, 105]).status).toBe('suspect');
    expect(verdictOf('ttft_p99', [...flat, 105]).status).toBe('ok');
    // 112: z = ln(1.12)/0.005 = 22.7, +12% > 10%.
    expect(verdictOf('ttft_p99', [...flat, 112]).status).toBe('suspect');
    // 102.5: z = ln(1.025)/0.005 = 4.94 > 3 but +2.5% < 3%: the floor alone keeps it quiet.
    expect(verdictOf('ttft_mean', [...flat, 102.5]).status).toBe('ok');
  });
});

describe('analyzeSeries: confirmed', () => {
  it('a lasting 10% step after 20 runs is confirmed at the right runs', () => {
    // 20 distinct runs (median 99.95), then 5 runs all above them (median 110). The split at
    // run 20 puts every run after above every run before: U = 0 of the before side, one of
    // C(25, 5) = 53130 arrangements, p = 2/53130 = 3.764e-5 (exact, no ties).
    // Change: 110/99.95 − 1 = +10.055%.
    const verdict = verdictOf('latency_mean', [...DISTINCT_HISTORY, ...STEP_UP]);
    expect(verdict.status).toBe('confirmed');
    const finding = findingOf(verdict);
    expect(finding).toMatchObject({
      kind: 'regression',
      firstChanged: { index: 20, date: '2026-01-21', commit: 'c20' },
      lastGood: { index: 19, date: '2026-01-20', commit: 'c19' },
      medianBefore: 99.95,
      medianAfter: 110,
      evidence: {
        test: 'mann-whitney',
        method: 'exact',
        adjustedP: null,
        // The scan tries splits from max(14, 25 − 20) = 14 (14 runs before, at most 20 after)
        // to 25 − 3 = 22 (3 after): 9 splits.
        candidates: 9,
        nBefore: 20,
        nAfter: 5,
        from: { index: 0 },
        to: { index: 24 },
      },
    });
    expect(finding.changePct).toBeCloseTo(10.055, 3);
    expect(finding.evidence.test === 'mann-whitney' && finding.evidence.p).toBeCloseTo(
      2 / 53130,
      12,
    );
    expect(verdict.reason).toBe(
      'regression from the run of 2026-01-21 (c20): +10.1% (median 99.95 → 110.0); ' +
        'Mann–Whitney p = 3.8e-5 (20 runs before, 5 after)',
    );
  });

  it('two runs in a row outside the band confirm a change without a change point', () => {
    // Both 110s are z = 6.46 above the band of the 20 runs before the first; the scan needs 3
    // runs after a change point and finds nothing at p ≤ 0.001.
    const verdict = verdictOf('latency_mean', [...TIED_HISTORY, 110, 110]);
    expect(verdict.status).toBe('confirmed');
    expect(findingOf(verdict)).toMatchObject({
      kind: 'regression',
      firstChanged: { index: 20 },
      lastGood: { index: 19 },
      medianBefore: 100,
      medianAfter: 110,
      evidence: { test: 'band', nBefore: 20, nAfter: 2 },
    });
  });

  it('a change that has pulled the trailing median along is still confirmed by the scan', () => {
    // 12 runs near 110 after DISTINCT_HISTORY: the latest run's window holds 11 of them, its
    // median is near 110 and the latest run is inside its band. The split at run 20 is perfect:
    // p = 2/C(32, 12) = 2/225792840 = 8.86e-9.
    const high = [109.5, 110, 110.5, 109.9, 110.4, 109.8, 110.3, 109.7, 110.2, 109.6, 110.1, 110.6];
    const analysis = analyzeSeries(series('latency_mean', [...DISTINCT_HISTORY, ...high]));
    expect(analysis.streak).toBeNull();
    expect(analysis.verdict.status).toBe('confirmed');
    const finding = findingOf(analysis.verdict);
    expect(finding.firstChanged.index).toBe(20);
    expect(finding.evidence.test === 'mann-whitney' && finding.evidence.p).toBeCloseTo(
      2 / 225792840,
      15,
    );
  });

  it('a change that reversed is reported as the new change, not the old one', () => {
    // 15 runs near 110 (109.5 … 110.6, all distinct), then 3 near 90. The scan's best split is
    // still run 20 (p = 2.6e-4: 15 of the 18 runs after are above all 20 before), median +10%,
    // but the last 3 runs' median (90.05) is −9.9% from 99.95: the other way, so that change
    // point does not count. The 3 latest runs are below the band of the 20 runs before them:
    // a confirmed improvement from run 35.
    const high = Array.from({ length: 15 }, (_, i) => 109.5 + ((5 * i) % 12) / 10 + i / 1000);
    const analysis = analyzeSeries(
      series('latency_mean', [...DISTINCT_HISTORY, ...high, 89.95, 90.15, 90.05]),
    );
    expect(analysis.changePoint).toMatchObject({ start: 20 });
    expect(analysis.changePoint?.p).toBeLessThanOrEqual(0.001);
    expect(analysis.changePoint?.changePct).toBeGreaterThan(3);
    expect(analysis.changePoint?.recentChangePct).toBeLessThan(-3);
    expect(analysis.verdict.status).toBe('confirmed');
    expect(findingOf(analysis.verdict)).toMatchObject({
      kind: 'improvement',
      firstChanged: { index: 35 },
      lastGood: { index: 34 },
      evidence: { test: 'band', nAfter: 3 },
    });
  });

  it('says regression or improvement by the metric direction', () => {
    const down = STEP_UP.map((value) => value - 20); // median 90: 90/99.95 − 1 = −9.955%
    const latencyDown = findingOf(verdictOf('latency_mean', [...DISTINCT_HISTORY, ...down]));
    expect(latencyDown.kind).toBe('improvement');
    expect(latencyDown.changePct).toBeCloseTo(-9.955, 3);
    const throughputDown = verdictOf('request_throughput', [...DISTINCT_HISTORY, ...down]);
    expect(findingOf(throughputDown).kind).toBe('regression');
    expect(throughputDown.reason).toMatch(/^regression .*: −10\.0% \(median 99\.95 → 90\.00\)/);
    const throughputUp = findingOf(
      verdictOf('request_throughput', [...DISTINCT_HISTORY, ...STEP_UP]),
    );
    expect(throughputUp.kind).toBe('improvement');
    // A spike down in latency is a suspect improvement.
    expect(findingOf(verdictOf('ttft_median', [...TIED_HISTORY, 90])).kind).toBe('improvement');
  });

  it('a lasting 5% step is a regression for a mean and nothing for a P99', () => {
    // Median 105 after 99.95: +5.05%, p = 3.764e-5 as for the 10% step; above 3%, below 10%.
    const step = STEP_UP.map((value) => value - 5);
    expect(verdictOf('ttft_mean', [...DISTINCT_HISTORY, ...step]).status).toBe('confirmed');
    expect(verdictOf('ttft_p99', [...DISTINCT_HISTORY, ...step]).status).toBe('ok');
  });
});

describe('analyzeSeries: no verdict', () => {
  it('says how many runs there are and how many are needed', () => {
    expect(verdictOf('latency_mean', TIED_HISTORY.slice(0, 14))).toEqual({
      status: 'insufficient',
      reason: 'insufficient history (14 runs, needs 15)',
      runs: 14,
      needed: 15,
    });
    expect(verdictOf('latency_mean', TIED_HISTORY.slice(0, 15)).status).toBe('ok');
  });

  it('skips NaN, null and non-finite values without counting them as runs', () => {
    // 15 points, one NaN: 14 runs, insufficient.
    const withNaN = [...TIED_HISTORY.slice(0, 7), Number.NaN, ...TIED_HISTORY.slice(7, 14)];
    const short = analyzeSeries(series('latency_mean', withNaN));
    expect(short.verdict).toEqual({
      status: 'insufficient',
      reason: 'insufficient history (14 runs, needs 15); 1 run left out (1 without a usable value)',
      runs: 14,
      needed: 15,
    });
    expect(short.skipped).toEqual([{ index: 7, date: night(7), reason: 'not finite' }]);
    // The spike series with bad values in between: the same verdict, the runs indexed as given.
    const values = [...TIED_HISTORY.slice(0, 10), null, Infinity, ...TIED_HISTORY.slice(10), 110];
    const analysis = analyzeSeries(series('latency_mean', values));
    expect(analysis.runs).toHaveLength(21);
    expect(analysis.skipped.map((skip) => [skip.index, skip.reason])).toEqual([
      [10, 'missing'],
      [11, 'not finite'],
    ]);
    expect(analysis.verdict.status).toBe('suspect');
    expect(findingOf(analysis.verdict).firstChanged.index).toBe(22);
  });

  it('excludes runs without a date and counts them', () => {
    const input = series('latency_mean', [...TIED_HISTORY, 110]);
    const points = [
      ...input.points.slice(0, 5),
      { date: null, value: 500 },
      ...input.points.slice(5),
    ];
    const analysis = analyzeSeries({ key: input.key, points });
    expect(analysis.undated).toBe(1);
    expect(analysis.runs).toHaveLength(21);
    expect(analysis.verdict.status).toBe('suspect');
  });

  it('gives no verdict for a neutral metric', () => {
    expect(verdictOf('num_requests', [...TIED_HISTORY, 200])).toEqual({
      status: 'neutral',
      reason: 'no verdict: Requests is neither better up nor down',
    });
  });

  it('refuses runs that share a date, with the message', () => {
    const input = series('latency_mean', [...TIED_HISTORY, 110]);
    const points = [...input.points, { date: night(20), value: 111 }];
    expect(analyzeSeries({ key: input.key, points }).verdict).toEqual({
      status: 'invalid',
      reason:
        'runs share a date (2 runs on 2026-01-21): one run per date is needed to put them in order',
    });
  });

  it('uses the configured window', () => {
    // With a window of 14 the band of the spike is runs 6..19 of TIED_HISTORY: six 100s, four
    // 99s, four 101s; median 100; deviations 6 × 0, 4 × 0.0099503, 4 × 0.0100503, so MAD (mean
    // of the 7th and 8th) = ln(1.01) again and z = ln(1.1)/(1.4826·ln(1.01)) = 6.46 as before.
    const analysis = analyzeSeries(series('latency_mean', [...TIED_HISTORY, 110]), { window: 14 });
    const finding = findingOf(analysis.verdict);
    expect(finding.evidence).toMatchObject({ test: 'band', nBefore: 14, from: { index: 6 } });
    expect(finding.evidence.test === 'band' && finding.evidence.z).toBeCloseTo(
      Math.log(1.1) / TIED_SPREAD,
      9,
    );
    expect(() => analyzeSeries(series('latency_mean', TIED_HISTORY), { window: 40 })).toThrow(
      RangeError,
    );
  });
});

describe('analyzeSeries over a long history', () => {
  /** A day's date from 2025-01-01. */
  const day = (n: number): string => new Date(Date.UTC(2025, 0, 1 + n)).toISOString().slice(0, 10);
  const input = (values: readonly number[]) => ({
    key: { gpu: '8×H100', testName: 't', metric: 'latency_mean' },
    points: values.map((value, n) => ({ date: day(n), value })),
  });

  it('reads the latest RUNS_READ runs: a step 4 nights ago is confirmed, dated its night', () => {
    // 300 nights alternating 100, 101, 99, then 120 for the last 4.
    const values = Array.from({ length: 300 }, (_, n) => [100, 101, 99][n % 3] ?? 100);
    values.push(120, 120, 120, 120);
    const analysis = analyzeSeries(input(values));
    expect(RUNS_READ).toBe(90);
    expect(analysis.runs).toHaveLength(90);
    expect(analysis.runs[0]?.index).toBe(304 - 90);
    expect(analysis.verdict.status).toBe('confirmed');
    expect(
      analysis.verdict.status === 'confirmed' && analysis.verdict.finding.firstChanged.date,
    ).toBe(day(300));
    expect(analyzeSeries(input(values), { runsRead: Infinity }).runs).toHaveLength(304);
  });

  it('gives the same verdict from the latest runs as from all, on 200 seeded histories', () => {
    let seed = 7;
    const random = (): number => {
      seed = (seed * 16807) % 2147483647;
      return seed / 2147483647;
    };
    for (let trial = 0; trial < 200; trial++) {
      // 200 nights of ±2% noise with a step of up to ±30% somewhere in the last 60, and a
      // spike now and then.
      const stepAt = 140 + Math.floor(random() * 60);
      const step = 1 + (random() - 0.5) * 0.6;
      const values = Array.from({ length: 200 }, (_, n) => {
        const spike = random() < 0.02 ? 1.5 : 1;
        return 100 * (n >= stepAt ? step : 1) * spike * (1 + (random() - 0.5) * 0.04);
      });
      const read = analyzeSeries(input(values));
      const all = analyzeSeries(input(values), { runsRead: Infinity });
      expect(read.verdict).toEqual(all.verdict);
    }
  });
});
