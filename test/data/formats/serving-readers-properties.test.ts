// @vitest-environment node
/**
 * Properties of the readers of serve records from several tools (vLLM's vintages, SGLang's
 * bench_serving, sweeps, perf-eval): generated records of their keys, hostile keys among them,
 * never throw, never pollute a prototype, and every metric they keep is finite or null.
 */
import fc from 'fast-check';
import { describe, it } from 'vitest';
import { parseResultsText } from '../../../src/data/formats/parse-results';
import type { ParseOutcome } from '../../../src/data/results/result-model';
import { RUNS, TIMEOUT, pythonNumber, pythonObject, writtenValue } from './property-values';

const KEYS = [
  '__proto__',
  'constructor',
  'hasOwnProperty',
  'toString',
  'backend',
  'framework',
  'dataset_name',
  'request_rate',
  'max_concurrency',
  'random_input_len',
  'random_output_len',
  'server_info',
  'duration',
  'completed',
  'total_input',
  'total_output',
  'request_throughput',
  'input_throughput',
  'output_throughput',
  'total_throughput',
  'mean_e2e_latency_ms',
  'p99_e2e_latency_ms',
  'median_ttft_ms',
  'p99.9_ttft_ms',
  'median_ttft',
  'p99_e2el',
  'concurrency',
  'type',
  'run_number',
  'aggregation_method',
  'aggregated_repetitions',
  'ttfts',
  'latencies',
  'itls',
  'errors',
  'spec_decode_acceptance_rate',
  'tput_per_gpu',
  'conc',
  'hw',
];

const TEXTS = ['"sglang"', '"vllm"', '"sgl"', '"random"', '"inf"', '"warmup"', '"median"', '"4"'];

const written: fc.Arbitrary<string> = fc.oneof(
  writtenValue.map(pythonNumber),
  fc.constantFrom(...TEXTS, 'Infinity', '-Infinity', 'null', '[0.1, 0.2, NaN]', '[[0.01], []]'),
  fc.constantFrom('["", "boom"]', '{"model_path": "m", "tp_size": 2, "__proto__": {"x": 1}}'),
);

const record: fc.Arbitrary<string> = fc
  .array(fc.tuple(fc.constantFrom(...KEYS), written), { maxLength: 14 })
  .map((entries) =>
    // A decisive pair in most records, so the readers are reached, not only the refusals.
    pythonObject([
      ['request_throughput', '1.5'],
      ['completed', '3'],
      ['total_throughput', '9.0'],
      ...entries,
    ]),
  );

function problemOf(outcome: ParseOutcome): string | null {
  if (({} as Record<string, unknown>).x !== undefined) return 'a polluted prototype';
  if (!outcome.ok) return outcome.error.message.trim() === '' ? 'an empty message' : null;
  for (const result of outcome.value.results) {
    for (const value of Object.values(result.metrics)) {
      if (value !== null && !Number.isFinite(value)) return `a metric of ${String(value)}`;
    }
    if (Object.getPrototypeOf(result.metrics) !== Object.prototype) return 'odd metrics';
  }
  return null;
}

describe('serve records of any tool', () => {
  it(
    `read alone, in lines or in a list: no throw, no pollution, finite metrics (${RUNS} runs)`,
    () => {
      fc.assert(
        fc.property(
          fc.array(record, { minLength: 1, maxLength: 4 }),
          fc.constantFrom('lines', 'list'),
          (records, shape) => {
            const text = shape === 'lines' ? records.join('\n') : `[${records.join(',')}]`;
            const problem = problemOf(parseResultsText(text));
            if (problem !== null) throw new Error(`${problem} for ${text.slice(0, 300)}`);
          },
        ),
        { numRuns: RUNS },
      );
    },
    TIMEOUT,
  );
});
