// @vitest-environment node
import { describe, expect, it } from 'vitest';
import type { TestSeries } from '../../../src/data/regression/history-input';
import {
  bandEdges,
  seriesStatistics,
  testStatistics,
} from '../../../src/data/regression/series-statistics';
import type { UsableRun } from '../../../src/data/regression/series-input';
import type { Dataset } from '../../../src/data/results/result-model';
import { QPS_INF, h100Group, h100Run, testKeyOf } from '../history/history-fixtures';
import { STEADY, STEPPED } from '../../helpers/regression-step';

/** One series of the given values, a run a day from 2026-09-01, dataset ids n0, n1, … */
function series(values: readonly number[]): TestSeries {
  return {
    input: {
      key: { gpu: '8×H100', testName: QPS_INF, metric: 'ttft_median' },
      points: values.map((value, night) => ({
        date: `2026-09-${String(night + 1).padStart(2, '0')}`,
        value,
      })),
    },
    ids: values.map((_, night) => `n${String(night)}`),
  };
}

const NO_RUNS: readonly UsableRun[] = [];

describe('bandEdges', () => {
  it('is the metric’s floor around the centre when the noise is smaller than it', () => {
    // 3 × 0.0074131 = 0.0222393: e^±0.0222393 = 1.02249 / 0.97800, inside ±3%: the floor decides.
    const edges = bandEdges({ centre: Math.log(200), spread: 0.0074131, window: NO_RUNS }, 0.03);
    expect(edges.centre).toBeCloseTo(200, 9);
    expect(edges.low).toBeCloseTo(194, 9);
    expect(edges.high).toBeCloseTo(206, 9);
  });

  it('is 3 robust standard deviations when the noise is wider than the floor', () => {
    // 3 × 0.02 = 0.06: 200 × e^0.06 = 212.3673, 200 × e^−0.06 = 188.3529.
    const edges = bandEdges({ centre: Math.log(200), spread: 0.02, window: NO_RUNS }, 0.03);
    expect(edges.low).toBeCloseTo(188.3529, 3);
    expect(edges.high).toBeCloseTo(212.3673, 3);
    // A 10% floor (P99) is wider again: 180 and 220.
    const tail = bandEdges({ centre: Math.log(200), spread: 0.02, window: NO_RUNS }, 0.1);
    expect(tail.low).toBeCloseTo(180, 9);
    expect(tail.high).toBeCloseTo(220, 9);
  });
});

describe('seriesStatistics', () => {
  it('bands the runs with 14 or more before them, and flags the step’s first run confirmed', () => {
    const stats = seriesStatistics(series([...STEADY, ...STEPPED]));
    // Runs 14 to 19 have a band. Every window's median is 200 and its MAD about ln(201/200) =
    // 0.005 (spread 0.0074, 3σ = 2.2%), so the 3% floor sets each band: 194 to 206.
    expect([...stats.bands.keys()]).toEqual(['n14', 'n15', 'n16', 'n17', 'n18', 'n19']);
    for (const band of stats.bands.values()) {
      expect(band.low).toBeCloseTo(194, 6);
      expect(band.centre).toBeCloseTo(200, 6);
      expect(band.high).toBeCloseTo(206, 6);
    }
    // 200 and 201 inside; the stepped 240, 242, 238, 241 outside.
    expect([...stats.outside]).toEqual(['n16', 'n17', 'n18', 'n19']);
    expect(stats.verdict.status).toBe('confirmed');
    expect(stats.flagged).toEqual({ id: 'n16', status: 'confirmed', changePoint: false });
  });

  it('flags a jump on the latest night as a suspect on that night', () => {
    const stats = seriesStatistics(series([...STEADY, 200, 201, 199, 260]));
    expect([...stats.outside]).toEqual(['n19']);
    expect(stats.flagged).toEqual({ id: 'n19', status: 'suspect', changePoint: false });
  });

  it('has no band and no flag with too little history', () => {
    const stats = seriesStatistics(series(STEADY.slice(0, 10)));
    expect(stats.bands.size).toBe(0);
    expect(stats.outside.size).toBe(0);
    expect(stats.flagged).toBeNull();
    expect(stats.verdict.status).toBe('insufficient');
  });
});

/** 20 nights of 8×H100 whose QPS inf median TTFT follows `values`. */
function nights(values: readonly number[]): Dataset[] {
  return values.map((value, night) =>
    h100Run({
      id: `night-${String(night)}`,
      date: `2026-09-${String(night + 1).padStart(2, '0')}`,
      changes: { [QPS_INF]: { ttft_median: value } },
    }),
  );
}

describe('testStatistics', () => {
  it('judges one test of a GPU’s history, naming runs by their datasets', () => {
    const group = h100Group(nights([...STEADY, 200, 201, 199, 260]));
    const stats = testStatistics(group, 'ttft_median', testKeyOf(group, QPS_INF), []);
    expect(stats?.flagged).toEqual({ id: 'night-19', status: 'suspect', changePoint: false });
  });

  it('leaves a run marked as an outlier out: the jump is no news, and it has no band', () => {
    const group = h100Group(nights([...STEADY, 200, 201, 199, 260]));
    const stats = testStatistics(group, 'ttft_median', testKeyOf(group, QPS_INF), [
      { gpu: '8×H100', date: '2026-09-20', kind: 'outlier' },
    ]);
    expect(stats?.verdict.status).toBe('ok');
    expect(stats?.flagged).toBeNull();
    expect(stats?.bands.has('night-19')).toBe(false);
    expect(stats?.bands.has('night-18')).toBe(true);
  });

  it('is null for a test the group does not have', () => {
    const group = h100Group(nights(STEADY));
    expect(testStatistics(group, 'ttft_median', 'no such test', [])).toBeNull();
  });
});
