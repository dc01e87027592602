// @vitest-environment node
import { describe, expect, it } from 'vitest';
import {
  CENTRAL_FLOOR,
  MIN_SPREAD,
  TAIL_FLOOR,
  bandBefore,
  bandPosition,
  checkWindow,
  median,
  medianAbsoluteDeviation,
  noiseBand,
  relativeFloor,
} from '../../../src/data/regression/noise-model';
import { usableRuns, type UsableRun } from '../../../src/data/regression/series-input';
import { TIED_HISTORY, TIED_SPREAD, points } from './regression-fixtures';

function runsOf(values: readonly number[]): readonly UsableRun[] {
  const usable = usableRuns(points(values));
  if (!usable.ok) throw new Error(usable.message);
  return usable.runs;
}

describe('robust statistics', () => {
  it('median and MAD by hand', () => {
    // Sorted 1, 2, 3, 4, 100: median 3; deviations 2, 1, 0, 1, 97 → sorted 0, 1, 1, 2, 97: MAD 1.
    expect(median([3, 1, 100, 2, 4])).toBe(3);
    expect(medianAbsoluteDeviation([3, 1, 100, 2, 4])).toBe(1);
    // Even count: mean of the two middle values.
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(() => median([])).toThrow(RangeError);
  });

  it('draws the band in log space with 1.4826 × MAD', () => {
    const band = noiseBand(runsOf(TIED_HISTORY));
    expect(band.centre).toBeCloseTo(Math.log(100), 12);
    // See TIED_HISTORY: MAD = ln(1.01) = 0.0099503, spread = 0.0147524.
    expect(band.spread).toBeCloseTo(TIED_SPREAD, 12);
    expect(band.spread).toBeCloseTo(0.0147524, 6);
  });

  it('floors the spread of a flat history', () => {
    // Twenty 100s: MAD 0, spread floored at 0.005. A 0.2% change is z = ln(1.002)/0.005 = 0.40.
    const runs = runsOf([...Array<number>(20).fill(100), 100.2]);
    const band = bandBefore(runs, 20, 20);
    expect(band?.spread).toBe(MIN_SPREAD);
    const last = runs[20];
    if (band === null || last === undefined) throw new Error('fixture');
    const position = bandPosition(band, last, CENTRAL_FLOOR);
    expect(position.z).toBeCloseTo(0.3996, 4);
    expect(position.outside).toBe(false);
  });

  it('needs 14 runs before a point and uses at most the window', () => {
    const runs = runsOf(Array.from({ length: 30 }, (_, i) => 100 + i));
    expect(bandBefore(runs, 13, 20)).toBeNull();
    expect(bandBefore(runs, 14, 20)?.window).toHaveLength(14);
    // Before position 29 with a window of 20: runs 9..28, values 109..128, median 118.5.
    const band = bandBefore(runs, 29, 20);
    expect(band?.window.map((run) => run.value)).toEqual(
      Array.from({ length: 20 }, (_, i) => 109 + i),
    );
    expect(Math.exp(band?.centre ?? 0)).toBeCloseTo(Math.sqrt(118 * 119), 9);
  });

  it('a run is outside only beyond |z| > 3 and beyond the floor', () => {
    const runs = runsOf([...TIED_HISTORY, 110, 104]);
    const band = noiseBand(runs.slice(0, 20));
    const [spike, small] = runs.slice(20);
    if (spike === undefined || small === undefined) throw new Error('fixture');
    // 110: z = ln(1.1)/0.0147524 = 0.0953102/0.0147524 = 6.4607, +10% → outside, above.
    const high = bandPosition(band, spike, CENTRAL_FLOOR);
    expect(high.z).toBeCloseTo(6.4607, 3);
    expect(high.changePct).toBeCloseTo(10, 9);
    expect(high).toMatchObject({ outside: true, side: 1 });
    // 104: z = ln(1.04)/0.0147524 = 2.6586 ≤ 3 → inside, although +4% is beyond the 3% floor.
    const low = bandPosition(band, small, CENTRAL_FLOOR);
    expect(low.z).toBeCloseTo(2.6586, 3);
    expect(low).toMatchObject({ outside: false, side: 0 });
  });

  it('checks the window bounds', () => {
    expect(checkWindow(14)).toBe(14);
    expect(checkWindow(30)).toBe(30);
    expect(() => checkWindow(13)).toThrow(RangeError);
    expect(() => checkWindow(31)).toThrow(RangeError);
    expect(() => checkWindow(20.5)).toThrow(RangeError);
  });
});

describe('relativeFloor', () => {
  it('is 10% for high percentiles and std, 3% for means, medians and throughput', () => {
    expect(relativeFloor('ttft_p99')).toBe(TAIL_FLOOR);
    expect(relativeFloor('itl_p99.9')).toBe(0.1);
    expect(relativeFloor('tpot_p90')).toBe(0.1);
    expect(relativeFloor('e2el_p95')).toBe(0.1);
    expect(relativeFloor('latency_std')).toBe(0.1);
    expect(relativeFloor('ttft_mean')).toBe(CENTRAL_FLOOR);
    expect(relativeFloor('latency_median')).toBe(0.03);
    expect(relativeFloor('ttft_p50')).toBe(0.03);
    expect(relativeFloor('latency_p75')).toBe(0.03);
    expect(relativeFloor('request_throughput')).toBe(0.03);
    expect(relativeFloor('output_throughput')).toBe(0.03);
  });
});
