// @vitest-environment node
/**
 * vllm bench serve round trips, checked on 10,000 generated inputs: files written from generated
 * values read back as the same values. Checks are plain comparisons (not `expect`) for speed.
 */
import fc from 'fast-check';
import { describe, it } from 'vitest';
import { parseResultsText } from '../../../src/data/formats/parse-results';
import type { BenchmarkResult } from '../../../src/data/results/result-model';
import {
  MODEL_IDS,
  RUNS,
  TIMEOUT,
  pythonNumber,
  pythonObject,
  sameNumber,
  valueOf,
  writtenValue,
  type WrittenValue,
} from './property-values';

describe('round trips', () => {
  // --- serve JSON, single and as lines

  const SERVE_SCALARS: readonly (readonly [string, string])[] = [
    ['request_throughput', 'request_throughput'],
    ['output_throughput', 'output_throughput'],
    ['total_token_throughput', 'total_token_throughput'],
    ['total_input_tokens', 'total_input_tokens'],
    ['total_output_tokens', 'total_output_tokens'],
    ['completed', 'num_requests'],
    ['failed', 'failed_requests'],
    ['max_output_tokens_per_s', 'max_output_tokens_per_s'],
    ['max_concurrent_requests', 'max_concurrent_requests'],
    ['duration', 'elapsed_time'],
  ];

  const COMPLETED_AT = SERVE_SCALARS.findIndex(([key]) => key === 'completed');

  interface ServeRun {
    readonly modelId: string;
    readonly tp: number | null;
    readonly qps: number;
    readonly concurrency: number | null;
    readonly day: number;
    readonly scalars: readonly WrittenValue[];
    readonly goodput: { readonly colon: boolean; readonly value: WrittenValue | null } | null;
    /** Per quantity: mean, median, std and percentiles (e2el without P50, which tells swaps). */
    readonly stats: Readonly<Record<string, readonly (readonly [string, WrittenValue])[]>>;
  }

  const statList = (quantity: string) =>
    fc
      .uniqueArray(
        fc.constantFrom(
          'mean',
          'median',
          'std',
          ...(quantity === 'e2el'
            ? ['p25', 'p90', 'p99', 'p99.9']
            : ['p25', 'p50', 'p90', 'p99', 'p99.9']),
        ),
        { maxLength: 7 },
      )
      .chain((names) =>
        fc.tuple(...names.map((name) => writtenValue.map((value) => [name, value] as const))),
      );

  const serveRun: fc.Arbitrary<ServeRun> = fc.record({
    modelId: fc.constantFrom(...MODEL_IDS),
    tp: fc.option(fc.integer({ min: 1, max: 8 }), { nil: null }),
    qps: fc.constantFrom(0.5, 1, 4, 16, Infinity),
    concurrency: fc.option(fc.integer({ min: 1, max: 512 }), { nil: null }),
    day: fc.integer({ min: 1, max: 28 }),
    // A run where no request completed reads as failed, its values missing (tested on its own
    // in serve-json.test.ts): here every run completed some.
    scalars: fc
      .array(writtenValue, {
        minLength: SERVE_SCALARS.length,
        maxLength: SERVE_SCALARS.length,
      })
      .filter((values) => {
        const completed = values[COMPLETED_AT];
        return completed !== 0 && !(typeof completed === 'object' && completed.integer === 0);
      }),
    goodput: fc.option(
      fc.record({ colon: fc.boolean(), value: fc.option(writtenValue, { nil: null }) }),
      { nil: null },
    ),
    stats: fc.record({
      ttft: statList('ttft'),
      tpot: statList('tpot'),
      itl: statList('itl'),
      e2el: statList('e2el'),
    }),
  });

  function writeServe(run: ServeRun): string {
    const entries: [string, string][] = [
      ['date', JSON.stringify(`202506${String(run.day).padStart(2, '0')}-101502`)],
      ['backend', '"vllm"'],
      ['model_id', JSON.stringify(run.modelId)],
      ['tokenizer_id', JSON.stringify(run.modelId)],
      ['num_prompts', '200'],
    ];
    if (run.tp !== null) entries.push(['tensor_parallel_size', JSON.stringify(String(run.tp))]);
    entries.push(['request_rate', run.qps === Infinity ? '"inf"' : JSON.stringify(run.qps)]);
    entries.push(['burstiness', '1.0']);
    entries.push(['max_concurrency', run.concurrency === null ? 'null' : String(run.concurrency)]);
    SERVE_SCALARS.forEach(([key], index) => {
      entries.push([key, pythonNumber(run.scalars[index] ?? 'NaN')]);
    });
    if (run.goodput !== null) {
      entries.push([
        run.goodput.colon ? 'request_goodput:' : 'request_goodput',
        run.goodput.value === null ? 'null' : pythonNumber(run.goodput.value),
      ]);
    }
    for (const [quantity, stats] of Object.entries(run.stats)) {
      for (const [stat, value] of stats) {
        const key = stat.startsWith('p') ? `${stat}_${quantity}_ms` : `${stat}_${quantity}_ms`;
        entries.push([key, pythonNumber(value)]);
      }
    }
    entries.push(['latencies', '[1.0, 2.0]']);
    return pythonObject(entries);
  }

  function serveTestName(run: ServeRun): string {
    const parts = ['serving', run.modelId.split('/').pop() ?? ''];
    if (run.tp !== null) parts.push(`tp${run.tp}`);
    parts.push('qps', run.qps === Infinity ? 'inf' : String(run.qps));
    if (run.concurrency !== null) parts.push('concurrency', String(run.concurrency));
    return parts.join('_');
  }

  function serveProblem(result: BenchmarkResult | undefined, run: ServeRun): string | null {
    if (result === undefined) return 'no result';
    if (
      result.suite !== 'serving' ||
      result.testName !== serveTestName(run) ||
      result.model !== run.modelId ||
      result.tp !== run.tp ||
      result.qps !== run.qps ||
      result.concurrency !== run.concurrency
    ) {
      return 'other dimensions';
    }
    const expected = new Map<string, number | null>();
    SERVE_SCALARS.forEach(([, key], index) =>
      expected.set(key, valueOf(run.scalars[index] ?? 'NaN')),
    );
    if (run.goodput !== null) {
      expected.set(
        'request_goodput',
        run.goodput.value === null ? null : valueOf(run.goodput.value),
      );
    }
    for (const [quantity, stats] of Object.entries(run.stats)) {
      for (const [stat, value] of stats) expected.set(`${quantity}_${stat}`, valueOf(value));
    }
    // The kept latencies [1.0, 2.0] s give what the summary lacks of E2E latency: mean
    // (1 + 2) ÷ 2 = 1.5 s, median 1.5 s, std √((0.5² + 0.5²) ÷ 2) = 0.5 s, p99 1 + (2 − 1) × 0.99
    // = 1.99 s, each × 1000 for ms.
    const recordedE2el = new Set((run.stats.e2el ?? []).map(([stat]) => stat));
    for (const [stat, value] of [
      ['mean', 1500],
      ['median', 1500],
      ['std', 500],
      ['p99', 1990],
    ] as const) {
      if (!recordedE2el.has(stat)) expected.set(`e2el_${stat}`, value);
    }
    const keys = Object.keys(result.metrics);
    if (keys.length !== expected.size) return `keys ${keys.join(',')}`;
    for (const [key, value] of expected) {
      if (!sameNumber(result.metrics[key], value)) {
        return `${key}: ${String(result.metrics[key])}, not ${String(value)}`;
      }
    }
    return null;
  }

  it(
    `vllm bench serve JSON: header, results and every percentile (${RUNS} runs)`,
    () => {
      fc.assert(
        fc.property(serveRun, (run) => {
          const text = writeServe(run);
          const outcome = parseResultsText(text);
          if (!outcome.ok) throw new Error(`${outcome.error.message} in ${text}`);
          if (outcome.value.format.id !== 'vllm-serve-json') throw new Error('another format');
          const problem = serveProblem(outcome.value.results[0], run);
          if (problem !== null) throw new Error(`${problem} in ${text}`);
        }),
        { numRuns: RUNS },
      );
    },
    TIMEOUT,
  );

  it(
    `vllm bench serve JSON lines: several runs, one per line, in order (${RUNS} runs)`,
    () => {
      fc.assert(
        fc.property(
          fc.array(serveRun, { minLength: 2, maxLength: 4 }),
          fc.boolean(),
          (runs, crlf) => {
            const text = runs.map(writeServe).join(crlf ? '\r\n' : '\n');
            const outcome = parseResultsText(text);
            if (!outcome.ok) throw new Error(`${outcome.error.message} in ${text}`);
            const { format, results } = outcome.value;
            if (format.id !== 'vllm-serve-json-lines' || results.length !== runs.length) {
              throw new Error(`${format.label} with ${results.length} results`);
            }
            runs.forEach((run, index) => {
              const problem = serveProblem(results[index], run);
              if (problem !== null) throw new Error(`line ${index + 1}: ${problem}`);
            });
          },
        ),
        { numRuns: RUNS },
      );
    },
    TIMEOUT,
  );
});
