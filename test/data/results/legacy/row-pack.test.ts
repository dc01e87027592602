import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { packResults, packTransferables } from '../../../../src/data/results/legacy/row-pack';
import {
  startUnpacking,
  unpackResults,
  unpackSome,
} from '../../../../src/data/results/legacy/row-unpack';
import { seedDataset } from '../../../helpers/seed';
import { plain, resultArbitrary } from '../../../helpers/result-arbitrary';

const h100 = seedDataset('H100');

describe('packing results for the trip from the parsing worker', () => {
  it('gives back the seed results exactly, QPS inf and missing values included', () => {
    const back = unpackResults(packResults(h100.results));
    expect(back).toHaveLength(18);
    expect(back.map(plain)).toEqual(h100.results.map(plain));
    const inf = back.find((result) => result.testName === 'serving_llama8B_tp1_sharegpt_qps_inf');
    // The seed's 8×H100 table: 24.1869 req/s, mean TTFT 240.66 ms at QPS inf.
    expect(inf?.qps).toBe(Infinity);
    expect(inf?.metrics.request_throughput).toBeCloseTo(24.1869, 4);
    expect(inf?.metrics.ttft_mean).toBeCloseTo(240.66, 2);
    expect(inf?.gpu).toEqual({ type: 'H100', count: 8 });
    const latency = back.find((result) => result.testName === 'latency_llama8B_tp1');
    expect(latency?.qps).toBeNull();
    expect(latency?.metrics.latency_mean).toBeCloseTo(1046.91, 2);
  });

  it('keeps each distinct string once and shares one GPU object per GPU', () => {
    const pack = packResults(h100.results);
    expect(new Set(pack.strings).size).toBe(pack.strings.length);
    // Three suites' tables: three metric shapes, however many rows.
    expect(pack.metricShapes).toHaveLength(3);
    const back = unpackResults(pack);
    expect(new Set(back.map((result) => result.gpu)).size).toBe(1);
  });

  it('hands over typed arrays that postMessage can transfer', () => {
    const pack = packResults(h100.results);
    const buffers = packTransferables(pack);
    expect(buffers).toHaveLength(4);
    const { port1 } = new MessageChannel();
    port1.postMessage(pack, buffers);
    // Transferred: the sender's arrays are emptied, nothing was copied.
    expect(pack.ints.byteLength).toBe(0);
    expect(pack.metricValues.byteLength).toBe(0);
    port1.close();
  });

  it('unpacks a slice at a time to the same results', () => {
    const pack = packResults(h100.results);
    const cursor = startUnpacking(pack);
    let slices = 0;
    while (!unpackSome(pack, cursor, 5)) slices += 1;
    expect(slices).toBe(3); // 18 results, 5 at a time: 5, 10, 15, then 18 is done
    expect(cursor.out.map(plain)).toEqual(h100.results.map(plain));
  });

  it('round-trips any results (10,000 generated lists)', () => {
    fc.assert(
      fc.property(fc.array(resultArbitrary, { maxLength: 12 }), (results) => {
        const back = unpackResults(packResults(results));
        // Compared as text: toEqual ten thousand times would take most of a minute.
        if (JSON.stringify(back.map(plain)) !== JSON.stringify(results.map(plain))) {
          expect(back.map(plain)).toEqual(results.map(plain));
        }
        for (const result of back) {
          // `__proto__` stays an ordinary key and no prototype is touched.
          expect(
            Object.getPrototypeOf(result.attributes) === null ||
              Object.keys(result.attributes).length === 0,
          ).toBe(true);
        }
        expect(({} as Record<string, unknown>).polluted).toBeUndefined();
      }),
      { numRuns: 10_000 },
    );
  }, 60_000);
});
