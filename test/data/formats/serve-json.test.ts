// @vitest-environment node
import { beforeEach, describe, expect, it } from 'vitest';
import { parseResultsText } from '../../../src/data/formats/parse-results';
import type { BenchmarkResult, ParsedResults } from '../../../src/data/results/result-model';
import { fixture, only, parseFixture, parseFixtures, parsedOrFail, serveText } from './fixtures';

/**
 * Expected values are written out from the fixtures by hand. The serve fixtures are the seed's
 * 8×H100 `serving_llama8B_tp1_sharegpt_qps_inf` run and its neighbours as `vllm bench serve`
 * (or `benchmark_serving.py`) would have saved them; durations are 200 requests / throughput.
 */

const SERVE_FORMAT = { id: 'vllm-serve-json', label: 'vllm bench serve JSON' };

describe('vllm bench serve JSON: benchmark_serving.py, September 2024, named by CI', () => {
  // Read in each test, not once for the file: a mutation run changes the code per test.
  let parsed: ParsedResults;
  beforeEach(() => {
    parsed = parseFixture('serve/serving_llama8B_tp1_sharegpt_qps_inf.json');
  });

  it('is recognized by its content and labelled', () => {
    expect(parsed.format).toEqual(SERVE_FORMAT);
    expect(parsed.warnings).toEqual([]);
    expect(parsed.meta).toEqual({ date: '2024-09-17T03:15:33' });
  });

  it('takes the test name from the file name and the model id from the file', () => {
    expect(only(parsed)).toMatchObject({
      suite: 'serving',
      testName: 'serving_llama8B_tp1_sharegpt_qps_inf',
      model: 'meta-llama/Meta-Llama-3.1-8B-Instruct',
      tp: 1,
      pp: null,
      dp: null,
      gpu: null,
      dataset: 'sharegpt',
      variant: null,
      qps: Infinity,
      concurrency: null,
      inputLen: null,
      outputLen: null,
    });
  });

  it('keeps every result under its metric key, durations in seconds and latencies in ms', () => {
    expect(only(parsed).metrics).toEqual({
      request_throughput: 24.186907198204548,
      output_throughput: 4709.432700562407,
      total_token_throughput: 9868.379071403446,
      total_input_tokens: 42659,
      total_output_tokens: 38942,
      num_requests: 200,
      elapsed_time: 8.268936510197818,
      ttft_mean: 240.66389142535627,
      ttft_median: 238.22169471532106,
      ttft_std: 34.18452087325409,
      ttft_p99: 306.2498870212585,
      tpot_mean: 12.386095532566497,
      tpot_median: 11.983104311354,
      tpot_std: 2.71308801574661,
      tpot_p99: 23.441208386891415,
      itl_mean: 11.513655710447507,
      itl_median: 11.463219299912453,
      itl_std: 3.023661457108321,
      itl_p99: 21.981134973466403,
    });
  });

  it('keeps the run settings as text attributes', () => {
    expect({ ...only(parsed).attributes }).toEqual({
      date: '2024-09-17T03:15:33',
      backend: 'vllm',
      tokenizer_id: 'meta-llama/Meta-Llama-3.1-8B-Instruct',
      num_prompts: '200',
      best_of: '1',
      use_beam_search: 'false',
    });
  });
});

describe('vllm bench serve JSON: March 2025, default file name, goodput spelled with a colon', () => {
  let parsed: ParsedResults;
  let result: BenchmarkResult;
  beforeEach(() => {
    parsed = parseFixture(
      'serve/vllm-infqps-concurrency200-Llama-3.1-8B-Instruct-20250312-101502.json',
    );
    result = only(parsed);
  });

  it('builds a readable test name from the fields', () => {
    expect(result).toMatchObject({
      testName: 'serving_Llama-3.1-8B-Instruct_tp1_qps_inf_concurrency_200',
      model: 'meta-llama/Llama-3.1-8B-Instruct',
      tp: 1,
      dataset: null,
      qps: Infinity,
      concurrency: 200,
    });
  });

  it('reads "request_goodput:" as the goodput, and every recorded percentile', () => {
    expect(result.metrics).toMatchObject({
      request_throughput: 28.828767850421375,
      request_goodput: 27.387329457900307,
      elapsed_time: 6.937514674151316,
      ttft_p50: 247.6753635564819,
      ttft_p90: 288.90215431153774,
      ttft_p99: 301.18788017425686,
      tpot_p50: 10.201449185848558,
      tpot_p90: 12.01881210203278,
      tpot_p99: 18.16093204706162,
      itl_p50: 9.728759061545134,
      itl_p90: 10.79313024505973,
      itl_p99: 20.48447238281375,
      e2el_std: 1522.0571634233247,
      e2el_p50: 1846.4120728895068,
      e2el_p90: 4386.016213335097,
      e2el_p99: 6623.41087359935,
    });
  });

  it('leaves mean and median E2E latency alone when P50 confirms the median (2025)', () => {
    expect(result.metrics.e2el_mean).toBe(2145.882316380739);
    expect(result.metrics.e2el_median).toBe(1846.4120728895068);
    expect(parsed.warnings).toEqual([]);
  });

  it('names the vLLM version and the date from --metadata', () => {
    expect(parsed.meta).toEqual({ date: '2025-03-12T10:15:02', vllmVersion: '0.7.3' });
  });
});

describe('vllm bench serve JSON: late 2025, CI’s newest naming, with its .commands file', () => {
  const name = 'serving_llama8B_tp2_random_128_128_qps_4_concurrency_16';

  it('reads alone, taking dataset and lengths from the CI name and TP from --metadata', () => {
    const parsed = parseFixture(`serve/${name}.json`);
    expect(only(parsed)).toMatchObject({
      testName: name,
      model: 'meta-llama/Llama-3.1-8B-Instruct',
      tp: 2,
      gpu: null,
      dataset: 'random',
      qps: 4,
      concurrency: 16,
      inputLen: 128,
      outputLen: 128,
    });
    expect({ ...only(parsed).attributes }).toEqual({
      date: '2025-11-04T22:17:33',
      endpoint_type: 'vllm',
      backend: 'vllm',
      tokenizer_id: 'meta-llama/Llama-3.1-8B-Instruct',
      num_prompts: '16',
      burstiness: '1',
      'compilation_config.mode': '3',
    });
  });

  it('keeps failed requests, the peaks and unknown numbers, never the per-request arrays', () => {
    const { metrics } = only(parseFixture(`serve/${name}.json`));
    expect(metrics).toMatchObject({
      request_throughput: 3.4753813866643704,
      request_goodput: null,
      num_requests: 16,
      failed_requests: 0,
      max_output_tokens_per_s: 1664,
      max_concurrent_requests: 13,
      elapsed_time: 4.603811271302402,
      'x:rtfx': 0,
    });
    const keys = Object.keys(metrics);
    for (const array of ['latencies', 'queue_times']) {
      expect(keys.some((key) => key.includes(array))).toBe(false);
    }
  });

  it('leaves E2E latency alone when the kept latencies confirm it', () => {
    // 16 latencies in the file: mean 1.2160125 s; sorted, the middle two are 1.2126 and 1.2160.
    const parsed = parseFixture(`serve/${name}.json`);
    expect(only(parsed).metrics.e2el_mean).toBeCloseTo(1216.0125, 9);
    expect(only(parsed).metrics.e2el_median).toBeCloseTo(1214.3, 9);
    expect(parsed.warnings).toEqual([]);
  });

  it('merges the .commands file: GPU from gpu_type, dtype from the server command', () => {
    const outcomes = parseFixtures([`serve/${name}.json`, `serve/${name}.commands`]);
    expect([...outcomes.keys()]).toEqual([`${name}.json`]);
    const parsed = parsedOrFail(outcomes.get(`${name}.json`) ?? parseResultsText(''));
    expect(only(parsed).gpu).toEqual({ type: 'H100', count: 8 });
    expect(only(parsed).attributes.dtype).toBe('bfloat16');
    expect(parsed.meta?.date).toBe('2025-11-04T22:17:33');
    expect(Object.keys(parsed.meta?.commands ?? {})).toEqual(['server_command', 'client_command']);
    expect(parsed.meta?.commands?.server_command).toContain('--tensor-parallel-size 2');
  });
});

describe('vllm bench serve JSON: field details', () => {
  it('prefers request_goodput to "request_goodput:" and reads either', () => {
    const colon = parsedOrFail(parseResultsText(serveText({ 'request_goodput:': 3.5 })));
    expect(only(colon).metrics.request_goodput).toBe(3.5);
    const both = parsedOrFail(
      parseResultsText(serveText({ request_goodput: 3.25, 'request_goodput:': 3.5 })),
    );
    expect(only(both).metrics.request_goodput).toBe(3.25);
  });

  it('keeps fractional and unusual percentiles, in order', () => {
    const text = serveText({
      p99_ttft_ms: 30,
      'p99.9_ttft_ms': 41,
      p25_ttft_ms: 12,
      p5_ttft_ms: 9,
    });
    const keys = Object.keys(only(parsedOrFail(parseResultsText(text))).metrics).filter((key) =>
      key.startsWith('ttft_'),
    );
    expect(keys).toEqual(['ttft_p5', 'ttft_p25', 'ttft_p99', 'ttft_p99.9']);
  });

  it('reads the QPS of a finite rate, the concurrency, and metadata TP', () => {
    const text = serveText({ request_rate: 16.0, max_concurrency: 64, tensor_parallel_size: '4' });
    expect(only(parsedOrFail(parseResultsText(text)))).toMatchObject({
      qps: 16,
      concurrency: 64,
      tp: 4,
      testName: 'serving_Llama-3.1-8B-Instruct_tp4_qps_16_concurrency_64',
    });
  });

  it('reads metadata PP and DP, named after TP in the test name when beyond one', () => {
    const text = serveText({
      tensor_parallel_size: '4',
      pipeline_parallel_size: '2',
      data_parallel_size: '2',
    });
    expect(only(parsedOrFail(parseResultsText(text)))).toMatchObject({
      tp: 4,
      pp: 2,
      dp: 2,
      testName: 'serving_Llama-3.1-8B-Instruct_tp4_pp2_dp2_qps_4',
    });
    // DP 1 is one replica: read, but not in the name; and a DP key is not an extra column.
    const one = only(parsedOrFail(parseResultsText(serveText({ tp: 1, dp: 1 }))));
    expect([one.dp, one.testName]).toEqual([1, 'serving_Llama-3.1-8B-Instruct_tp1_qps_4']);
    expect(one.attributes).not.toHaveProperty('dp');
    expect(one.metrics).not.toHaveProperty('dp');
  });

  it('warns when --metadata TP disagrees with the tpN of the CI file name, and shows the metadata', () => {
    const text = serveText({ tensor_parallel_size: '2' });
    const parsed = parsedOrFail(
      parseResultsText(text, 'results/serving_llama8B_tp1_sharegpt_qps_4.json'),
    );
    expect(only(parsed).tp).toBe(2);
    expect(parsed.warnings).toEqual([
      'serving_llama8B_tp1_sharegpt_qps_4: the file says TP 2 but the test name says tp1; TP 2 is shown.',
    ]);
  });

  it('falls back on the default file name for the model, rate and concurrency', () => {
    const text = JSON.stringify({ duration: 10, completed: 40, request_throughput: 4 });
    const parsed = parsedOrFail(
      parseResultsText(
        text,
        'openai-chat-2.5qps-concurrency8-Qwen2.5-7B-Instruct-20250101-000000.json',
      ),
    );
    expect(only(parsed)).toMatchObject({
      testName: 'serving_Qwen2.5-7B-Instruct_qps_2.5_concurrency_8',
      model: 'Qwen2.5-7B-Instruct',
      qps: 2.5,
      concurrency: 8,
    });
    expect(parsed.meta).toEqual({ date: '2025-01-01T00:00:00' });
  });

  it('does not keep nested objects or arrays, and lists no field twice', () => {
    const text = serveText({
      spec_decode_per_position_acceptance_rates: [0.8, 0.6],
      rps_change_events: [{ rps: 1, timestamp: 'x' }],
      extra: { nested: { deeper: 1 } },
    });
    const result = only(parsedOrFail(parseResultsText(text)));
    expect(Object.keys(result.metrics)).toEqual([
      'request_throughput',
      'num_requests',
      'elapsed_time',
    ]);
    expect({ ...result.attributes }).toEqual({ date: '2025-06-01T12:00:00', backend: 'vllm' });
  });

  it('reads a serve object pasted with blank lines and spaces around it', () => {
    const parsed = parsedOrFail(parseResultsText(fixture('traps/pasted-serve-line.txt')));
    expect(parsed.format).toEqual(SERVE_FORMAT);
    expect(only(parsed)).toMatchObject({
      qps: 1,
      metrics: { request_throughput: 1.007293800387217 },
    });
  });
});
