// @vitest-environment node
// A dataset of columns (as the parsing worker and storage give them) makes a result object only
// when one is asked for: building the index, filtering, and working out every chart's data read
// the columns, and make a result only for a value met first or one a chart keeps. A night of 900
// results makes about as many objects as it has distinct tests, not one per result.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { latencyBars, throughputBars } from '../../../src/data/charts/bar-charts';
import { servingChart } from '../../../src/data/charts/serving-charts';
import { speedupMatrix } from '../../../src/data/charts/speedup';
import { costRows } from '../../../src/data/decisions/cost';
import { servingConfigs } from '../../../src/data/decisions/serving-configs';
import { historySource } from '../../../src/data/history/history-source';
import { ColumnResults } from '../../../src/data/results/columns-rows';
import { datasetOfColumns } from '../../../src/data/results/results-on-demand';
import { NOTHING_HIDDEN } from '../../../src/data/results/filter-groups';
import { columnsOf } from '../../../src/data/results/result-columns';
import { buildResultIndex } from '../../../src/data/results/result-index';
import type { BenchmarkResult, Dataset } from '../../../src/data/results/result-model';
import { deriveResultsView } from '../../../src/data/results/results-view';
import { seedDataset } from '../../helpers/seed';

const h100 = seedDataset('H100');
// Read once, before any test watches results being made: the seed is a dataset of columns too.
const h100Results = h100.results;

/** The H100 night's 18 results 50 times over (900), as columns read into a dataset. */
function night(id: string): Dataset {
  const many: BenchmarkResult[] = Array.from({ length: 50 }, () => h100Results).flat();
  const { label, source, format } = h100;
  const fields = { id, label: `${label} ${id}`, source, format, warnings: [] };
  return datasetOfColumns(fields, columnsOf(many));
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe('results of columns, made on demand', () => {
  it('are not made by the index, the filters and the charts, but for values met first', () => {
    const made = vi.spyOn(ColumnResults.prototype, 'at');
    const listed = vi.spyOn(ColumnResults.prototype, 'list');
    const first = night('one');
    const second = night('two');
    const index = buildResultIndex([first, second]);
    expect(index.results.length).toBe(1800);
    const view = deriveResultsView(index, NOTHING_HIDDEN, '');
    expect(view.visibleCount).toBe(1800);
    latencyBars(view, 'mean');
    throughputBars(view, { unit: 'req/s', perGpu: false });
    servingChart(view, 'ttft_mean');
    speedupMatrix(view, { baseline: null, servingMetric: 'ttft_mean' });
    servingConfigs(view);
    costRows(view, { H100: 2 });
    const history = historySource(view);
    // Both nights are on 8×H100: the history has their 18 tests, each with two runs.
    expect(history.groups.map((group) => group.tests.length)).toEqual([18]);

    // Rows made, by night and row, of 1,800: per night, at most the first row of each of its 18
    // tests (a test name met first) and the row of each of its 12 serving tests (a serving
    // configuration's latest result, which the decisions show): 2 × (18 + 12).
    const distinct = new Set(
      made.mock.calls.map(([row], i) => `${made.mock.contexts[i] === first.onDemand}:${row}`),
    );
    expect(distinct.size).toBeLessThanOrEqual(60);
    expect(listed).not.toHaveBeenCalled();
  });

  it('are the same objects wherever they are asked for', () => {
    const one = night('one');
    const index = buildResultIndex([one]);
    const position = index.results.length - 1;
    const result = index.results.at(position);
    expect(result).toBeDefined();
    expect(index.results.at(position)).toBe(result);
    expect(one.results[index.rowOf[position] ?? -1]).toBe(result);
    expect(index.results.peek(position)).toBe(result);
    // Outside the positions, nothing: not a row counted from the end, nor one of another night.
    const both = buildResultIndex([one, night('two')]);
    for (const outside of [-1, both.results.length]) {
      expect(both.results.at(outside)).toBeUndefined();
      expect(both.results.peek(outside)).toBeUndefined();
    }
  });

  it('are read in passing without being kept, until one is made', () => {
    const rows = new ColumnResults(columnsOf(h100.results));
    const passing = rows.peek(3);
    expect(passing).toEqual(h100.results[3]);
    expect(rows.peek(3)).not.toBe(passing);
    const kept = rows.at(3);
    expect(rows.peek(3)).toBe(kept);
    expect(rows.peek(18)).toBeUndefined();
    expect(rows.peek(-1)).toBeUndefined();
  });
});
