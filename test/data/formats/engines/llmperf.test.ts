// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { parseResultsText } from '../../../../src/data/formats/parse-results';
import { only, parseFixture, parsedOrFail, refusedOrFail } from '../fixtures';
import { expectMetrics } from './expect-metrics';

describe('LLMPerf summary JSON', () => {
  it('reads seconds as ms, completed requests per minute as req/s, its ITL as an extra', () => {
    const parsed = parseFixture('llmperf/meta-llama-Llama-2-7b-chat-hf_550_150_summary.json');
    expect(parsed.format).toEqual({ id: 'llmperf', label: 'LLMPerf summary JSON' });
    expect(parsed.warnings).toEqual([]);
    expect(parsed.meta?.date).toBe('2024-03-01T00:00:00'); // timestamp 1709251200
    const result = only(parsed);
    expect(result.engine).toBeNull();
    expect(result.model).toBe('meta-llama/Llama-2-7b-chat-hf');
    // 10 concurrent requests in a closed loop: no rate.
    expect([result.qps, result.concurrency]).toEqual([Infinity, 10]);
    expect(result.testName).toBe('serving_Llama-2-7b-chat-hf_qps_inf_concurrency_10');
    expect([result.inputLen, result.outputLen]).toEqual([550, 150]);
    expectMetrics(result.metrics, {
      // 0.2523 s × 1000 = 252.3 ms, and so on
      ttft_mean: 252.3,
      ttft_median: 241,
      ttft_std: 61,
      ttft_p90: 331.2,
      ttft_p95: 360.1,
      ttft_p99: 423.7,
      e2el_mean: 4208.1,
      e2el_median: 4150.2,
      e2el_std: 502.3,
      e2el_p90: 4881.1,
      e2el_p95: 5030.7,
      e2el_p99: 5441.9,
      'x:LLMPerf ITL (≈ E2E ÷ tokens) mean (ms)': 27.41,
      'x:LLMPerf ITL (≈ E2E ÷ tokens) median (ms)': 27.1,
      'x:LLMPerf ITL (≈ E2E ÷ tokens) std (ms)': 2.1,
      'x:LLMPerf ITL (≈ E2E ÷ tokens) P90 (ms)': 30.1,
      'x:LLMPerf ITL (≈ E2E ÷ tokens) P95 (ms)': 31.1,
      'x:LLMPerf ITL (≈ E2E ÷ tokens) P99 (ms)': 33.4,
      request_throughput: 2.38, // 142.8 req/min ÷ 60
      output_throughput: 360.5,
      num_requests: 150,
      failed_requests: 0,
      'x:Error rate mean (fraction)': 0,
    });
    const sources = parsed.meta?.sources ?? {};
    expect(sources.request_throughput).toBe(
      'results_num_completed_requests_per_min ÷ 60 (req/min → req/s)',
    );
    expect(sources.ttft_median).toBe('results_ttft_s_quantiles_p50 × 1000 (s → ms)');
  });

  it('says what it recognised when the results hold no latency or throughput', () => {
    const text = JSON.stringify({ version: '2023-08-31', results_error_rate: 1, model: 'm' });
    const error = refusedOrFail(parseResultsText(text, 'm_550_150_summary.json'));
    expect(error.kind).toBe('no-rows');
    expect(error.message).toBe(
      'This is an LLMPerf summary without any latency or throughput in its results.',
    );
  });

  it('is known by its version together with a results_ key, neither alone', () => {
    const refusedAs = (value: unknown) =>
      refusedOrFail(parseResultsText(JSON.stringify(value), 'm_550_150_summary.json')).kind;
    // results_ keys under another version, or none, are no LLMPerf summary.
    expect(refusedAs({ version: '2024-01-01', results_ttft_s_mean: 0.25 })).toBe('not-results');
    expect(refusedAs({ results_ttft_s_mean: 0.25, model: 'm' })).toBe('not-results');
    // Its version without any results.
    expect(refusedAs({ version: '2023-08-31', model: 'm', num_concurrent_requests: 4 })).toBe(
      'not-results',
    );
    const parsed = parsedOrFail(
      parseResultsText(
        JSON.stringify({ version: '2023-08-31', results_ttft_s_mean: 0.25 }),
        'm_550_150_summary.json',
      ),
    );
    expect(parsed.format.id).toBe('llmperf');
    expect({ ...only(parsed).metrics }).toEqual({ ttft_mean: 250 }); // 0.25 s = 250 ms
  });
});
