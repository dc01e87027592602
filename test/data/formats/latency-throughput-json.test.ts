// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { parseResultsText } from '../../../src/data/formats/parse-results';
import { only, parseFixture, parseFixtures, parsedOrFail } from './fixtures';

/**
 * The latency fixture holds 15 iterations around 1.0469 s (the seed's 8×H100 latency_llama8B_tp1).
 * Sorted: 1.0464, 1.0465, 1.0466, 1.0466, 1.0467, 1.0468, 1.0468, 1.0469, 1.0469, 1.0470, 1.0471,
 * 1.0471, 1.0472, 1.0474, 1.0483; their sum is 15.7043, so the mean is 1.04695333… s.
 */
const LATENCY_MS = {
  latency_mean: 1046.9533333333334,
  latency_median: 1046.9,
  latency_std: 0.44701478971308245,
  latency_p10: 1046.54,
  latency_p25: 1046.65,
  latency_p75: 1047.1,
  latency_p90: 1047.32,
  latency_p99: 1048.174,
};

function expectCloseMetrics(
  metrics: Readonly<Record<string, number | null>>,
  expected: Readonly<Record<string, number>>,
): void {
  expect(Object.keys(metrics).sort()).toEqual(Object.keys(expected).sort());
  for (const [key, value] of Object.entries(expected)) {
    expect(metrics[key], key).toBeCloseTo(value, 9);
  }
}

describe('vllm bench latency JSON', () => {
  it('turns seconds into ms: avg → mean, 50 → median, the other percentiles by number, std', () => {
    const parsed = parseFixture('latency/latency_llama8B_tp1.json');
    expect(parsed.format).toEqual({ id: 'vllm-latency-json', label: 'vllm bench latency JSON' });
    expect(parsed.warnings).toEqual([]);
    expectCloseMetrics(only(parsed).metrics, LATENCY_MS);
    expect(Object.keys(only(parsed).metrics)).toEqual([
      'latency_mean',
      'latency_median',
      'latency_std',
      'latency_p10',
      'latency_p25',
      'latency_p75',
      'latency_p90',
      'latency_p99',
    ]);
  });

  it('takes model and TP from the CI file name when alone', () => {
    expect(only(parseFixture('latency/latency_llama8B_tp1.json'))).toMatchObject({
      suite: 'latency',
      testName: 'latency_llama8B_tp1',
      model: 'llama8B',
      tp: 1,
      gpu: null,
      qps: null,
    });
  });

  it('takes the model id, TP and GPU from its .commands file', () => {
    const outcomes = parseFixtures([
      'latency/latency_llama8B_tp1.commands',
      'latency/latency_llama8B_tp1.json',
    ]);
    expect([...outcomes.keys()]).toEqual(['latency_llama8B_tp1.json']);
    const parsed = parsedOrFail(outcomes.get('latency_llama8B_tp1.json') ?? parseResultsText(''));
    expect(only(parsed)).toMatchObject({
      testName: 'latency_llama8B_tp1',
      model: 'meta-llama/Llama-3.1-8B-Instruct',
      tp: 1,
      gpu: { type: 'H100', count: 8 },
    });
    expect(Object.keys(parsed.meta?.commands ?? {})).toEqual(['latency_command']);
  });

  it('reads an older file without std_latency, named by its user', () => {
    // Five iterations: 2.5399, 2.5403, 2.5410, 2.5412, 2.5415 s (sorted); mean 2.54078 s.
    const parsed = parseFixture('latency/llama70b-tp4-latency.json');
    expect(only(parsed).testName).toBe('llama70b-tp4-latency');
    expectCloseMetrics(only(parsed).metrics, {
      latency_mean: 2540.78,
      latency_median: 2541,
      latency_p10: 2540.06,
      latency_p25: 2540.3,
      latency_p75: 2541.2,
      latency_p90: 2541.38,
      latency_p99: 2541.488,
    });
  });

  it('computes the usual percentiles from the latencies when the file has none', () => {
    // numpy's linear percentiles of 1, 2, 3, 4 s: P10 1.3, P25 1.75, P50 2.5, P75 3.25, P90 3.7, P99 3.97.
    const text = JSON.stringify({ avg_latency: 2.5, latencies: [4, 1, 3, 2] });
    expectCloseMetrics(only(parsedOrFail(parseResultsText(text))).metrics, {
      latency_mean: 2500,
      latency_median: 2500,
      latency_p10: 1300,
      latency_p25: 1750,
      latency_p75: 3250,
      latency_p90: 3700,
      latency_p99: 3970,
    });
  });

  it('names an unnamed result after its suite, and reads a NaN average as missing', () => {
    const text = '{"avg_latency": NaN, "percentiles": {"50": 1.5, "99.9": 2.0}}';
    const result = only(parsedOrFail(parseResultsText(text)));
    expect(result.testName).toBe('latency');
    expect(result.metrics).toEqual({
      latency_mean: null,
      latency_median: 1500,
      'latency_p99.9': 2000,
    });
  });
});

describe('vllm bench throughput JSON', () => {
  // 200 requests at 21.620062820024827 req/s (the seed's 8×H100 throughput_llama8B_tp1): 9.2507 s.
  const metrics = {
    request_throughput: 21.620062820024827,
    token_throughput: 9348.731364006935,
    elapsed_time: 9.25066692288965,
    num_requests: 200,
    total_tokens: 86482,
  };

  it('maps requests_per_second, tokens_per_second, elapsed_time, num_requests, total_num_tokens', () => {
    const parsed = parseFixture('throughput/throughput_llama8B_tp1.json');
    expect(parsed.format).toEqual({
      id: 'vllm-throughput-json',
      label: 'vllm bench throughput JSON',
    });
    expect(only(parsed).metrics).toEqual(metrics);
    expect(only(parsed)).toMatchObject({
      testName: 'throughput_llama8B_tp1',
      model: 'llama8B',
      tp: 1,
    });
  });

  it('takes `-tp`, the model and the dataset from its .commands file', () => {
    const outcomes = parseFixtures([
      'throughput/throughput_llama8B_tp1.json',
      'throughput/throughput_llama8B_tp1.commands',
    ]);
    const parsed = parsedOrFail(
      outcomes.get('throughput_llama8B_tp1.json') ?? parseResultsText(''),
    );
    expect(only(parsed)).toMatchObject({
      model: 'meta-llama/Llama-3.1-8B-Instruct',
      tp: 1,
      dataset: 'sharegpt',
      gpu: { type: 'H100', count: 8 },
      metrics,
    });
  });

  it('keeps numbers it does not know as x: extras', () => {
    const text = JSON.stringify({
      requests_per_second: 2,
      tokens_per_second: 900,
      total_num_output_tokens: 250,
    });
    expect(only(parsedOrFail(parseResultsText(text))).metrics).toEqual({
      request_throughput: 2,
      token_throughput: 900,
      'x:total_num_output_tokens': 250,
    });
  });
});
