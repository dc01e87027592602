// @vitest-environment node
/**
 * The records JSON round trip, checked on 10,000 generated inputs: rows written from generated
 * values read back as the same values. Checks are plain comparisons (not `expect`) for speed.
 */
import fc from 'fast-check';
import { describe, it } from 'vitest';
import { parseResultsText } from '../../../src/data/formats/parse-results';
import type { BenchmarkResult, Suite } from '../../../src/data/results/result-model';
import {
  DATASETS,
  GPU_TYPES,
  MODEL_TOKENS,
  QPS_VALUES,
  RUNS,
  TIMEOUT,
  pythonNumber,
  pythonObject,
  sameNumber,
  valueOf,
  writtenValue,
  type WrittenValue,
} from './property-values';

/** V5's columns: every mean has its median, named or bare (a bare one after TPOT only). */
const RECORD_COLUMNS: Readonly<Record<Suite, readonly (readonly [string, string])[]>> = {
  latency: [
    ['Mean latency (ms)', 'latency_mean'],
    ['Median latency (ms)', 'latency_median'],
    ['P99 latency (ms)', 'latency_p99'],
  ],
  throughput: [
    ['# of req.', 'num_requests'],
    ['Total # of tokens', 'total_tokens'],
    ['Elapsed time (s)', 'elapsed_time'],
    ['Tput (req/s)', 'request_throughput'],
    ['Tput (tok/s)', 'token_throughput'],
  ],
  serving: [
    ['# of req.', 'num_requests'],
    ['Tput (req/s)', 'request_throughput'],
    ['Mean TTFT (ms)', 'ttft_mean'],
    ['Median TTFT (ms)', 'ttft_median'],
    ['P99 TTFT (ms)', 'ttft_p99'],
    ['Mean TPOT (ms)', 'tpot_mean'],
    ['Median', 'tpot_median'],
    ['P99', 'tpot_p99'],
    ['Mean ITL (ms)', 'itl_mean'],
    ['Median ITL (ms)', 'itl_median'],
  ],
};

interface RecordRow {
  readonly suite: Suite;
  readonly model: string;
  readonly tp: number;
  readonly dataset: string;
  readonly qps: number;
  readonly gpuType: string;
  readonly gpuCount: number;
  readonly gpuStyle: 'counted' | 'list';
  readonly values: readonly WrittenValue[];
}

function recordTestName(row: RecordRow): string {
  const base = `${row.suite}_${row.model}_tp${row.tp}`;
  if (row.suite !== 'serving') return base;
  return `${base}_${row.dataset}_qps_${row.qps === Infinity ? 'inf' : row.qps}`;
}

const recordRow: fc.Arbitrary<RecordRow> = fc
  .record({
    suite: fc.constantFrom<Suite>('latency', 'throughput', 'serving'),
    model: fc.constantFrom(...MODEL_TOKENS),
    tp: fc.integer({ min: 1, max: 8 }),
    dataset: fc.constantFrom(...DATASETS),
    qps: fc.constantFrom(...QPS_VALUES),
    gpuType: fc.constantFrom(...GPU_TYPES),
    gpuCount: fc.integer({ min: 2, max: 16 }),
    gpuStyle: fc.constantFrom<'counted' | 'list'>('counted', 'list'),
    values: fc.array(writtenValue, { minLength: 10, maxLength: 10 }),
  })
  .map((row) => ({ ...row, values: row.values.slice(0, RECORD_COLUMNS[row.suite].length) }));

function writeRecord(row: RecordRow): string {
  const gpu =
    row.gpuStyle === 'counted'
      ? `${row.gpuCount}x${row.gpuType}`
      : Array<string>(row.gpuCount).fill(row.gpuType).join('\n');
  return pythonObject([
    ['Test name', JSON.stringify(recordTestName(row))],
    ['GPU', JSON.stringify(gpu)],
    ...RECORD_COLUMNS[row.suite].map(
      ([column], c) => [column, pythonNumber(row.values[c] ?? 'NaN')] as const,
    ),
  ]);
}

function sameDimensions(result: BenchmarkResult | undefined, row: RecordRow): boolean {
  return (
    result !== undefined &&
    result.suite === row.suite &&
    result.model === row.model &&
    result.tp === row.tp &&
    result.qps === (row.suite === 'serving' ? row.qps : null) &&
    result.dataset === (row.suite === 'serving' ? row.dataset : null) &&
    result.gpu?.type === row.gpuType &&
    result.gpu.count === row.gpuCount
  );
}

describe('round trips', () => {
  it(
    `records JSON: any rows of mixed suites, in any order, wrapped or not (${RUNS} runs)`,
    () => {
      fc.assert(
        fc.property(
          fc.uniqueArray(recordRow, { minLength: 1, maxLength: 8, selector: recordTestName }),
          fc.constantFrom(null, 'results', 'serving_results', 'benchmarks', 'data'),
          (rows, wrapper) => {
            const list = `[${rows.map(writeRecord).join(', ')}]`;
            const text = wrapper === null ? list : `{${JSON.stringify(wrapper)}: ${list}}`;
            const outcome = parseResultsText(text);
            if (!outcome.ok) throw new Error(`${outcome.error.message} in ${text}`);
            const { format, results, warnings } = outcome.value;
            if (format.id !== 'vllm-records-json' || warnings.length !== 0) {
              throw new Error(`${format.label} with ${JSON.stringify(warnings)}`);
            }
            if (results.length !== rows.length) throw new Error(`${results.length} results`);
            for (const row of rows) {
              const name = recordTestName(row);
              const result = results.find((entry) => entry.testName === name);
              if (!sameDimensions(result, row)) {
                throw new Error(`${name} came back as ${JSON.stringify(result)}`);
              }
              RECORD_COLUMNS[row.suite].forEach(([, key], c) => {
                const expected = valueOf(row.values[c] ?? 'NaN');
                if (!sameNumber(result?.metrics[key], expected)) {
                  throw new Error(
                    `${name} ${key}: ${String(result?.metrics[key])}, not ${String(expected)}`,
                  );
                }
              });
            }
          },
        ),
        { numRuns: RUNS },
      );
    },
    TIMEOUT,
  );
});
