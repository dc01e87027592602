// @vitest-environment node
/**
 * AIPerf and GenAI-Perf exports at their edges: which files are known as one, which tool wrote
 * it, when the total throughput can be derived, and what is left out of a partial export.
 */
import { describe, expect, it } from 'vitest';
import { parseResultsText } from '../../../../src/data/formats/parse-results';
import type { ParsedResults } from '../../../../src/data/results/result-model';
import { only, parsedOrFail, refusedOrFail } from '../fixtures';
import { expectMetrics } from './expect-metrics';

const FILE_NAME = 'profile_export.json';

function parsedOf(value: unknown): ParsedResults {
  return parsedOrFail(parseResultsText(JSON.stringify(value), FILE_NAME));
}

/** A GenAI-Perf export's flat input_config, and one metric object. */
function genaiPerfExport(): Record<string, unknown> {
  return {
    input_config: { model: ['org/Model-7B'], request_rate: 2.0 },
    request_throughput: { unit: 'requests/sec', avg: 1.9 },
  };
}

describe('an AIPerf or GenAI-Perf export is known', () => {
  it('by input_config beside any one of its headline metric objects', () => {
    const cases = [
      ['time_to_first_token', 'ms', 50, 'ttft_mean'],
      ['request_latency', 'ms', 900, 'e2el_mean'],
      ['inter_token_latency', 'ms', 12, 'tpot_mean'],
      ['output_token_throughput', 'tokens/sec', 300, 'output_throughput'],
    ] as const;
    for (const [key, unit, avg, metric] of cases) {
      const parsed = parsedOf({ input_config: { model: 'org/Model-7B' }, [key]: { unit, avg } });
      expect(parsed.format.id, key).toBe('genai-perf');
      expect({ ...only(parsed).metrics }, key).toEqual({ [metric]: avg });
    }
  });

  it('not without input_config, nor when no metric object states its unit', () => {
    const withoutConfig = { time_to_first_token: { unit: 'ms', avg: 50 } };
    expect(refusedOrFail(parseResultsText(JSON.stringify(withoutConfig), FILE_NAME)).kind).toBe(
      'not-results',
    );
    const withoutUnits = {
      input_config: { loadgen: { concurrency: 4 } },
      time_to_first_token: { avg: 50 },
      request_throughput: { avg: 2 },
    };
    expect(refusedOrFail(parseResultsText(JSON.stringify(withoutUnits), FILE_NAME)).kind).toBe(
      'not-results',
    );
    const withoutMetrics = { input_config: { loadgen: { concurrency: 4 } }, start_time: 0 };
    expect(refusedOrFail(parseResultsText(JSON.stringify(withoutMetrics), FILE_NAME)).kind).toBe(
      'not-results',
    );
  });
});

describe('AIPerf or GenAI-Perf', () => {
  it('is AIPerf when the export has any one of AIPerf’s own keys, else GenAI-Perf', () => {
    expect(parsedOf(genaiPerfExport()).format).toEqual({
      id: 'genai-perf',
      label: 'GenAI-Perf profile export JSON',
    });
    const config = { model: ['org/Model-7B'], request_rate: 2.0 };
    const aiperfSigns: Record<string, unknown>[] = [
      { aiperf_version: '0.3.0' },
      { schema_version: '1.0' },
      { input_config: { ...config, loadgen: { request_rate: 2.0 } } },
      { input_config: { ...config, endpoint: { model_names: ['org/Model-7B'] } } },
    ];
    for (const sign of aiperfSigns) {
      const parsed = parsedOf({ ...genaiPerfExport(), ...sign });
      expect(parsed.format.id, JSON.stringify(sign)).toBe('aiperf');
    }
  });

  it('names GenAI-Perf when refusing its export without a usable metric', () => {
    const value = { ...genaiPerfExport(), request_throughput: { unit: 'parsecs', avg: 1 } };
    const error = refusedOrFail(parseResultsText(JSON.stringify(value), FILE_NAME));
    expect(error.kind).toBe('no-rows');
    expect(error.message).toBe(
      'This is a GenAI-Perf export without any latency or throughput metric.',
    );
  });
});

describe('AIPerf total token throughput', () => {
  /** 6000 input and 1500 output tokens over 50 s. */
  function withTotals(): Record<string, unknown> {
    return {
      aiperf_version: '0.3.0',
      input_config: { loadgen: { concurrency: 8 } },
      request_throughput: { unit: 'requests/sec', avg: 2 },
      total_isl: { unit: 'tokens', avg: 6000 },
      total_osl: { unit: 'tokens', avg: 1500 },
      benchmark_duration: { unit: 'sec', avg: 50 },
    };
  }

  it('is (total ISL + total OSL) ÷ duration', () => {
    expectMetrics(only(parsedOf(withTotals())).metrics, {
      request_throughput: 2,
      total_input_tokens: 6000,
      total_output_tokens: 1500,
      elapsed_time: 50,
      // (6000 + 1500) tokens ÷ 50 s = 150 tok/s
      total_token_throughput: 150,
    });
  });

  it('is derived from totals that state no unit, as their token counts are read', () => {
    const metrics = only(parsedOf({ ...withTotals(), total_isl: { avg: 6000 } })).metrics;
    expect(metrics.total_input_tokens).toBe(6000);
    expect(metrics.total_token_throughput).toBe(150);
  });

  it('is not derived when a total is no number or missing, or the duration is missing or 0', () => {
    const variants: [string, Record<string, unknown>][] = [
      ['total ISL no number', { total_isl: { unit: 'tokens', avg: 'n/a' } }],
      ['total OSL no number', { total_osl: { unit: 'tokens', avg: 'n/a' } }],
      ['no total OSL', { total_osl: undefined }],
      ['no duration', { benchmark_duration: undefined }],
      ['duration 0', { benchmark_duration: { unit: 'sec', avg: 0 } }],
    ];
    for (const [what, change] of variants) {
      const metrics = only(parsedOf({ ...withTotals(), ...change })).metrics;
      expect(metrics.total_token_throughput, what).toBeUndefined();
      expect(metrics.request_throughput, what).toBe(2);
    }
  });
});

describe('a partial AIPerf export', () => {
  it('has no lengths when it has no sequence length objects', () => {
    const result = only(parsedOf(genaiPerfExport()));
    expect([result.inputLen, result.outputLen]).toEqual([null, null]);
    const withLengths = {
      ...genaiPerfExport(),
      input_sequence_length: { unit: 'tokens', avg: 300.4 },
      output_sequence_length: { unit: 'tokens', avg: 99.5 },
    };
    // 300.4 rounds to 300, 99.5 to 100.
    const read = only(parsedOf(withLengths));
    expect([read.inputLen, read.outputLen]).toEqual([300, 100]);
  });

  it('leaves out a latency that states no unit, saying so', () => {
    const parsed = parsedOf({ ...genaiPerfExport(), time_to_first_token: { avg: 50 } });
    expect(only(parsed).metrics.ttft_mean).toBeUndefined();
    expect(parsed.warnings).toEqual([
      'time_to_first_token is in "", not a unit it can be: it was left out.',
    ]);
  });
});

describe('AIPerf telemetry GPUs', () => {
  function withGpus(endpoints: Record<string, unknown>): Record<string, unknown> {
    return { ...genaiPerfExport(), telemetry_data: { endpoints } };
  }
  function gpus(count: number): Record<string, unknown> {
    const named: Record<string, unknown> = {};
    for (let i = 0; i < count; i += 1) named[`gpu_${i}`] = { gpu_name: 'NVIDIA H200' };
    return named;
  }

  it('counts the GPUs with a name only', () => {
    const endpoints = {
      'node-a:9400': { gpus: { gpu_0: { gpu_name: 'NVIDIA H200' }, gpu_1: { gpu_index: 1 } } },
      'node-b:9400': { gpus: { gpu_0: { gpu_name: 'NVIDIA H200' }, gpu_1: 'H200' } },
    };
    expect(only(parsedOf(withGpus(endpoints))).gpu).toEqual({ type: 'H200', count: 2 });
  });

  it('reads at most 64 endpoints and 256 GPUs of each', () => {
    const many: Record<string, unknown> = {};
    for (let i = 0; i < 70; i += 1) many[`node-${i}:9400`] = { gpus: gpus(1) };
    expect(only(parsedOf(withGpus(many))).gpu).toEqual({ type: 'H200', count: 64 });
    const crowded = { 'node-a:9400': { gpus: gpus(300) } };
    expect(only(parsedOf(withGpus(crowded))).gpu).toEqual({ type: 'H200', count: 256 });
  });
});
