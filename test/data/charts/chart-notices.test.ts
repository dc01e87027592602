// @vitest-environment node
import { describe, expect, it } from 'vitest';
import {
  barChartNotices,
  servingNotices,
  speedupNotices,
  tradeOffNotices,
} from '../../../src/data/charts/chart-notices';

/** `count` placeholders for what a notice only counts. */
function some<T>(count: number, item: T): T[] {
  return Array.from({ length: count }, () => item);
}

describe('chart notices', () => {
  it('say how many categories, models or rows are left out, and nothing when none is', () => {
    const group = { key: 'k', label: 'l', bars: new Map() };
    expect(barChartNotices({ groups: some(250, group), omittedGroups: 0 })).toEqual([]);
    expect(barChartNotices({ groups: some(250, group), omittedGroups: 1 })).toEqual([
      'Showing the first 250 tests; 1 more are left out to keep the chart fast. Narrow the filters to see them.',
    ]);
    const panel = { key: 'k', label: 'l', engines: [], qpsAxis: [], lines: [] };
    expect(servingNotices({ panels: some(6, panel), omittedPanels: 0 })).toEqual([]);
    expect(servingNotices({ panels: some(6, panel), omittedPanels: 3 })).toEqual([
      'Showing 6 models; 3 more are left out to keep the charts fast. Narrow the Model filter to see them.',
    ]);
  });

  it('say what the trade-off leaves out and thins, each only when it does', () => {
    expect(tradeOffNotices({ omittedPanels: 0, thinnedPoints: 0 })).toEqual([]);
    expect(tradeOffNotices({ omittedPanels: 2, thinnedPoints: 0 })).toEqual([
      '2 more models are left out to keep the charts fast; narrow the Model filter to see them.',
    ]);
    expect(tradeOffNotices({ omittedPanels: 0, thinnedPoints: 40 })).toEqual([
      '40 points are thinned out (frontier points are all kept).',
    ]);
    expect(tradeOffNotices({ omittedPanels: 1, thinnedPoints: 1 })).toHaveLength(2);
  });

  it('say which tests the matrix draws no row for, naming the reference GPU', () => {
    const baseline = { value: '8×H100', label: '8×H100', key: 'g1', slot: 2 };
    const none = {
      rows: [],
      omittedRows: 0,
      testsWithoutBaseline: 0,
      precisionMismatches: 0,
      baseline,
    };
    expect(speedupNotices(none)).toEqual([]);
    expect(speedupNotices({ ...none, omittedRows: 12, testsWithoutBaseline: 3 })).toEqual([
      'Showing the first 0 tests; 12 more are left out of the drawing (the geometric means include them).',
      '3 tests shown have no 8×H100 result and have no row.',
    ]);
    // Without a reference GPU nothing has a row to miss.
    expect(speedupNotices({ ...none, testsWithoutBaseline: 3, baseline: null })).toEqual([]);
    expect(speedupNotices({ ...none, precisionMismatches: 1 })).toEqual([
      "1 cell is left empty: the two GPUs' results state different precisions, so their ratio is not a speedup.",
    ]);
    expect(speedupNotices({ ...none, precisionMismatches: 4 })[0]).toMatch(
      /^4 cells are left empty/,
    );
  });
});
