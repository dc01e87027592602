// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { parseResultsText } from '../../../../src/data/formats/parse-results';
import { fixture, only, parseFixture, refusedOrFail } from '../fixtures';
import { expectMetrics } from './expect-metrics';

describe('AIPerf profile export JSON', () => {
  it('reads latencies in their stated unit, inter_token_latency as TPOT and inter_chunk_latency as ITL', () => {
    const parsed = parseFixture('aiperf/profile_export_aiperf.json');
    expect(parsed.format).toEqual({ id: 'aiperf', label: 'AIPerf profile export JSON' });
    expect(parsed.warnings).toEqual([]);
    const result = only(parsed);
    expect(result.suite).toBe('serving');
    expect(result.engine).toBeNull();
    expect(result.model).toBe('Qwen/Qwen3-32B');
    // loadgen.concurrency 32 without a request rate: unbounded rate, 32 in flight.
    expect([result.qps, result.concurrency]).toEqual([Infinity, 32]);
    expect(result.testName).toBe('serving_Qwen3-32B_qps_inf_concurrency_32');
    // input_sequence_length.avg 1023.7 → 1024 tokens; output 256.
    expect([result.inputLen, result.outputLen]).toEqual([1024, 256]);
    // Two telemetry GPUs named "NVIDIA H200".
    expect(result.gpu).toEqual({ type: 'H200', count: 2 });
    expect(parsed.meta?.date).toBe('2025-10-14T09:12:03');
    expectMetrics(result.metrics, {
      ttft_mean: 152.3,
      ttft_median: 140.6,
      ttft_std: 70.4,
      ttft_p90: 240.8,
      ttft_p95: 281.5,
      ttft_p99: 402.2,
      tpot_mean: 9.21,
      tpot_median: 9.05,
      tpot_std: 0.9,
      tpot_p90: 10.4,
      tpot_p95: 10.9,
      tpot_p99: 12.1,
      itl_mean: 9.1,
      itl_median: 8.8,
      itl_std: 2.7,
      itl_p90: 11.2,
      itl_p95: 12.6,
      itl_p99: 18.4,
      e2el_mean: 2480.4,
      e2el_median: 2461.8,
      e2el_std: 310.7,
      e2el_p90: 2950.6,
      e2el_p95: 3080.2,
      e2el_p99: 3312.9,
      request_throughput: 12.5,
      output_throughput: 3200,
      'x:Output throughput per user mean (tok/s)': 108.6,
      num_requests: 1500,
      failed_requests: 3,
      total_input_tokens: 1535550,
      total_output_tokens: 384000,
      elapsed_time: 120,
      // (1,535,550 + 384,000) tokens ÷ 120 s = 1,919,550 ÷ 120 = 15,996.25 tok/s
      total_token_throughput: 15996.25,
    });
    const sources = parsed.meta?.sources ?? {};
    expect(sources.tpot_median).toBe(
      'inter_token_latency.p50 (per request (E2E − TTFT) ÷ (OSL − 1): TPOT)',
    );
    expect(sources.total_token_throughput).toBe(
      '(total_isl.avg + total_osl.avg) ÷ benchmark_duration.avg',
    );
    expect(sources.elapsed_time).toBe('benchmark_duration.avg');
  });

  it('converts a latency written in seconds and leaves out one in an unknown unit, saying so', () => {
    const text = fixture('aiperf/profile_export_aiperf.json')
      .replace('"unit": "ms",\n    "avg": 152.3', '"unit": "s",\n    "avg": 0.1523')
      .replace('"unit": "ms",\n    "avg": 9.1,', '"unit": "furlongs",\n    "avg": 9.1,');
    const parsed = parsedOf(text);
    const metrics = only(parsed).metrics;
    expect(metrics.ttft_mean).toBeCloseTo(152.3, 9); // 0.1523 s × 1000 = 152.3 ms
    expect(parsed.meta?.sources?.ttft_mean).toBe('time_to_first_token.avg × 1000 (s → ms)');
    expect(metrics.itl_mean).toBeUndefined();
    expect(parsed.warnings).toEqual([
      'inter_chunk_latency is in "furlongs", not a unit it can be: it was left out.',
    ]);
  });

  it('says what it recognised when an export holds no latency or throughput', () => {
    const text = JSON.stringify({
      aiperf_version: '0.3.0',
      request_count: { unit: 'requests', avg: 0 },
      request_throughput: { unit: 'parsecs', avg: 1 },
      input_config: { loadgen: { concurrency: 1 } },
    });
    const error = refusedOrFail(parseResultsText(text, 'profile_export_aiperf.json'));
    expect(error.kind).toBe('no-rows');
    expect(error.message).toBe(
      'This is an AIPerf export without any latency or throughput metric.',
    );
  });
});

describe('GenAI-Perf profile export JSON', () => {
  it('reads the flat input_config: model list, request rate; the per-request throughput as an extra', () => {
    const parsed = parseFixture('aiperf/profile_export_genai_perf.json');
    expect(parsed.format).toEqual({ id: 'genai-perf', label: 'GenAI-Perf profile export JSON' });
    const result = only(parsed);
    expect(result.engine).toBeNull();
    expect(result.model).toBe('meta-llama/Llama-3.1-8B-Instruct');
    expect([result.qps, result.concurrency]).toEqual([4, null]);
    expect(result.testName).toBe('serving_Llama-3.1-8B-Instruct_qps_4');
    expect([result.inputLen, result.outputLen]).toEqual([550, 200]); // 550.2 rounds to 550
    expect(parsed.meta?.date).toBeUndefined();
    expectMetrics(result.metrics, {
      request_throughput: 4.2,
      output_throughput: 840,
      'x:Output throughput per user mean (tok/s)': 53.7,
      e2el_mean: 3810.5,
      e2el_median: 3790.2,
      e2el_std: 420.6,
      e2el_p90: 4601.3,
      e2el_p95: 4890.1,
      e2el_p99: 5120.4,
      ttft_mean: 45.3,
      ttft_median: 41.7,
      ttft_std: 15.2,
      ttft_p90: 70.4,
      ttft_p95: 80.1,
      ttft_p99: 98.2,
      tpot_mean: 18.6,
      tpot_median: 18.4,
      tpot_std: 1.9,
      tpot_p90: 21.0,
      tpot_p95: 22.3,
      tpot_p99: 24.9,
    });
  });
});

describe('AIPerf goodput', () => {
  it('is read as request goodput under AIPerf’s and GenAI-Perf’s names', () => {
    const value = JSON.parse(fixture('aiperf/profile_export_aiperf.json')) as Record<
      string,
      unknown
    >;
    const goodputOf = (key: string): number | null | undefined => {
      const text = JSON.stringify({ ...value, [key]: { unit: 'requests/sec', avg: 7.5 } });
      return only(parsedOf(text)).metrics.request_goodput;
    };
    expect(goodputOf('goodput')).toBe(7.5);
    expect(goodputOf('request_goodput')).toBe(7.5);
  });
});

function parsedOf(text: string) {
  const outcome = parseResultsText(text, 'profile_export_aiperf.json');
  if (!outcome.ok) throw new Error(outcome.error.message);
  return outcome.value;
}
