// @vitest-environment node
// Every results file the tests know, through the columns and back: until nothing reads result
// objects any more, the columns must give the very results, and so the same index, filter
// counts and sorts, as the parsers made.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseResultsText } from '../../../src/data/formats/parse-results';
import { rowsOfColumns } from '../../../src/data/results/columns-rows';
import { NOTHING_HIDDEN } from '../../../src/data/results/filter-groups';
import { columnsOf } from '../../../src/data/results/result-columns';
import { buildResultIndex } from '../../../src/data/results/result-index';
import type { BenchmarkResult, Dataset } from '../../../src/data/results/result-model';
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

function dataset(results: readonly BenchmarkResult[]): Dataset {
  return {
    id: 'fixture',
    label: 'fixture',
    source: { kind: 'file', name: 'fixture' },
    format: { id: 'vllm-markdown', label: 'fixture' },
    results,
    warnings: [],
  };
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
      const back = rowsOfColumns(columnsOf(results));
      expect(back).toEqual(results);
      const before = buildResultIndex([dataset(results)]);
      const after = buildResultIndex([dataset(back)]);
      const viewBefore = deriveResultsView(before, NOTHING_HIDDEN, '');
      const viewAfter = deriveResultsView(after, NOTHING_HIDDEN, '');
      expect(viewAfter.facets).toEqual(viewBefore.facets);
      expect(viewAfter.visible).toEqual(viewBefore.visible);
      for (const suite of ['latency', 'throughput', 'serving'] as const) {
        for (const key of before.metricKeys[suite]) {
          const spec = [{ id: key, desc: true }];
          expect(sortPositions(after, viewAfter.visible[suite], spec)).toEqual(
            sortPositions(before, viewBefore.visible[suite], spec),
          );
        }
      }
    },
  );
});
