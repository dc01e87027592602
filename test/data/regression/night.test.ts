// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { benjaminiHochberg, falseAlarmRule } from '../../../src/data/regression/false-alarms';
import { analyzeNight } from '../../../src/data/regression/night';
import type { SeriesInput } from '../../../src/data/regression/series-input';
import { DISTINCT_HISTORY, TIED_HISTORY, series } from './regression-fixtures';

/** A flat noisy series: within noise (see series-verdict.test.ts). */
const FLAT = [...TIED_HISTORY, 99, 101, 100, 99, 101];
/** A one-night spike up on 2026-01-21 (run 20). */
const SPIKE = [...TIED_HISTORY, 110];
/** 12 runs near 110 after DISTINCT_HISTORY: confirmed by the scan alone, p = 2/C(32, 12). */
const LONG_STEP = [
  ...DISTINCT_HISTORY,
  ...[109.5, 110, 110.5, 109.9, 110.4, 109.8, 110.3, 109.7, 110.2, 109.6, 110.1, 110.6],
];

function flats(count: number, gpu: string): SeriesInput[] {
  return Array.from({ length: count }, (_, i) => series('latency_mean', FLAT, gpu, `flat_${i}`));
}

describe('benjaminiHochberg', () => {
  it('adjusts a hand-worked list', () => {
    // p = 0.01, 0.04, 0.03, 0.005, 0.5 (m = 5). Sorted with ranks: 0.005 (1), 0.01 (2),
    // 0.03 (3), 0.04 (4), 0.5 (5). Scaled p·m/rank: 0.025, 0.025, 0.05, 0.05, 0.5. Running
    // minimum from the largest rank down: 0.5, 0.05, 0.05, 0.025, 0.025. Back in input order:
    // 0.025, 0.05, 0.05, 0.025, 0.5 (R: p.adjust(c(.01, .04, .03, .005, .5), "BH")).
    const adjusted = benjaminiHochberg([0.01, 0.04, 0.03, 0.005, 0.5]);
    [0.025, 0.05, 0.05, 0.025, 0.5].forEach((expected, i) => {
      expect(adjusted[i]).toBeCloseTo(expected, 12);
    });
  });

  it('keeps the adjusted values in the order of the p-values', () => {
    // p = 0.01, 0.011, 0.012, 0.2 (m = 4): scaled 0.04, 0.022, 0.016, 0.2; running minimum
    // from the top: 0.2, 0.016, 0.016, 0.016. With q = 0.02 all three small ones are rejected,
    // although 0.01·4 = 0.04 alone would not be.
    const adjusted = benjaminiHochberg([0.01, 0.011, 0.012, 0.2]);
    [0.016, 0.016, 0.016, 0.2].forEach((expected, i) => {
      expect(adjusted[i]).toBeCloseTo(expected, 12);
    });
    // 0.95·2/2 = 0.95 for the larger; 0.9·2/1 = 1.8 for the smaller, lowered to 0.95 by the
    // running minimum (which is also why no adjusted p exceeds 1).
    expect(benjaminiHochberg([0.9, 0.95])).toEqual([0.95, 0.95]);
    expect(benjaminiHochberg([])).toEqual([]);
  });

  it('states the rule with its numbers', () => {
    expect(falseAlarmRule(0.001, 0.01, 512)).toBe(
      'A change point counts when its Mann–Whitney p is at most 0.001 and it survives the ' +
        'Benjamini–Hochberg correction at q = 0.01 across the 512 series tested tonight (at ' +
        'most 1% of the change points reported are expected to be noise). Runs outside their ' +
        'noise band are judged by the band: the latest run alone is a suspect beyond 4.5 robust ' +
        'standard deviations (a spread from 20 runs is itself uncertain: beyond 3, noise alone ' +
        'would flag about 2% of series every night); two runs in a row beyond 3, or three beyond ' +
        '2, on one side, confirm a change.',
    );
  });
});

describe('analyzeNight: false discoveries', () => {
  it('adjusts every tested series and keeps a strong change point', () => {
    // 29 flat series and one lasting change, each with a scan: 30 p-values. The change point's
    // p = 8.86e-9 is the smallest: adjusted 8.86e-9 · 30 / 1 = 2.66e-7 ≤ 0.01.
    const inputs = [...flats(29, 'H100'), series('latency_mean', LONG_STEP, 'H100', 'step')];
    const report = analyzeNight(inputs);
    expect(report.tested).toBe(30);
    expect(report.q).toBe(0.01);
    expect(report.rule).toContain('across the 30 series tested tonight');
    const step = report.series[29];
    expect(step?.adjustedP).toBeCloseTo((2 / 225792840) * 30, 15);
    expect(step?.verdict.status).toBe('confirmed');
    expect(report.flagged.map((entry) => entry.key.testName)).toEqual(['step']);
    expect(report.series.slice(0, 29).every((entry) => entry.verdict.status === 'ok')).toBe(true);
  });

  it('drops a change point that does not survive the correction', () => {
    // Same night at q = 1e-7: 2.66e-7 > 1e-7, the change point does not count; the latest run
    // is inside its band (the change pulled the median along), so the series is not flagged.
    const inputs = [...flats(29, 'H100'), series('latency_mean', LONG_STEP, 'H100', 'step')];
    const report = analyzeNight(inputs, { q: 1e-7 });
    expect(report.series[29]?.verdict.status).toBe('ok');
    expect(report.series[29]?.analysis.verdict.status).toBe('confirmed');
    expect(report.flagged).toEqual([]);
    expect(() => analyzeNight(inputs, { q: 0 })).toThrow(RangeError);
  });

  it('falls back on the band when a change point is dropped', () => {
    // A 5-run step has p = 3.764e-5; alone with 29 flat series, adjusted 3.764e-5 · 30 =
    // 1.13e-3 > q = 0.001. The 5 runs are still outside their band: confirmed by the band.
    const step = [...DISTINCT_HISTORY, 110, 110.2, 109.8, 110.4, 109.6];
    const inputs = [...flats(29, 'H100'), series('latency_mean', step, 'H100', 'step')];
    const verdict = analyzeNight(inputs, { q: 0.001 }).series[29]?.verdict;
    expect(verdict?.status).toBe('confirmed');
    expect(verdict?.status === 'confirmed' && verdict.finding.evidence.test).toBe('band');
  });
});

describe('analyzeNight: environment events', () => {
  it('reports one event when most series of a GPU jump the same way on the same night', () => {
    // H100: 8 judged series, 6 of them regress on 2026-01-21 (4 latency spikes up, 2 throughput
    // drops: both are regressions); 6/8 = 75% ≥ 60% and 6 ≥ 5 → one event.
    const inputs = [
      ...[0, 1, 2, 3].map((i) => series('ttft_mean', SPIKE, 'H100', `t${i}`)),
      ...[4, 5].map((i) => series('request_throughput', [...TIED_HISTORY, 90], 'H100', `t${i}`)),
      ...flats(2, 'H100'),
      // Another GPU's regression the same night is its own matter.
      series('ttft_mean', SPIKE, 'A100', 'a0'),
      ...flats(3, 'A100'),
    ];
    const report = analyzeNight(inputs);
    expect(report.events).toHaveLength(1);
    const event = report.events[0];
    expect(event).toMatchObject({
      id: 'H100|2026-01-21|regression',
      gpu: 'H100',
      date: '2026-01-21',
      kind: 'regression',
      judged: 8,
      share: 0.75,
    });
    expect(event?.series.map((key) => key.testName)).toEqual(['t0', 't1', 't2', 't3', 't4', 't5']);
    expect(event?.reason).toBe(
      '6 of 8 series on H100 show a regression from 2026-01-21 (75%): likely the machine, not the code',
    );
    // The series keep their verdict and point at the event; only the A100 one is left to look at.
    expect(report.series.slice(0, 6).map((entry) => entry.environmentEvent)).toEqual(
      Array<string>(6).fill('H100|2026-01-21|regression'),
    );
    expect(report.series[0]?.verdict.status).toBe('suspect');
    expect(report.flagged.map((entry) => `${entry.key.gpu} ${entry.key.testName}`)).toEqual([
      'A100 a0',
    ]);
  });

  it('needs at least 5 series and at least 60% of those judged', () => {
    // 4 of 5 (80%) is too few series; 5 of 9 (56%) is too small a share.
    const fewSeries = [
      ...[0, 1, 2, 3].map((i) => series('ttft_mean', SPIKE, 'H100', `t${i}`)),
      ...flats(1, 'H100'),
    ];
    expect(analyzeNight(fewSeries).events).toEqual([]);
    const smallShare = [
      ...[0, 1, 2, 3, 4].map((i) => series('ttft_mean', SPIKE, 'H100', `t${i}`)),
      ...flats(4, 'H100'),
    ];
    const report = analyzeNight(smallShare);
    expect(report.events).toEqual([]);
    expect(report.flagged).toHaveLength(5);
  });

  it('does not group jumps of different nights', () => {
    // 6 judged series, all suspect regressions: 3 jump on 2026-01-21 (run 20), 3 on 2026-01-22
    // (run 21, after a normal run 20). Two groups of 3: each under 5 series, no event.
    const inputs = [
      ...[0, 1, 2].map((i) => series('ttft_mean', SPIKE, 'H100', `t${i}`)),
      ...[3, 4, 5].map((i) => series('ttft_mean', [...TIED_HISTORY, 100, 110], 'H100', `t${i}`)),
    ];
    const report = analyzeNight(inputs);
    expect(report.events).toEqual([]);
    expect(report.flagged.map((entry) => entry.verdict.status)).toEqual(
      Array<string>(6).fill('suspect'),
    );
    expect(
      report.flagged.map((entry) =>
        entry.verdict.status === 'suspect' ? entry.verdict.finding.firstChanged.date : null,
      ),
    ).toEqual(['2026-01-21', '2026-01-21', '2026-01-21', '2026-01-22', '2026-01-22', '2026-01-22']);
  });

  it('does not count series without a verdict, nor mix up directions', () => {
    // 5 regressions and 1 improvement among 6 judged series (83%) plus 3 with no verdict
    // (insufficient, neutral, runs sharing a date): an event of the 5 (5/6 = 83%); the
    // improvement stays flagged on its own.
    const inputs = [
      ...[0, 1, 2, 3, 4].map((i) => series('ttft_mean', SPIKE, 'H100', `t${i}`)),
      series('ttft_mean', [...TIED_HISTORY, 90], 'H100', 'better'),
      series('ttft_mean', TIED_HISTORY.slice(0, 10), 'H100', 'short'),
      series('num_requests', SPIKE, 'H100', 'count'),
      {
        key: { gpu: 'H100', testName: 'dup', metric: 'ttft_mean' },
        points: [...series('ttft_mean', SPIKE).points, { date: '2026-01-21', value: 100 }],
      },
    ];
    const report = analyzeNight(inputs);
    expect(report.series.slice(6).map((entry) => entry.verdict.status)).toEqual([
      'insufficient',
      'neutral',
      'invalid',
    ]);
    expect(report.events).toHaveLength(1);
    expect(report.events[0]).toMatchObject({ kind: 'regression', judged: 6 });
    expect(report.flagged.map((entry) => entry.key.testName)).toEqual(['better']);
  });
});
