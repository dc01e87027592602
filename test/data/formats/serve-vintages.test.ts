// @vitest-environment node
import { beforeEach, describe, expect, it } from 'vitest';
import { parseResultsText } from '../../../src/data/formats/parse-results';
import type { BenchmarkResult, ParsedResults } from '../../../src/data/results/result-model';
import { named, parseFixture, parsedOrFail } from './fixtures';

describe('a serve summary in seconds, without the _ms suffix', () => {
  // Read in each test, not once for the file: a mutation run changes the code per test.
  let parsed: ParsedResults;
  let run: BenchmarkResult | undefined;
  beforeEach(() => {
    parsed = parseFixture('serve/Qwen3-8B-seconds-summary.json');
    run = parsed.results[0];
  });

  it('reads the statistics as milliseconds, not as unit-less extra columns', () => {
    expect(run?.metrics.ttft_mean).toBeCloseTo(61.1, 9); // 0.0611 s × 1000 = 61.1 ms
    expect(run?.metrics.ttft_median).toBeCloseTo(52.3, 9); // 0.0523 s × 1000 = 52.3 ms
    expect(run?.metrics.ttft_p99).toBeCloseTo(110.4, 9); // 0.1104 s × 1000 = 110.4 ms
    expect(run?.metrics.tpot_median).toBeCloseTo(12.1, 9); // 0.0121 s × 1000 = 12.1 ms
    expect(run?.metrics.e2el_p99).toBeCloseTo(2315, 9); // 2.315 s × 1000 = 2315 ms
    expect(Object.keys(run?.metrics ?? {}).filter((key) => key.startsWith('x:'))).toEqual([]);
  });

  it('prefers the _ms key when a file has both', () => {
    // median_itl_ms 11.8 beside median_itl 0.0999 s
    expect(run?.metrics.itl_median).toBe(11.8);
  });

  it('notes each conversion in the sources', () => {
    expect(parsed.meta?.sources).toEqual({
      ttft_mean: 'mean_ttft × 1000 (s → ms)',
      ttft_median: 'median_ttft × 1000 (s → ms)',
      ttft_p99: 'p99_ttft × 1000 (s → ms)',
      tpot_median: 'median_tpot × 1000 (s → ms)',
      e2el_p99: 'p99_e2el × 1000 (s → ms)',
    });
  });
});

describe('JSON lines saved as .json: a warm-up first, then two engines’ runs', () => {
  let parsed: ParsedResults;
  beforeEach(() => {
    parsed = parseFixture('serve/llama8b-tp4-two-engines.json');
  });
  const VLLM_RUN = 'serving_Llama-3.1-8B-Instruct_tp4_random_qps_inf';
  const SGL_RUN = 'serving_Llama-3.1-8B-Instruct_tp4_random_qps_16';

  it('leaves the warm-up out, with a warning saying so', () => {
    expect(parsed.results.map((result) => result.testName)).toEqual([VLLM_RUN, SGL_RUN]);
    expect(parsed.warnings).toEqual([
      'Left out line 1: a warm-up record ("type": "warmup"), not a measured run.',
    ]);
  });

  it('tells the engines apart by the framework key', () => {
    expect(named(parsed, VLLM_RUN).engine).toBe('vLLM');
    expect(named(parsed, SGL_RUN).engine).toBe('SGLang');
  });

  it('reads --metadata values written as strings as numbers', () => {
    // "tensor_parallel_size": "4", "input_len": "100", "output_len": "200"
    const run = named(parsed, SGL_RUN);
    expect([run.tp, run.inputLen, run.outputLen]).toEqual([4, 100, 200]);
  });

  it('reads request_rate "inf" and 16.0', () => {
    expect(named(parsed, VLLM_RUN).qps).toBe(Infinity);
    expect(named(parsed, SGL_RUN).qps).toBe(16);
  });

  it('keeps dotted and extra percentiles', () => {
    expect(named(parsed, VLLM_RUN).metrics).toMatchObject({
      'ttft_p99.9': 161.7,
      itl_p90: 8.4,
      itl_p99: 10.6,
    });
  });
});

describe('a serve file with per-request arrays and speculative decoding', () => {
  let parsed: ParsedResults;
  let metrics: BenchmarkResult['metrics'];
  beforeEach(() => {
    parsed = parseFixture(
      'serve/vllm-infqps-concurrency4-Llama-3.1-8B-Instruct-20251002-141500.json',
    );
    metrics = parsed.results[0]?.metrics ?? {};
  });

  it('computes the E2E latency the summary lacks from latencies, failed requests left out', () => {
    // errors: request 4 failed ("Connection reset by peer"); latencies of the others 0.15,
    // 0.27, 0.16 s. Mean (0.15 + 0.27 + 0.16) ÷ 3 = 0.19333 s; median 0.16 s;
    // std √((0.04333² + 0.07667² + 0.03333²) ÷ 3) = 0.054365 s; p99: rank 2 × 0.99 = 1.98,
    // 0.16 + (0.27 − 0.16) × 0.98 = 0.2678 s. Each × 1000 for ms.
    expect(metrics.e2el_mean).toBeCloseTo(193.333, 3);
    expect(metrics.e2el_median).toBeCloseTo(160, 9);
    expect(metrics.e2el_std).toBeCloseTo(54.365, 3);
    expect(metrics.e2el_p99).toBeCloseTo(267.8, 9);
    expect(parsed.meta?.sources?.e2el_median).toBe(
      'median of latencies × 1000 (s → ms), n = 3 requests (1 failed left out)',
    );
  });

  it('computes ITL from the chunk gaps of the successful requests', () => {
    // gaps 0.01, 0.01, 0.012, 0.008, 0.011 s: mean 0.051 ÷ 5 = 0.0102 s; median 0.01 s;
    // p99: rank 4 × 0.99 = 3.96, 0.011 + 0.001 × 0.96 = 0.01196 s;
    // std √((0.0022² + 0.0002² + 0.0002² + 0.0008² + 0.0018²) ÷ 5) = √(8.8e-6 ÷ 5) = 0.0013266 s
    expect(metrics.itl_mean).toBeCloseTo(10.2, 9);
    expect(metrics.itl_median).toBeCloseTo(10, 9);
    expect(metrics.itl_p99).toBeCloseTo(11.96, 9);
    expect(metrics.itl_std).toBeCloseTo(1.3266, 4);
    expect(parsed.meta?.sources?.itl_mean).toBe(
      'mean of itls × 1000 (s → ms), n = 5 chunk gaps of 3 requests',
    );
  });

  it('keeps the statistics the summary has, not recomputed', () => {
    expect(metrics).toMatchObject({ ttft_mean: 60, ttft_p99: 69.8, tpot_mean: 10 });
    expect(parsed.meta?.sources?.ttft_mean).toBeUndefined();
  });

  it('keeps the speculative-decoding results as extras with readable names and units', () => {
    expect(metrics).toMatchObject({
      // 75 accepted ÷ 120 draft tokens = 62.5 %
      'x:Spec decode acceptance rate (%)': 62.5,
      // 1 + 75 accepted ÷ 40 drafts = 2.875 tokens per step
      'x:Spec decode acceptance length (tokens/step)': 2.875,
      'x:Spec decode drafts': 40,
      'x:Spec decode draft tokens (tokens)': 120,
      'x:Spec decode accepted tokens (tokens)': 75,
    });
    expect(parsed.meta?.sources?.['x:Spec decode acceptance rate (%)']).toBe(
      'spec_decode_acceptance_rate',
    );
  });

  it('computes TPOT per request from latency, TTFT and output length when not summarised', () => {
    const text = JSON.stringify({
      request_throughput: 2,
      completed: 2,
      duration: 1,
      ttfts: [0.05, 0.1],
      latencies: [0.15, 0.5],
      output_lens: [11, 21],
    });
    const run = parsedOrFail(parseResultsText(text)).results[0];
    // (0.15 − 0.05) ÷ (11 − 1) = 0.01 s and (0.5 − 0.1) ÷ (21 − 1) = 0.02 s: mean 15 ms
    expect(run?.metrics.tpot_mean).toBeCloseTo(15, 9);
    expect(run?.metrics.tpot_median).toBeCloseTo(15, 9);
    // Without errors, no request is known to have failed: a time of 0 would be one.
    expect(run?.metrics.ttft_mean).toBeCloseTo(75, 9); // (0.05 + 0.1) ÷ 2 × 1000
  });
});
