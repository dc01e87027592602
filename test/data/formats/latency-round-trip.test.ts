// @vitest-environment node
/**
 * Latency, throughput, PyTorch and .commands round trips, checked on 10,000 generated inputs: files
 * written from generated values read back as the same values. Checks are plain comparisons (not
 * `expect`) for speed.
 */
import fc from 'fast-check';
import { describe, it } from 'vitest';
import { parseResultFiles, parseResultsText } from '../../../src/data/formats/parse-results';
import type { BenchmarkResult } from '../../../src/data/results/result-model';
import {
  GPU_TYPES,
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
  // --- latency and throughput JSON, alone and as PyTorch records

  const PERCENTILES = ['10', '25', '50', '75', '90', '99'];
  const secondsValue = fc.oneof(
    fc.constant<'NaN'>('NaN'),
    fc.double({ min: 0, max: 1e6, noNaN: true }).map((value) => (value === 0 ? 0 : value)),
  );

  interface LatencyRun {
    readonly avg: WrittenValue;
    readonly std: WrittenValue | null;
    readonly percentiles: readonly (readonly [string, WrittenValue])[];
  }

  const latencyRun: fc.Arbitrary<LatencyRun> = fc.record({
    avg: secondsValue,
    std: fc.option(secondsValue, { nil: null }),
    percentiles: fc
      .subarray(PERCENTILES, { minLength: 1 })
      .chain((names) =>
        fc.tuple(...names.map((name) => secondsValue.map((value) => [name, value] as const))),
      ),
  });

  function latencyObject(run: LatencyRun): string {
    const entries: [string, string][] = [['avg_latency', pythonNumber(run.avg)]];
    if (run.std !== null) entries.push(['std_latency', pythonNumber(run.std)]);
    entries.push(['latencies', '[1.0]']);
    entries.push([
      'percentiles',
      pythonObject(run.percentiles.map(([p, v]) => [p, pythonNumber(v)])),
    ]);
    return pythonObject(entries);
  }

  function latencyProblem(result: BenchmarkResult | undefined, run: LatencyRun): string | null {
    if (result?.suite !== 'latency') return 'no latency result';
    const ms = (value: WrittenValue) => {
      const seconds = valueOf(value);
      return seconds === null ? null : seconds * 1000;
    };
    const expected = new Map<string, number | null>([['latency_mean', ms(run.avg)]]);
    if (run.std !== null) expected.set('latency_std', ms(run.std));
    for (const [p, value] of run.percentiles) {
      expected.set(p === '50' ? 'latency_median' : `latency_p${p}`, ms(value));
    }
    if (Object.keys(result.metrics).length !== expected.size) return 'other keys';
    for (const [key, value] of expected) {
      if (!sameNumber(result.metrics[key], value)) return `${key}: ${String(result.metrics[key])}`;
    }
    return null;
  }

  const THROUGHPUT_KEYS: readonly (readonly [string, string])[] = [
    ['elapsed_time', 'elapsed_time'],
    ['num_requests', 'num_requests'],
    ['total_num_tokens', 'total_tokens'],
    ['requests_per_second', 'request_throughput'],
    ['tokens_per_second', 'token_throughput'],
  ];

  it(
    `vllm bench latency JSON: seconds in, ms out, percentiles by number (${RUNS} runs)`,
    () => {
      fc.assert(
        fc.property(latencyRun, fc.integer({ min: 1, max: 8 }), (run, tp) => {
          const text = latencyObject(run);
          const outcome = parseResultsText(text, `latency_llama8B_tp${tp}.json`);
          if (!outcome.ok) throw new Error(`${outcome.error.message} in ${text}`);
          const [result] = outcome.value.results;
          const problem = latencyProblem(result, run);
          if (problem !== null || result?.tp !== tp) throw new Error(`${problem} in ${text}`);
        }),
        { numRuns: RUNS },
      );
    },
    TIMEOUT,
  );

  it(
    `vllm bench throughput JSON: the five keys under their metric names (${RUNS} runs)`,
    () => {
      fc.assert(
        fc.property(
          fc.array(writtenValue, { minLength: 5, maxLength: 5 }),
          fc.integer({ min: 1, max: 8 }),
          (values, tp) => {
            const text = pythonObject(
              THROUGHPUT_KEYS.map(([key], index) => [key, pythonNumber(values[index] ?? 'NaN')]),
            );
            const outcome = parseResultsText(text, `throughput_mixtral8x7B_tp${tp}.json`);
            if (!outcome.ok) throw new Error(`${outcome.error.message} in ${text}`);
            const [result] = outcome.value.results;
            if (result?.testName !== `throughput_mixtral8x7B_tp${tp}` || result.tp !== tp) {
              throw new Error(`named ${String(result?.testName)}`);
            }
            THROUGHPUT_KEYS.forEach(([, key], index) => {
              if (!sameNumber(result.metrics[key], valueOf(values[index] ?? 'NaN'))) {
                throw new Error(`${key} in ${text}`);
              }
            });
          },
        ),
        { numRuns: RUNS },
      );
    },
    TIMEOUT,
  );

  it(
    `PyTorch benchmark JSON: latency and throughput runs as one record per metric (${RUNS} runs)`,
    () => {
      fc.assert(
        fc.property(
          latencyRun,
          fc.array(writtenValue, { minLength: 5, maxLength: 5 }),
          fc.constantFrom(...MODEL_IDS),
          fc.integer({ min: 1, max: 8 }),
          (latency, throughput, model, tp) => {
            const args = `{"model": ${JSON.stringify(model)}, "tensor_parallel_size": ${tp}, "max_model_len": "inf", "batch_size": 8}`;
            const record = (name: string, values: string, extra: string) =>
              `{"benchmark": {"name": "vLLM benchmark", "extra_info": {"args": ${args}}}, "model": {"name": ${JSON.stringify(model)}}, "metric": {"name": "${name}", "benchmark_values": ${values}, "extra_info": ${extra}}}`;
            const latencyExtra = latencyObject(latency);
            const throughputExtra = pythonObject(
              THROUGHPUT_KEYS.slice(0, 3).map(([key], index) => [
                key,
                pythonNumber(throughput[index] ?? 'NaN'),
              ]),
            );
            const text = `[${[
              record('latency', '[1.0, 1.1]', latencyExtra),
              record(
                'requests_per_second',
                `[${pythonNumber(throughput[3] ?? 'NaN')}]`,
                throughputExtra,
              ),
              record(
                'tokens_per_second',
                `[${pythonNumber(throughput[4] ?? 'NaN')}]`,
                throughputExtra,
              ),
            ].join(', ')}]`;
            const outcome = parseResultsText(text);
            if (!outcome.ok) throw new Error(`${outcome.error.message} in ${text}`);
            const [latencyResult, throughputResult] = outcome.value.results;
            const problem = latencyProblem(latencyResult, latency);
            if (problem !== null) throw new Error(`${problem} in ${text}`);
            if (
              latencyResult?.model !== model ||
              latencyResult.tp !== tp ||
              throughputResult?.suite !== 'throughput' ||
              throughputResult.tp !== tp
            ) {
              throw new Error(`dimensions in ${text}`);
            }
            THROUGHPUT_KEYS.forEach(([, key], index) => {
              if (!sameNumber(throughputResult.metrics[key], valueOf(throughput[index] ?? 'NaN'))) {
                throw new Error(`${key} in ${text}`);
              }
            });
          },
        ),
        { numRuns: RUNS },
      );
    },
    TIMEOUT,
  );

  it(
    `a result with its .commands file: TP, model and GPU from the commands (${RUNS} runs)`,
    () => {
      const tpOption = fc
        .record({ tp: fc.integer({ min: 1, max: 64 }), style: fc.integer({ min: 0, max: 3 }) })
        .map(({ tp, style }) => ({
          tp,
          text:
            [
              `--tensor-parallel-size ${tp}`,
              `--tensor-parallel-size=${tp}`,
              `-tp ${tp}`,
              `--tensor_parallel_size "${tp}"`,
            ][style] ?? '',
        }));
      fc.assert(
        fc.property(
          tpOption,
          fc.integer({ min: 1, max: 8 }),
          fc.constantFrom(...MODEL_IDS),
          fc.constantFrom(...GPU_TYPES),
          fc.integer({ min: 1, max: 16 }),
          fc.constantFrom(' ', '   ', ' \\\n   '),
          (option, nameTp, model, gpuType, gpuCount, gap) => {
            const base = `throughput_llama8B_tp${nameTp}`;
            const commands = JSON.stringify({
              throughput_command: `vllm bench throughput${gap}--output-json results/${base}.json${gap}--model ${model}${gap}${option.text} --load-format dummy`,
              gpu_type: Array<string>(gpuCount).fill(gpuType).join('\n'),
            });
            const [entry, ...rest] = parseResultFiles([
              { name: `${base}.commands`, text: commands },
              {
                name: `${base}.json`,
                text: '{"requests_per_second": 2.5, "tokens_per_second": 900.0}',
              },
            ]);
            if (entry === undefined || rest.length !== 0 || !entry.outcome.ok) {
              throw new Error(`not one good entry for ${commands}`);
            }
            const { results, warnings } = entry.outcome.value;
            const [result] = results;
            const warned = warnings.some((warning) => warning.includes(`tp${nameTp}`));
            if (
              result?.tp !== option.tp ||
              result.model !== model ||
              result.gpu?.type !== gpuType ||
              result.gpu.count !== (gpuCount === 1 ? null : gpuCount) ||
              warned !== (option.tp !== nameTp)
            ) {
              throw new Error(
                `${JSON.stringify(result)} ${JSON.stringify(warnings)} for ${commands}`,
              );
            }
          },
        ),
        { numRuns: RUNS },
      );
    },
    TIMEOUT,
  );
});
