// @vitest-environment node
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildResultIndex, type ResultIndex } from '../../../src/data/results/result-index';
import { sortPositions, type SortSpec } from '../../../src/data/results/sort-results';
import { datasetOf, latencyResult } from './sort-fixtures';
import { propertyRuns } from '../../helpers/property-runs';

/**
 * The contract written as the plainest possible stable comparator sort: columns in order, missing
 * values last in either direction, ties in reading order.
 */
function referenceSort(index: ResultIndex, positions: Uint32Array, sorting: SortSpec): number[] {
  const valueOf = (position: number, id: string): number | null => {
    const result = index.results.at(position);
    if (result === undefined) return null;
    if (id === 'tp') return result.tp;
    return result.metrics[id] ?? null;
  };
  return Array.from(positions).sort((a, b) => {
    for (const { id, desc } of sorting) {
      const x = valueOf(a, id);
      const y = valueOf(b, id);
      if (x === null && y === null) continue;
      if (x === null) return 1;
      if (y === null) return -1;
      if (x === y) continue;
      return (x < y ? -1 : 1) * (desc ? -1 : 1);
    }
    return a - b;
  });
}

describe('sortPositions against a plain comparator sort', () => {
  // 1, 1.00000001 and 1.00000002 are one float32, as are 2259.8099 and 2259.80990773998: the
  // sort must still order them exactly.
  const metric = fc.option(
    fc.constantFrom(
      -2.5,
      -1,
      0,
      0.1,
      1,
      1.00000001,
      1.00000002,
      3,
      1e6,
      2259.8099,
      2259.80990773998,
    ),
    { nil: null },
  );
  const row = fc.record({
    latency_mean: metric,
    latency_p99: metric,
    tp: fc.constantFrom(1, 2, 4, 8),
    absent: fc.boolean(),
  });
  const sortKey = fc.record({
    id: fc.constantFrom('latency_mean', 'latency_p99', 'tp'),
    desc: fc.boolean(),
  });

  it('agrees on any rows and any sort of up to three columns', () => {
    fc.assert(
      fc.property(
        fc.array(row, { maxLength: 60 }),
        fc.uniqueArray(sortKey, { minLength: 1, maxLength: 3, selector: (key) => key.id }),
        (rows, sorting) => {
          const index = buildResultIndex([
            datasetOf(
              rows.map((r, i) =>
                latencyResult(
                  `t${String(i).padStart(3, '0')}`,
                  // A key that is absent is missing just like one that is null.
                  r.absent
                    ? { latency_p99: r.latency_p99 }
                    : { latency_mean: r.latency_mean, latency_p99: r.latency_p99 },
                  r.tp,
                ),
              ),
            ),
          ]);
          const positions = index.bySuite.latency;
          expect(Array.from(sortPositions(index, positions, sorting))).toEqual(
            referenceSort(index, positions, sorting),
          );
        },
      ),
      { numRuns: propertyRuns(1000) },
    );
  });

  it('agrees with more than 65,536 distinct values, some missing', () => {
    const n = 70_001;
    const results = Array.from({ length: n }, (_, i) =>
      latencyResult(`t${String(i).padStart(6, '0')}`, {
        // A permutation of 0 … n − 1 (7919 is prime to n), every 1000th value missing.
        latency_mean: i % 1000 === 0 ? null : ((i * 7919) % n) + 0.5,
      }),
    );
    const index = buildResultIndex([datasetOf(results)]);
    const positions = index.bySuite.latency;
    for (const desc of [false, true]) {
      const sorting = [{ id: 'latency_mean', desc }];
      const got = sortPositions(index, positions, sorting);
      expect(got).toHaveLength(n);
      expect(Array.from(got)).toEqual(referenceSort(index, positions, sorting));
    }
  });
});
