import fc from 'fast-check';
import type { BenchmarkResult } from '../../src/data/results/result-model';

/** Any result a parser could make, and some it could not: odd keys, non-finite numbers. */
const nullableNumber = fc.option(
  fc.oneof(
    fc.integer({ min: -1000, max: 1000 }),
    fc.double({ noNaN: true }),
    fc.constant(Infinity),
  ),
  { nil: null },
);
const key = fc.oneof(
  fc.constantFrom('ttft_mean', 'request_throughput', 'latency_p99', '__proto__', 'constructor'),
  fc.string({ maxLength: 8 }),
);
export const resultArbitrary: fc.Arbitrary<BenchmarkResult> = fc.record({
  suite: fc.constantFrom('latency', 'throughput', 'serving'),
  testName: fc.string({ maxLength: 20 }),
  model: fc.string({ maxLength: 10 }),
  tp: nullableNumber,
  pp: nullableNumber,
  dp: nullableNumber,
  gpu: fc.option(fc.record({ type: fc.string({ maxLength: 6 }), count: nullableNumber }), {
    nil: null,
  }),
  dataset: fc.option(fc.string({ maxLength: 8 }), { nil: null }),
  variant: fc.option(fc.string({ maxLength: 8 }), { nil: null }),
  qps: nullableNumber,
  concurrency: nullableNumber,
  inputLen: nullableNumber,
  outputLen: nullableNumber,
  engine: fc.option(fc.constantFrom('vLLM', 'SGLang', '__proto__'), { nil: null }),
  metrics: fc.dictionary(key, nullableNumber, { maxKeys: 5 }),
  attributes: fc
    .array(fc.tuple(key, fc.string({ maxLength: 8 })), { maxLength: 3 })
    .map((pairs) => {
      const record = Object.create(null) as Record<string, string>;
      for (const [name, value] of pairs) record[name] = value;
      return record;
    }),
});

/** A result as plain data, so objects without a prototype compare like any other. */
export function plain(result: BenchmarkResult): unknown {
  return JSON.parse(
    JSON.stringify(result, (_, value: unknown) => (value === Infinity ? 'Infinity' : value)),
  );
}
