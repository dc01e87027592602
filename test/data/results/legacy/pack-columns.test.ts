// @vitest-environment node
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isResultColumns } from '../../../../src/data/results/columns-check';
import { rowsOfColumns } from '../../../../src/data/results/columns-rows';
import { packColumns } from '../../../../src/data/results/legacy/pack-columns';
import { packResults } from '../../../helpers/legacy-pack';
import { plain, resultArbitrary } from '../../../helpers/result-arbitrary';
import { seedDataset } from '../../../helpers/seed';
import { propertyRuns } from '../../../helpers/property-runs';

const h100 = seedDataset('H100');

describe('a row-major pack from an older record, as columns', () => {
  it('gives back the seed results exactly, QPS inf and missing values included', () => {
    const columns = packColumns(packResults(h100.results));
    expect(isResultColumns(columns)).toBe(true);
    // Latency 3 keys, throughput 1, serving 7 with request_throughput shared: 10 columns.
    expect(columns.metrics).toHaveLength(10);
    const back = rowsOfColumns(columns);
    expect(back).toEqual(h100.results);
    const inf = back.find((result) => result.testName === 'serving_llama8B_tp1_sharegpt_qps_inf');
    // The seed's 8×H100 table: 24.1869 req/s at QPS inf.
    expect(inf?.qps).toBe(Infinity);
    expect(inf?.metrics.request_throughput).toBeCloseTo(24.1869, 4);
    expect(back.find((result) => result.testName === 'latency_llama8B_tp1')?.qps).toBeNull();
  });

  it('round-trips any results (2,000 generated lists), prototypes untouched', () => {
    fc.assert(
      fc.property(fc.array(resultArbitrary, { maxLength: 12 }), (results) => {
        const columns = packColumns(packResults(results));
        expect(isResultColumns(columns)).toBe(true);
        const back = rowsOfColumns(columns);
        // Packs were written before engines were told apart, by vLLM's readers only, and
        // before DP was read: no row states it.
        const expected = results.map((result) => plain({ ...result, engine: 'vLLM', dp: null }));
        if (JSON.stringify(back.map(plain)) !== JSON.stringify(expected)) {
          expect(back.map(plain)).toEqual(expected);
        }
        expect(({} as Record<string, unknown>).polluted).toBeUndefined();
      }),
      { numRuns: propertyRuns(2_000) },
    );
  }, 60_000);
});
