// @vitest-environment node
// Every results file the tests know, through the columns and back: until nothing reads result
// objects any more, the columns must give the very results, and so the same index, filter
// counts and sorts, as the parsers made; and charts reading the columns (a dataset that keeps
// them) must draw exactly what they draw from the result objects.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { latencyBars, throughputBars } from '../../../src/data/charts/bar-charts';
import { servingChart } from '../../../src/data/charts/serving-charts';
import { speedupMatrix } from '../../../src/data/charts/speedup';
import { tradeOffChart } from '../../../src/data/charts/trade-off';
import { compareResults } from '../../../src/data/compare/compare-summary';
import { parseResultsText } from '../../../src/data/formats/parse-results';
import { rowsOfColumns } from '../../../src/data/results/columns-rows';
import { datasetOfColumns } from '../../../src/data/results/results-on-demand';
import { NOTHING_HIDDEN } from '../../../src/data/results/filter-groups';
import { columnsOf } from '../../../src/data/results/result-columns';
import { buildResultIndex } from '../../../src/data/results/result-index';
import type { ResultColumns } from '../../../src/data/results/result-columns';
import {
  plainResult,
  type BenchmarkResult,
  type Dataset,
} from '../../../src/data/results/result-model';
import { deriveResultsView } from '../../../src/data/results/results-view';
import { sortPositions } from '../../../src/data/results/sort-results';

const FIXTURES = path.resolve(import.meta.dirname, '../../fixtures');

function filesUnder(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const at = path.join(folder, entry.name);
    return entry.isDirectory() ? filesUnder(at) : [at];
  });
}

function parsed(file: string): BenchmarkResult[] | null {
  const outcome = parseResultsText(readFileSync(file, 'utf8'), path.basename(file));
  return outcome.ok ? [...outcome.value.results] : null;
}

/** A dataset of plain results, or of columns as the page gets one (its results made on demand). */
function dataset(
  results: readonly BenchmarkResult[],
  columns?: ResultColumns,
  id = 'fixture',
): Dataset {
  const fields = {
    id,
    label: id,
    source: { kind: 'file', name: 'fixture' },
    format: { id: 'vllm-markdown', label: 'fixture' },
    warnings: [],
  } as const;
  return columns === undefined ? { ...fields, results } : datasetOfColumns(fields, columns);
}

const readable = filesUnder(FIXTURES)
  .map((file) => ({ name: path.relative(FIXTURES, file), results: parsed(file) }))
  .filter((entry): entry is { name: string; results: BenchmarkResult[] } => entry.results !== null);

describe('every fixture through the columns', () => {
  it('finds the fixtures: the nightly pages and most format samples parse', () => {
    // The three nightly pages, their JSON, and the format samples that are results.
    expect(readable.length).toBeGreaterThanOrEqual(30);
    expect(readable.map((entry) => entry.name)).toContain('nightly/nightly-8xH100.md');
  });

  it.each(readable.map((entry) => [entry.name, entry.results] as const))(
    '%s: the same results, index, filter counts and sorts',
    (_, results) => {
      // Plain objects of the parsed results, against their columns, kept and read back.
      const plainRows = results.map((result) => plainResult(result));
      const columns = columnsOf(plainRows);
      const back = rowsOfColumns(columns);
      expect(back).toEqual(plainRows);
      sameIndex([dataset(plainRows)], [dataset(back, columns)]);
    },
  );

  it('all of them loaded together: the same index from their columns as from plain results', () => {
    // Each file's strings have their own codes: one index must still see one model, GPU, test.
    const plainSets = readable.map((entry) => entry.results.map((result) => plainResult(result)));
    sameIndex(
      plainSets.map((results, i) => dataset(results, undefined, `file ${i}`)),
      plainSets.map((results, i) => {
        const columns = columnsOf(results);
        return dataset(rowsOfColumns(columns), columns, `file ${i}`);
      }),
    );
  });
});

/** Indexes of two loads are the same: metric keys, test names, filter counts, rows and sorts. */
function sameIndex(plainSets: readonly Dataset[], columnSets: readonly Dataset[]): void {
  const before = buildResultIndex(plainSets);
  const after = buildResultIndex(columnSets);
  expect(after.metricKeys).toEqual(before.metricKeys);
  expect(after.testNames).toEqual(before.testNames);
  const viewBefore = deriveResultsView(before, NOTHING_HIDDEN, '');
  const viewAfter = deriveResultsView(after, NOTHING_HIDDEN, '');
  expect(viewAfter.facets).toEqual(viewBefore.facets);
  expect(viewAfter.visible).toEqual(viewBefore.visible);
  for (const suite of ['latency', 'throughput', 'serving'] as const) {
    for (const key of [...before.metricKeys[suite], 'qps', 'tp', 'model', 'gpu']) {
      const spec = [{ id: key, desc: true }];
      expect(sortPositions(after, viewAfter.visible[suite], spec)).toEqual(
        sortPositions(before, viewBefore.visible[suite], spec),
      );
    }
  }
}

describe('charts over every fixture, from columns and from result objects', () => {
  it.each(readable.map((entry) => [entry.name, entry.results] as const))(
    '%s: the same values per metric and the same chart data',
    (_, results) => {
      const columns = columnsOf(results);
      const rows = buildResultIndex([dataset(results)]);
      const cols = buildResultIndex([dataset(rowsOfColumns(columns), columns)]);
      for (const suite of ['latency', 'throughput', 'serving'] as const) {
        for (const key of rows.metricKeys[suite]) {
          expect(cols.values.metric(key)).toEqual(rows.values.metric(key));
        }
      }
      expect(cols.values.dimension('qps', (r) => r.qps)).toEqual(
        rows.values.dimension('qps', (r) => r.qps),
      );
      const before = deriveResultsView(rows, NOTHING_HIDDEN, '');
      const after = deriveResultsView(cols, NOTHING_HIDDEN, '');
      for (const stat of ['mean', 'median', 'p99'] as const) {
        expect(latencyBars(after, stat)).toEqual(latencyBars(before, stat));
      }
      for (const unit of ['req/s', 'tok/s'] as const) {
        for (const perGpu of [false, true]) {
          expect(throughputBars(after, { unit, perGpu })).toEqual(
            throughputBars(before, { unit, perGpu }),
          );
        }
      }
      // Comparisons, with this file on either side against a nightly (GPU left out, so they pair).
      const nightly = readable.find((entry) => entry.name === 'nightly/nightly-8xH100.md');
      const other = nightly?.results ?? [];
      const back = [...(cols.datasets[0]?.results ?? [])];
      for (const [base, candidate, fromColumns] of [
        [other, results, [other, back]],
        [results, other, [back, other]],
      ] as const) {
        expect(compareResults(fromColumns[0], fromColumns[1], { ignoreGpu: true })).toEqual(
          compareResults(base, candidate, { ignoreGpu: true }),
        );
      }
      for (const key of rows.metricKeys.serving) {
        expect(servingChart(after, key)).toEqual(servingChart(before, key));
        expect(tradeOffChart(after, key)).toEqual(tradeOffChart(before, key));
        const options = { baseline: null, servingMetric: key };
        expect(speedupMatrix(after, options)).toEqual(speedupMatrix(before, options));
      }
    },
  );
});
