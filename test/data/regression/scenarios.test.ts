// @vitest-environment node
/**
 * Planted scenarios with their verdicts worked out by hand: steps of 2, 3, 5 and 10 robust
 * standard deviations, a slow drift, a noisy P99 and an environment night in the report. The
 * one-night spike and the change on the latest night only are in series-verdict.test.ts.
 *
 * The steps sit on TIED_HISTORY (eight 100s, six 99s, six 101s): median 100, spread
 * s = 1.4826 · ln(1.01) = 0.0147524. A step of k·s multiplies by e^(k·s); the runs after it are
 * 101·e^(k·s), 99·e^(k·s), 101·e^(k·s), …, so a run's z is k + ln(1.01)/s = k + 0.6745 for a 101
 * and k + ln(0.99)/s = k − 0.0100503/0.0147524 = k − 0.6813 for a 99. Every band those runs are
 * judged against has median 100 and spread s again: with one or two step runs in the window it
 * holds 7 or 6 … 99s, 7 100s, 6 101s and the step runs, so the 10th and 11th values are 100s and
 * the 10th and 11th deviations are ln(1.01) (after 7 zeros).
 */
import { describe, expect, it } from 'vitest';
import { reportOfInputs } from '../../../src/data/regression/report';
import { analyzeSeries, type SeriesVerdict } from '../../../src/data/regression/series-verdict';
import { TIED_HISTORY, TIED_SPREAD, series } from './regression-fixtures';

/** TIED_HISTORY, then the runs after a step of `k` spreads: `ratios` of 100·e^(k·s). */
function stepped(k: number, ratios: readonly number[]): number[] {
  const level = Math.exp(k * TIED_SPREAD);
  return [...TIED_HISTORY, ...ratios.map((ratio) => 100 * ratio * level)];
}

function verdictOf(metric: string, values: readonly number[]): SeriesVerdict {
  return analyzeSeries(series(metric, values)).verdict;
}

function bandEvidence(verdict: SeriesVerdict) {
  if (verdict.status !== 'suspect' && verdict.status !== 'confirmed') {
    throw new Error(`expected a finding, got ${verdict.status}: ${verdict.reason}`);
  }
  if (verdict.finding.evidence.test !== 'band') throw new Error('expected band evidence');
  return verdict.finding.evidence;
}

describe('steps in units of the noise', () => {
  it('a 2σ step is never flagged', () => {
    // z = 2.67, 1.32, 2.67: no run beyond 3, and the 99 breaks any run of three beyond 2.
    // The latest: 1.01 · e^(2s) = 1.01 · 1.029944 = 1.040244, +4.0%, z = 2 + 0.6745.
    const values = stepped(2, [1.01, 0.99, 1.01]);
    expect(verdictOf('ttft_mean', values.slice(0, 21)).status).toBe('ok');
    expect(verdictOf('ttft_mean', values.slice(0, 22)).status).toBe('ok');
    const analysis = analyzeSeries(series('ttft_mean', values));
    expect(analysis.streak).toBeNull();
    expect(analysis.verdict).toEqual({
      status: 'ok',
      reason:
        'within noise: the latest run is +4.0% from the median of the 20 runs before (z = +2.7)',
    });
  });

  it('a 3σ step is quiet, then quiet, then confirmed by three runs beyond ±2', () => {
    // z = 3.67, 2.32, 3.67. Night 1: 3.67 is beyond 3 but not 4.5, the limit for a run alone: ok.
    // Night 2: the latest (z 2.32) is inside ±3, and two runs need both beyond 3: ok,
    // 0.99 · 1.045251 = +3.5%. Night 3: all three beyond 2 and beyond 3% (the least +3.5%):
    // confirmed from run 20, medians 100 → 101 · 1.045251 = 105.57 (+5.6%), |z| ≥ 2.3.
    const values = stepped(3, [1.01, 0.99, 1.01]);
    expect(verdictOf('ttft_mean', values.slice(0, 21)).status).toBe('ok');
    expect(verdictOf('ttft_mean', values.slice(0, 22))).toEqual({
      status: 'ok',
      reason:
        'within noise: the latest run is +3.5% from the median of the 20 runs before (z = +2.3)',
    });
    const analysis = analyzeSeries(series('ttft_mean', values));
    // No change point: 3 runs after can give p ≥ 1.1e-3 at best.
    expect(analysis.changePoint?.p).toBeGreaterThan(0.001);
    expect(analysis.verdict.status).toBe('confirmed');
    expect(bandEvidence(analysis.verdict)).toMatchObject({
      nBefore: 20,
      nAfter: 3,
      from: { index: 0 },
      to: { index: 22 },
    });
    expect(bandEvidence(analysis.verdict).z).toBeCloseTo(3 + Math.log(0.99) / TIED_SPREAD, 9);
    expect(analysis.verdict.reason).toBe(
      'regression from the run of 2026-01-21 (c20): +5.6% (median 100.0 → 105.6); ' +
        'the latest 3 runs are outside the band of the 20 runs before (|z| ≥ 2.3)',
    );
  });

  it('a 5σ step is suspect on its night and confirmed on the next', () => {
    // Night 1: z = 5.67, +7.8%. Night 2: z = 5.67 and 4.32, both beyond 3 and 3%: confirmed,
    // medians 100 → (101 + 99)/2 · e^(5s) = 100 · e^0.073762 = 107.655 (+7.7%), |z| ≥ 4.3.
    const values = stepped(5, [1.01, 0.99]);
    expect(verdictOf('ttft_mean', values.slice(0, 21)).status).toBe('suspect');
    const verdict = verdictOf('ttft_mean', values);
    expect(verdict.status).toBe('confirmed');
    expect(bandEvidence(verdict)).toMatchObject({ nBefore: 20, nAfter: 2 });
    expect(verdict.reason).toBe(
      'regression from the run of 2026-01-21 (c20): +7.7% (median 100.0 → 107.7); ' +
        'the latest 2 runs are outside the band of the 20 runs before (|z| ≥ 4.3)',
    );
  });

  it('a 10σ step is confirmed on its second night, and by the scan once it has 4 runs', () => {
    // Night 2: z = 10.67 and 9.32. Change e^(10s) − 1 = e^0.147524 − 1 = +15.9%.
    const values = stepped(10, [1.01, 0.99, 1.01, 0.99]);
    const second = verdictOf('ttft_mean', values.slice(0, 22));
    expect(second.status).toBe('confirmed');
    expect(bandEvidence(second).nAfter).toBe(2);
    // With 4 runs after, the split at run 20 puts them above all 20 before; the history's ties
    // make it the normal approximation: U = 80 of m·n = 80, mean 40; ties 8 × 100, 6 × 99,
    // 6 × 101 and 2 × 2 equal step runs: Σ(t³ − t) = 504 + 210 + 210 + 6 + 6 = 936; variance
    // (80/12)(25 − 936/(24 · 23)) = 6.6667 · 23.3043 = 155.36; z = (40 − 0.5)/12.4645 = 3.169;
    // p = 2(1 − Φ(3.169)) = 0.00153 > 0.001, so the band still carries it (4 runs beyond ±2).
    const fourth = analyzeSeries(series('ttft_mean', values));
    expect(fourth.changePoint).toMatchObject({ start: 20, method: 'normal' });
    expect(fourth.changePoint?.p).toBeCloseTo(0.00153, 4);
    expect(fourth.verdict.status).toBe('confirmed');
    expect(bandEvidence(fourth.verdict).nAfter).toBe(4);
  });
});

describe('slow drift', () => {
  it('0.1% a night for 45 nights is not flagged: the band follows it and the floor holds', () => {
    // Run i = 100 · 1.001^i, i = 0 … 44; d = ln(1.001). The latest run's band (runs 24 … 43):
    // centre at i = 33.5, deviations 0.5d, 0.5d, 1.5d, … 9.5d, so MAD = (4.5d + 5.5d)/2 = 5d and
    // z = 10.5d / (1.4826 · 5d) = 10.5 / 7.413 = 1.416; change 1.001^10.5 − 1 = +1.1%.
    const values = Array.from({ length: 45 }, (_, i) => 100 * 1.001 ** i);
    const analysis = analyzeSeries(series('ttft_mean', values));
    expect(analysis.verdict).toEqual({
      status: 'ok',
      reason:
        'within noise: the latest run is +1.1% from the median of the 20 runs before (z = +1.4)',
    });
    // The scan does find a split: at run 25 (the first tried, max(14, 45 − 20)) the 20 runs after
    // are all above the 20 before, p = 2/C(40, 20) = 2/137846528820 (exact, no ties). But the
    // medians moved only 1.001^20 − 1 = +2.0%, and the last 3 runs' median (run 43) is
    // 1.001^43 / ((1.001^14 + 1.001^15)/2) − 1 = 1.001^29 / 1.0005 − 1 = +2.9%: under 3%.
    const point = analysis.changePoint;
    expect(point).toMatchObject({ start: 25, method: 'exact' });
    expect(point?.p).toBeCloseTo(2 / 137846528820, 20);
    expect(point?.changePct).toBeCloseTo((1.001 ** 20 - 1) * 100, 9);
    expect(point?.recentChangePct).toBeCloseTo((1.001 ** 29 / 1.0005 - 1) * 100, 9);
  });
});

describe('a noisy P99', () => {
  it('three runs 8% up: confirmed for a mean, nothing for a P99 under its 10% floor', () => {
    // TIED_HISTORY's pattern with 98 and 102: median 100, deviations 8 × 0, 6 × ln(1.02) =
    // 0.0198026, 6 × ln(100/98) = 0.0202027; MAD ln(1.02), spread 0.0293593. Three runs of
    // 108: z = ln(1.08)/0.0293593 = 0.0769610/0.0293593 = 2.621 each, inside ±3, beyond ±2.
    const history = TIED_HISTORY.map((value) => (value === 99 ? 98 : value === 101 ? 102 : 100));
    const values = [...history, 108, 108, 108];
    const mean = verdictOf('ttft_mean', values);
    expect(mean.status).toBe('confirmed');
    expect(bandEvidence(mean)).toMatchObject({ nAfter: 3 });
    expect(bandEvidence(mean).z).toBeCloseTo(Math.log(1.08) / (1.4826 * Math.log(1.02)), 9);
    expect(verdictOf('ttft_p99', values)).toEqual({
      status: 'ok',
      reason:
        'within noise: the latest run is +8.0% from the median of the 20 runs before (z = +2.6)',
    });
    // Two runs of 112: z = ln(1.12)/0.0293593 = 0.1133287/0.0293593 = 3.860, +12% > 10%.
    const p99 = verdictOf('ttft_p99', [...history, 112, 112]);
    expect(p99.status).toBe('confirmed');
    expect(bandEvidence(p99)).toMatchObject({ nAfter: 2 });
  });
});

describe('an environment night in the report', () => {
  it('is one event and no rows when every series of a GPU jumps', () => {
    // 6 H100 series all 10% up on their latest night (z = 6.46, suspect each): 6 of 6 judged,
    // one event. The A100's 3 flat series are within noise. Nothing is left for the table.
    const spike = [...TIED_HISTORY, 110];
    const flat = [...TIED_HISTORY, 100];
    const inputs = [
      ...[0, 1, 2, 3, 4, 5].map((i) => series('ttft_mean', spike, 'H100', `t${i}`)),
      ...[0, 1, 2].map((i) => series('ttft_mean', flat, 'A100', `a${i}`)),
    ];
    const report = reportOfInputs({ inputs, gpus: ['H100', 'A100'] });
    expect(report.rows).toEqual([]);
    expect(report.judged).toBe(9);
    expect(report.events).toHaveLength(1);
    expect(report.events[0]).toMatchObject({
      id: 'H100|2026-01-21|regression',
      judged: 6,
      share: 1,
    });
    expect(report.events[0]?.series).toHaveLength(6);
  });
});
