// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { latencyBars } from '../../../src/data/charts/bar-charts';
import { groupsWithinBudget, thinPoints } from '../../../src/data/charts/point-budget';
import { speedupMatrix } from '../../../src/data/charts/speedup';
import { handDataset, result, viewOf } from './chart-fixtures';

const GPUS = ['A', 'B', 'C', 'D', 'E', 'F', 'G', 'H'];

/** `tests` latency tests on eight GPUs: tests × 8 bars. */
function manyLatencyTests(tests: number) {
  return viewOf(
    GPUS.map((gpu) =>
      handDataset(
        `8x${gpu}`,
        Array.from({ length: tests }, (_, i) =>
          result(
            'latency',
            `latency_model${i}_tp1`,
            gpu,
            { latency_mean: 100 + i },
            { model: `model${i}` },
          ),
        ),
      ),
    ),
  );
}

describe('point budget', () => {
  it('fits 250 categories of 8 bars in 2,000 points and no more', () => {
    expect(groupsWithinBudget(250, 8)).toBe(250);
    expect(groupsWithinBudget(300, 8)).toBe(250);
    expect(groupsWithinBudget(3, 8)).toBe(3);
    expect(groupsWithinBudget(0, 8)).toBe(0);
    // A single group bigger than the budget is still drawn rather than a blank chart.
    expect(groupsWithinBudget(5, 5000)).toBe(1);
  });

  it('draws all 2,000 bars of 250 tests on 8 GPUs', () => {
    const data = latencyBars(manyLatencyTests(250), 'mean');
    expect(data.groups.length * data.gpus.length).toBe(2000);
    expect(data.omittedGroups).toBe(0);
  });

  it('cuts 300 tests on 8 GPUs to the first 250 and says 50 were left out', () => {
    const data = latencyBars(manyLatencyTests(300), 'mean');
    expect(data.groups).toHaveLength(250);
    expect(data.omittedGroups).toBe(50);
  });

  it('keeps the speedup geometric mean over every test even when rows are cut', () => {
    const matrix = speedupMatrix(manyLatencyTests(300), { baseline: '8×A', servingMetric: '' });
    expect(matrix.rows.length * matrix.candidates.length).toBeLessThanOrEqual(2000);
    expect(matrix.omittedRows).toBe(300 - matrix.rows.length);
    // Every GPU has the same latency as the baseline: 1× over all 300 tests.
    expect(matrix.geometricMeans.get('g1')).toEqual({ value: 1, count: 300 });
  });

  it('thins a long series evenly to the limit, keeping its ends and the points it must', () => {
    const points = Array.from({ length: 1000 }, (_, i) => i);
    const thinned = thinPoints(points, 100, (point) => point === 501);
    expect(thinned.length).toBeLessThanOrEqual(100);
    expect(thinned[0]).toBe(0);
    expect(thinned.at(-1)).toBe(999);
    expect(thinned).toContain(501);
    expect(thinPoints([1, 2, 3], 10)).toEqual([1, 2, 3]);
  });

  it('spreads the points it keeps evenly: every third of ten for four', () => {
    const ten = Array.from({ length: 10 }, (_, i) => i);
    // Steps of 9 / 3 = 3 from the first point to the last.
    expect(thinPoints(ten, 4)).toEqual([0, 3, 6, 9]);
    // One point must stay, so three are spread: steps of 4.5, rounded.
    expect(thinPoints(ten, 4, (point) => point === 2)).toEqual([0, 2, 5, 9]);
    expect(thinPoints(ten, 10)).toEqual(ten);
  });

  it('draws every group when a group costs nothing', () => {
    expect(groupsWithinBudget(5, 0)).toBe(5);
    expect(groupsWithinBudget(5, -1)).toBe(5);
  });
});
