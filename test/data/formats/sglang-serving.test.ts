// @vitest-environment node
import { beforeEach, describe, expect, it } from 'vitest';
import type { BenchmarkResult, ParsedResults } from '../../../src/data/results/result-model';
import { parseResultsText } from '../../../src/data/formats/parse-results';
import { fixture, named, parseFixture, parsedOrFail, refusedOrFail } from './fixtures';

const SWEEP = 'sglang/sglang_1205_200_512_256.jsonl';
const INF_16 = 'serving_Llama-3.1-8B-Instruct_tp2_random_qps_inf_concurrency_16';
const QPS_4 = 'serving_Llama-3.1-8B-Instruct_tp2_random_qps_4';
const QPS_16 = 'serving_Llama-3.1-8B-Instruct_tp2_random_qps_16';

describe('SGLang bench_serving JSONL: a rate sweep, one run per line', () => {
  // Read in each test, not once for the file: a mutation run changes the code per test.
  let parsed: ParsedResults;
  beforeEach(() => {
    parsed = parseFixture(SWEEP);
  });

  it('is labelled SGLang’s, not vllm bench serve’s', () => {
    expect(parsed.format).toEqual({
      id: 'sglang-bench-serving',
      label: 'SGLang bench_serving JSONL',
    });
  });

  it('names each run by its rate and its concurrency cap', () => {
    expect(
      parsed.results.map((result) => [result.testName, result.qps, result.concurrency]),
    ).toEqual([
      // request_rate Infinity (bare token, Python's float("inf")), max_concurrency 16
      [INF_16, Infinity, 16],
      [QPS_4, 4, null],
      [QPS_16, 16, null],
    ]);
  });

  it('takes model and TP from the server info, the engine from the backend', () => {
    const run = named(parsed, QPS_4);
    expect(run.model).toBe('meta-llama/Llama-3.1-8B-Instruct');
    expect(run.tp).toBe(2);
    expect(run.dp).toBe(1); // server_info.dp_size
    expect(run.engine).toBe('SGLang');
    expect(run.dataset).toBe('random');
    // dataset random: random_input_len 512, random_output_len 256 are the requests' lengths
    expect([run.inputLen, run.outputLen]).toEqual([512, 256]);
    expect(run.attributes).toMatchObject({ backend: 'sglang', tag: 'h100-sweep' });
  });

  it('maps SGLang’s keys onto the dashboard’s metrics', () => {
    expect(named(parsed, INF_16).metrics).toMatchObject({
      // 200 requests ÷ 20.0 s = 10 req/s
      request_throughput: 10,
      // 102400 input tokens ÷ 20.0 s = 5120 tok/s
      input_throughput: 5120,
      // 51200 output tokens ÷ 20.0 s = 2560 tok/s
      output_throughput: 2560,
      // total_throughput: (102400 + 51200) ÷ 20.0 s = 7680 tok/s
      total_token_throughput: 7680,
      total_input_tokens: 102400,
      total_output_tokens: 51200,
      num_requests: 200,
      elapsed_time: 20,
      ttft_median: 80.1,
      ttft_p99: 130.7,
      itl_p95: 7.4,
      e2el_mean: 1590.5,
      e2el_median: 1585,
      e2el_p99: 1660.3,
    });
  });

  it('keeps the measured concurrency as an extra metric, never as the cap', () => {
    // 200 requests × 1.5905 s mean latency ÷ 20.0 s = 15.905 in flight on average
    expect(named(parsed, INF_16).metrics['x:concurrency']).toBe(15.905);
    // 200 × 1.420 s ÷ 50.0 s = 5.68; the run had no cap
    expect(named(parsed, QPS_4).metrics['x:concurrency']).toBe(5.68);
    expect(named(parsed, QPS_4).concurrency).toBeNull();
  });

  it('says where the renamed metrics were read', () => {
    expect(parsed.meta?.sources).toMatchObject({
      total_token_throughput: 'total_throughput',
      total_input_tokens: 'total_input',
      e2el_median: 'median_e2e_latency_ms',
      e2el_p99: 'p99_e2e_latency_ms',
    });
    expect(parsed.meta?.sources?.['x:concurrency']).toContain('not the max_concurrency cap');
  });

  it('shows the run where no request completed as failed, its metrics missing, not 0', () => {
    const failed = named(parsed, QPS_16);
    expect(failed.metrics).toMatchObject({
      num_requests: 0,
      elapsed_time: 2.5,
      request_throughput: null,
      output_throughput: null,
      ttft_mean: null,
      e2el_mean: null,
    });
    expect(parsed.warnings).toEqual([
      `${QPS_16}: no request completed: a failed run, its throughput and latencies shown as missing, not 0.`,
    ]);
  });
});

describe('SGLang bench_serving, an older run against a vLLM server on ShareGPT', () => {
  // Read in each test, not once for the file: a mutation run changes the code per test.
  let parsed: ParsedResults;
  let run: BenchmarkResult | undefined;
  beforeEach(() => {
    parsed = parseFixture('sglang/vllm_1118_1000_sharegpt.jsonl');
    run = parsed.results[0];
  });

  it('reads the one-line file as a single SGLang result', () => {
    expect(parsed.format).toEqual({
      id: 'sglang-bench-serving',
      label: 'SGLang bench_serving JSON',
    });
    expect(parsed.results).toHaveLength(1);
    expect(run?.testName).toBe('serving_sharegpt_qps_8');
  });

  it('names vLLM as the engine: the client spoke to a vLLM server', () => {
    expect(run?.engine).toBe('vLLM');
  });

  it('does not take the random dataset’s default lengths for a ShareGPT run', () => {
    // random_input_len / random_output_len 1024 are argparse defaults written for every run
    expect([run?.inputLen, run?.outputLen]).toEqual([null, null]);
  });

  it('reads the older key names', () => {
    expect(run?.metrics).toMatchObject({
      // 1000 requests ÷ 125.0 s = 8 req/s
      request_throughput: 8,
      // 226000 ÷ 125.0 = 1808 tok/s, 195000 ÷ 125.0 = 1560 tok/s
      input_throughput: 1808,
      output_throughput: 1560,
      total_input_tokens: 226000,
      total_output_tokens: 195000,
      e2el_mean: 2950,
      // 1000 × 2.950 s ÷ 125.0 s = 23.6
      'x:concurrency': 23.6,
    });
  });
});

describe('SGLang bench_serving, single values', () => {
  const run = (fields: string): string =>
    `{"backend": "sglang-oai", "dataset_name": "sharegpt", ${fields}, "duration": 10.0, "completed": 50, "request_throughput": 5.0, "total_throughput": 900.0, "mean_e2e_latency_ms": 400.0}`;

  it('reads request_rate "inf" as infinite', () => {
    const parsed = parsedOrFail(
      parseResultsText(run('"request_rate": "inf", "max_concurrency": 8')),
    );
    expect(parsed.results[0]?.qps).toBe(Infinity);
    expect(parsed.results[0]?.testName).toBe('serving_sharegpt_qps_inf_concurrency_8');
    expect(parsed.results[0]?.engine).toBe('SGLang');
  });

  it('lets a framework key override the backend, and knows no engine for an unknown client', () => {
    const vllm = parsedOrFail(parseResultsText(run('"request_rate": 2, "framework": "vllm"')));
    expect(vllm.results[0]?.engine).toBe('vLLM');
    const sgl = parsedOrFail(
      parseResultsText(run('"request_rate": 2, "framework": "sgl"').replace('sglang-oai', 'vllm')),
    );
    expect(sgl.results[0]?.engine).toBe('SGLang');
    const unknown = parsedOrFail(
      parseResultsText(run('"request_rate": 2').replace('sglang-oai', 'gserver')),
    );
    expect(unknown.results[0]?.engine).toBeNull();
  });

  it('refuses a run without any throughput or latency metric, saying what it recognised', () => {
    const error = refusedOrFail(
      parseResultsText('{"backend": "sglang", "total_throughput": null, "completed": 3}'),
    );
    expect(error.kind).toBe('no-rows');
    expect(error.message).toContain('SGLang bench_serving file without any throughput or latency');
  });

  it('reads the same lines as JSON Lines when the file is a whole list instead', () => {
    const lines = fixture(SWEEP).trim().split('\n');
    const list = parsedOrFail(parseResultsText(`[${lines.join(',\n')}]`));
    expect(list.format.id).toBe('sglang-bench-serving');
    expect(list.results.map((result) => result.testName)).toEqual([INF_16, QPS_4, QPS_16]);
  });

  it('takes the served model name when the server info has no model path', () => {
    const line = fixture(SWEEP).trim().split('\n')[1] ?? '';
    const value = JSON.parse(line) as { server_info: Record<string, unknown> };
    delete value.server_info.model_path;
    value.server_info.served_model_name = 'llama-8b-served';
    const parsed = parsedOrFail(parseResultsText(JSON.stringify(value)));
    expect(parsed.results[0]?.model).toBe('llama-8b-served');
  });

  it('names a list item that is no run by its place', () => {
    const lines = fixture(SWEEP).trim().split('\n');
    const list = parsedOrFail(parseResultsText(`[${lines[1] ?? ''}, 7, ${lines[2] ?? ''}]`));
    expect(list.format.id).toBe('sglang-bench-serving');
    expect(list.results).toHaveLength(2);
    expect(list.warnings.join(' ')).toContain('item 2');
  });

  it('says what to check when no run has a metric', () => {
    const error = refusedOrFail(
      parseResultsText('{"backend": "sglang", "total_throughput": null, "completed": 3}'),
    );
    expect(error.hint).toBe(
      'bench_serving writes them for every run it finishes; check that the file was saved completely.',
    );
  });
});
