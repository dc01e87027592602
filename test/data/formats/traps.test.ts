// @vitest-environment node
/**
 * One test per trap in the list of result-file traps: each reads a fixture that holds the trap
 * and checks the value a person should see, worked out by hand from the fixture.
 */
import { describe, expect, it } from 'vitest';
import { parseResultsText } from '../../../src/data/formats/parse-results';
import { fixture, named, only, parseFixture, parseFixtures, parsedOrFail } from './fixtures';

const SERVE_70B = 'serve/serving_llama70B_tp4_sharegpt_qps_inf';

describe('the traps of result files', () => {
  it('NaN and Infinity tokens are missing values, never 0', () => {
    // std_ttft_ms is NaN and mean_tpot_ms is Infinity in the file, written bare by json.dumps.
    const { metrics } = only(parseFixture(`${SERVE_70B}.json`));
    expect(metrics.ttft_std).toBeNull();
    expect(metrics.tpot_mean).toBeNull();
    expect(metrics.tpot_median).toBe(47.21005316339542);
    // V6's embedded JSON writes the empty Input Len of ShareGPT rows as a bare NaN.
    const page = parseFixture('markdown/benchmark_results-v6.md');
    expect(named(page, 'serving_llama8B_tp1_sharegpt_qps_inf_concurrency_200').inputLen).toBeNull();
  });

  it('"inf" strings are an infinite QPS (serve JSON, records, PyTorch args)', () => {
    expect(only(parseFixture('serve/serving_llama8B_tp1_sharegpt_qps_inf.json')).qps).toBe(
      Infinity,
    );
    const records = parseFixture('records/benchmark_results-v6.json');
    expect(named(records, 'serving_llama8B_tp1_sharegpt_qps_inf_concurrency_200').qps).toBe(
      Infinity,
    );
    expect(
      only(parseFixture('pytorch/serving_llama8B_tp1_sharegpt_qps_inf.pytorch.json')).qps,
    ).toBe(Infinity);
  });

  it('seconds become ms (latency JSON, V1/V2 tables), ms stay ms', () => {
    // avg_latency 1.04695333… s; the V2 page's Average latency 1.04691 s.
    expect(only(parseFixture('latency/latency_llama8B_tp1.json')).metrics.latency_mean).toBeCloseTo(
      1046.9533333333334,
      9,
    );
    const v2 = parseFixture('markdown/benchmark_results-v2.md');
    expect(named(v2, 'latency_llama8B_tp1').metrics.latency_mean).toBeCloseTo(1046.91, 9);
    const v5 = parseFixture('records/benchmark_results-v5.json');
    expect(named(v5, 'latency_llama8B_tp1').metrics.latency_mean).toBe(1046.9095210234325);
  });

  it('bare Median and P99 headers belong to the metric on their left', () => {
    const v5 = parseFixture('records/benchmark_results-v5.json');
    expect(named(v5, 'serving_llama8B_tp1_sharegpt_qps_1').metrics).toMatchObject({
      tpot_mean: 8.212031338751435,
      tpot_median: 8.178497694716603,
      tpot_p99: 9.056118922510045,
    });
  });

  it('repeated header names: tables keep them all, JSON keys kept the last values once', () => {
    const page = parseFixture('markdown/benchmark_results-v2.md');
    expect(named(page, 'serving_llama8B_tp1_sharegpt_qps_4').metrics).toMatchObject({
      ttft_median: 15.9192,
      tpot_median: 8.44342,
      itl_median: 8.39612,
    });
    const records = parseFixture('records/benchmark_results-v2-deduplicated.json');
    const { metrics } = named(records, 'serving_llama8B_tp1_sharegpt_qps_4');
    expect(metrics.itl_median).toBe(8.396124467253685);
    expect(metrics.ttft_median).toBeUndefined();
  });

  it('multi-line GPU cells are one GPU list, counted', () => {
    const page = parseFixture('markdown/benchmark_results-v2.md');
    expect(named(page, 'throughput_llama8B_tp1').gpu).toEqual({ type: 'H100', count: 2 });
  });

  it('8xH100, a newline list and full device names all mean 8 × H100', () => {
    const parsed = parseFixture('traps/records-gpu-spellings.json');
    expect(parsed.results.map((result) => result.gpu)).toEqual(
      Array.from({ length: 4 }, () => ({ type: 'H100', count: 8 })),
    );
  });

  it('explicit TP beats the tpN of the name, with a warning naming the test', () => {
    const outcomes = parseFixtures([`${SERVE_70B}.json`, `${SERVE_70B}.commands`]);
    const parsed = parsedOrFail(
      outcomes.get('serving_llama70B_tp4_sharegpt_qps_inf.json') ?? parseResultsText(''),
    );
    expect(only(parsed).tp).toBe(1);
    expect(parsed.warnings[0]).toContain('serving_llama70B_tp4_sharegpt_qps_inf');
  });

  it('integers written as floats are integers', () => {
    const { metrics } = only(parseFixture(`${SERVE_70B}.json`));
    expect(metrics.num_requests).toBe(200);
    expect(metrics.total_output_tokens).toBe(40183);
    const wrapped = parseFixture('records/benchmark_results-wrapped.json');
    expect(named(wrapped, 'throughput_llama8B_tp1').metrics.num_requests).toBe(200);
  });

  it('"request_goodput:" with its trailing colon is the goodput', () => {
    const parsed = parseFixture(
      'serve/vllm-infqps-concurrency200-Llama-3.1-8B-Instruct-20250312-101502.json',
    );
    // 190 good requests in 200 / 28.828767850421375 s.
    expect(only(parsed).metrics.request_goodput).toBe(27.387329457900307);
  });

  it('late-2024 swapped mean and median E2E latency are put back, with a warning', () => {
    const parsed = parseFixture(
      'serve/vllm-4.0qps-Meta-Llama-3.1-8B-Instruct-20241105-140312.json',
    );
    expect(only(parsed).metrics.e2el_mean).toBe(1742.3106848076172);
    expect(only(parsed).metrics.e2el_median).toBe(1468.9547010315582);
    expect(parsed.warnings).toHaveLength(1);
  });

  it('a mixed-suite records list is told apart by test name prefix and keys', () => {
    const parsed = parseFixture('traps/records-mixed-suites-bad-rows.json');
    expect(parsed.results.map((result) => result.suite).sort()).toEqual([
      'latency',
      'serving',
      'serving',
      'throughput',
    ]);
  });

  it('unsorted rows keep their values, whatever their order', () => {
    const parsed = parseFixture('records/benchmark_results-v4-unsorted.json');
    expect(named(parsed, 'serving_llama8B_tp1_sharegpt_qps_1').metrics.ttft_p99).toBe(
      35.843759244307876,
    );
    expect(named(parsed, 'serving_llama8B_tp1_sharegpt_qps_inf').metrics.ttft_p99).toBe(
      306.2498870212585,
    );
  });

  it('pasted fragments: a serve JSON line, one table, one record', () => {
    expect(
      parsedOrFail(parseResultsText(fixture('traps/pasted-serve-line.txt'))).results,
    ).toHaveLength(1);
    expect(parseFixture('markdown/pasted-v6-serving-table.md').results).toHaveLength(2);
    const row = JSON.stringify({
      'Test name': 'throughput_llama8B_tp1',
      GPU: '8xH100',
      'Tput (req/s)': 21.620062820024827,
    });
    const parsed = parsedOrFail(parseResultsText(`  ${row}\n`));
    expect(parsed.format.label).toBe('vLLM records JSON');
    expect(only(parsed)).toMatchObject({
      suite: 'throughput',
      gpu: { type: 'H100', count: 8 },
      metrics: { request_throughput: 21.620062820024827 },
    });
  });
});
