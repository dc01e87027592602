// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { parseResultsText } from '../../../src/data/formats/parse-results';
import { only, parseFixture, parsedOrFail, serveText } from './fixtures';

/**
 * What the serve reader repairs: mean and median E2E latency swapped by late-2024 versions of the
 * serving benchmark, and the zeros of a run where no request completed. Expected values are
 * worked out by hand from the fields written here.
 */

describe('vllm bench serve JSON: mean and median E2E latency swapped (late 2024)', () => {
  it('swaps them back in a November 2024 file, saying so', () => {
    const parsed = parseFixture(
      'serve/vllm-4.0qps-Meta-Llama-3.1-8B-Instruct-20241105-140312.json',
    );
    const result = only(parsed);
    expect(result.testName).toBe('serving_Meta-Llama-3.1-8B-Instruct_qps_4');
    expect(result.metrics.e2el_mean).toBe(1742.3106848076172);
    expect(result.metrics.e2el_median).toBe(1468.9547010315582);
    expect(result.metrics.e2el_std).toBe(1519.5830271062457);
    expect(result.metrics.e2el_p99).toBe(7102.841557343503);
    expect(parsed.warnings).toEqual([
      'serving_Meta-Llama-3.1-8B-Instruct_qps_4: mean and median E2E latency were swapped in this file (a bug of vLLM’s serving benchmark in late 2024); they were put back.',
    ]);
  });

  it('tells a later file written by an old install by its P50, which equals the recorded mean', () => {
    const parsed = parseFixture(
      'serve/openai-chat-16.0qps-Meta-Llama-3.1-8B-Instruct-20250203-091140.json',
    );
    expect(only(parsed).metrics).toMatchObject({
      e2el_mean: 1915.1437412290766,
      e2el_median: 1644.6051205950976,
      e2el_p50: 1644.6051205950976,
    });
    expect(parsed.warnings).toHaveLength(1);
  });

  it('trusts a P50 that equals the recorded median over the date', () => {
    const text = serveText({
      date: '20241201-080000',
      mean_e2el_ms: 1900,
      median_e2el_ms: 1600,
      p50_e2el_ms: 1600,
    });
    const parsed = parsedOrFail(parseResultsText(text));
    expect(only(parsed).metrics).toMatchObject({ e2el_mean: 1900, e2el_median: 1600 });
    expect(parsed.warnings).toEqual([]);
  });

  it('tells the swap by the kept latencies, whatever the date', () => {
    // Latencies 6, 1, 2 s in request order: mean 3000 ms, median 2000 ms (the middle of 1, 2,
    // 6 once sorted, not the 1 in the middle of the file); the file has them the other way.
    const text = serveText({
      date: '20250601-120000',
      completed: 3,
      latencies: [6, 1, 2],
      mean_e2el_ms: 2000,
      median_e2el_ms: 3000,
    });
    const parsed = parsedOrFail(parseResultsText(text));
    expect(only(parsed).metrics).toMatchObject({ e2el_mean: 3000, e2el_median: 2000 });
    expect(parsed.warnings[0]).toContain('swapped');
  });

  it('changes nothing in a late-2024 file without E2E latency', () => {
    const parsed = parseFixture('serve/serving_llama8B_tp1_sharegpt_qps_inf.json');
    expect(parsed.warnings).toEqual([]);
  });

  it('trusts kept latencies that confirm the file over a late-2024 date', () => {
    // Latencies 6, 1, 2 s: mean 3000 ms and median 2000 ms, as the file has them.
    const text = serveText({
      date: '20241201-080000',
      completed: 3,
      latencies: [6, 1, 2],
      mean_e2el_ms: 3000,
      median_e2el_ms: 2000,
    });
    const parsed = parsedOrFail(parseResultsText(text));
    expect(only(parsed).metrics).toMatchObject({ e2el_mean: 3000, e2el_median: 2000 });
    expect(parsed.warnings).toEqual([]);
  });

  it('leaves it to the date when the kept latencies confirm neither order', () => {
    // Latencies 6, 1, 2 s: mean 3000 ms, median 2000 ms. A recorded median of 2500 ms is
    // neither, so the latencies settle nothing.
    const latencies = { completed: 3, latencies: [6, 1, 2], median_e2el_ms: 2500 };
    const in2025 = parsedOrFail(
      parseResultsText(serveText({ ...latencies, date: '20250601-120000', mean_e2el_ms: 2000 })),
    );
    expect(only(in2025).metrics).toMatchObject({ e2el_mean: 2000, e2el_median: 2500 });
    expect(in2025.warnings).toEqual([]);
    const in2024 = parsedOrFail(
      parseResultsText(serveText({ ...latencies, date: '20241201-080000', mean_e2el_ms: 3000 })),
    );
    expect(only(in2024).metrics).toMatchObject({ e2el_mean: 2500, e2el_median: 3000 });
    expect(in2024.warnings).toHaveLength(1);
  });

  it('does not use latencies that are not one per completed request', () => {
    // 3 completed, 1 failed, its 0 kept among the latencies: over all four, 0, 1, 2, 6 s, the
    // mean is 2250 ms and the median 1500 ms, the file's values the other way; over the
    // completed three they are not, so the 2025 date decides: no swap.
    const text = serveText({
      completed: 3,
      failed: 1,
      latencies: [6, 1, 2, 0],
      mean_e2el_ms: 1500,
      median_e2el_ms: 2250,
    });
    const parsed = parsedOrFail(parseResultsText(text));
    expect(only(parsed).metrics).toMatchObject({ e2el_mean: 1500, e2el_median: 2250 });
    expect(parsed.warnings).toEqual([]);
  });

  it('leaves it to the date when the P50 equals neither the mean nor the median', () => {
    const text = serveText({ mean_e2el_ms: 1900, median_e2el_ms: 1600, p50_e2el_ms: 1700 });
    const parsed = parsedOrFail(parseResultsText(text));
    expect(only(parsed).metrics).toMatchObject({ e2el_mean: 1900, e2el_median: 1600 });
    expect(parsed.warnings).toEqual([]);
  });

  it('swaps nothing in a file written before the bug (August 2024)', () => {
    const text = serveText({ date: '20240801-090000', mean_e2el_ms: 1900, median_e2el_ms: 1600 });
    const parsed = parsedOrFail(parseResultsText(text));
    expect(only(parsed).metrics).toMatchObject({ e2el_mean: 1900, e2el_median: 1600 });
    expect(parsed.warnings).toEqual([]);
  });

  it('swaps nothing in a late-2024 file whose mean and median are equal', () => {
    const text = serveText({ date: '20241201-080000', mean_e2el_ms: 1600, median_e2el_ms: 1600 });
    expect(parsedOrFail(parseResultsText(text)).warnings).toEqual([]);
  });

  it('swaps nothing in a late-2024 file whose mean or median E2E latency is missing', () => {
    const late = { date: '20241201-080000' };
    const noMean = parsedOrFail(
      parseResultsText(serveText({ ...late, mean_e2el_ms: null, median_e2el_ms: 1600 })),
    );
    expect(only(noMean).metrics).toMatchObject({ e2el_mean: null, e2el_median: 1600 });
    expect(noMean.warnings).toEqual([]);
    const noMedian = parsedOrFail(
      parseResultsText(serveText({ ...late, mean_e2el_ms: 1900, median_e2el_ms: null })),
    );
    expect(only(noMedian).metrics).toMatchObject({ e2el_mean: 1900, e2el_median: null });
    expect(noMedian.warnings).toEqual([]);
  });
});

describe('a run where every request failed', () => {
  // What vllm bench serve writes when the server answered no request: zeros everywhere.
  const allFailed = JSON.stringify({
    date: '20250301-101500',
    backend: 'vllm',
    model_id: 'meta-llama/Llama-3.1-8B-Instruct',
    request_rate: 4.0,
    duration: 12.5,
    completed: 0,
    failed: 8,
    total_input_tokens: 0,
    total_output_tokens: 0,
    request_throughput: 0,
    output_throughput: 0,
    total_token_throughput: 0,
    mean_ttft_ms: 0,
    median_ttft_ms: 0,
    p99_ttft_ms: 0,
    mean_tpot_ms: 0,
    mean_itl_ms: 0,
    median_itl_ms: 0,
    some_counter: 0,
  });

  it('shows the run as failed (0 completed, 8 failed), its throughput and latencies missing, not 0', () => {
    const parsed = parsedOrFail(parseResultsText(allFailed, 'failed-run.json'));
    const { metrics } = only(parsed);
    expect(metrics.num_requests).toBe(0);
    expect(metrics.failed_requests).toBe(8);
    expect(metrics.elapsed_time).toBe(12.5);
    for (const key of [
      'request_throughput',
      'output_throughput',
      'total_token_throughput',
      'total_input_tokens',
      'total_output_tokens',
      'ttft_mean',
      'ttft_median',
      'ttft_p99',
      'tpot_mean',
      'itl_mean',
      'itl_median',
    ]) {
      expect(metrics[key], key).toBeNull();
    }
    // A field the dashboard does not know is kept as written.
    expect(metrics['x:some_counter']).toBe(0);
    expect(parsed.warnings.some((w) => w.includes('no request completed (8 failed)'))).toBe(true);
  });

  it('leaves a run with completed requests as it is', () => {
    const one = JSON.parse(allFailed) as Record<string, unknown>;
    const parsed = parsedOrFail(
      parseResultsText(
        JSON.stringify({ ...one, completed: 1, request_throughput: 0.08 }),
        'x.json',
      ),
    );
    expect(only(parsed).metrics.request_throughput).toBe(0.08);
    expect(only(parsed).metrics.ttft_mean).toBe(0);
    expect(parsed.warnings.some((w) => w.includes('no request completed'))).toBe(false);
  });

  it('says the run failed without a count when the file has none', () => {
    const withoutCount = JSON.parse(allFailed) as Record<string, unknown>;
    delete withoutCount.failed;
    for (const fields of [withoutCount, { ...withoutCount, failed: null }]) {
      const parsed = parsedOrFail(parseResultsText(JSON.stringify(fields), 'failed-run.json'));
      expect(parsed.warnings).toEqual([
        'serving_Llama-3.1-8B-Instruct_qps_4: no request completed: a failed run, its throughput and latencies shown as missing, not 0.',
      ]);
    }
  });
});
