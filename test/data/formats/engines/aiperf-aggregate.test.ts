// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { parseResultsText } from '../../../../src/data/formats/parse-results';
import type { ParsedResults } from '../../../../src/data/results/result-model';
import { fixture, only, parseFixture, parsedOrFail, refusedOrFail } from '../fixtures';
import { expectMetrics } from './expect-metrics';

const FIXTURE = 'aiperf/profile_export_aiperf_aggregate.json';
const NAME = 'profile_export_aiperf_aggregate.json';

function parsedOf(value: unknown): ParsedResults {
  return parsedOrFail(parseResultsText(JSON.stringify(value), NAME));
}

/** The fixture as a value, to change before it is read again. */
function fixtureValue(): {
  metadata: Record<string, unknown>;
  metrics: Record<string, Record<string, unknown>>;
} {
  return JSON.parse(fixture(FIXTURE)) as ReturnType<typeof fixtureValue>;
}

describe('AIPerf multi-run aggregate JSON', () => {
  it("reads each metric's mean over the runs, mapped as a one-run export is", () => {
    const parsed = parseFixture(FIXTURE);
    expect(parsed.format).toEqual({
      id: 'aiperf-aggregate',
      label: 'AIPerf multi-run aggregate JSON (means over 3 runs)',
    });
    // num_profile_runs 4, num_successful_runs 3.
    expect(parsed.warnings).toEqual([
      '1 of 4 runs failed: each value is the mean over the 3 that succeeded.',
    ]);
    const result = only(parsed);
    expect(result.suite).toBe('serving');
    expect(result.engine).toBeNull();
    // The aggregate names no model, load or GPU; metadata.dataset.loader names the dataset.
    expect([result.model, result.qps, result.concurrency, result.gpu]).toEqual([
      '',
      null,
      null,
      null,
    ]);
    expect(result.dataset).toBe('sharegpt');
    expect(result.testName).toBe('serving_sharegpt');
    // input_sequence_length_avg.mean 1023.7 → 1024 tokens; output_sequence_length_avg.mean 256.
    expect([result.inputLen, result.outputLen]).toEqual([1024, 256]);
    expect(parsed.meta?.date).toBeUndefined();
    expectMetrics(result.metrics, {
      // time_to_first_token_avg over the runs 150, 152, 157 ms: 459 ÷ 3 = 153
      ttft_mean: 153,
      ttft_median: 141, // p50s 138, 140, 145: 423 ÷ 3
      ttft_std: 71, // each run's std 70, 71, 72, averaged
      ttft_p90: 241, // (238 + 240 + 245) ÷ 3
      ttft_p95: 282, // (280 + 281 + 285) ÷ 3
      ttft_p99: 404, // (400 + 402 + 410) ÷ 3
      // (time_to_first_token_min is a statistic the dashboard does not keep.)
      tpot_mean: 9.2, // inter_token_latency: (9.1 + 9.2 + 9.3) ÷ 3
      tpot_median: 9.05,
      tpot_p99: 12.1,
      itl_mean: 9.1, // inter_chunk_latency
      itl_median: 8.8,
      e2el_mean: 2480, // request_latency
      e2el_median: 2460,
      e2el_p99: 3310,
      request_throughput: 12.5, // (12.1 + 12.5 + 12.9) ÷ 3
      output_throughput: 3200,
      'x:Output throughput per user mean (tok/s)': 108,
      num_requests: 1500,
      failed_requests: 3, // error counts 2, 3, 4 averaged
      total_input_tokens: 1535550,
      total_output_tokens: 384000,
      elapsed_time: 120, // benchmark_duration in sec
      // 12.5 ∓ t(0.975, 2) × std ÷ √3 = 12.5 ∓ 4.3027 × 0.4 ÷ 1.7321 = 12.5 ∓ 0.99366
      'x:Request throughput CI low (req/s)': 11.5063449153,
      'x:Request throughput CI high (req/s)': 13.4936550847,
      // 3200 ∓ 4.3027 × 100 ÷ 1.7321 = 3200 ∓ 248.41
      'x:Output throughput CI low (tok/s)': 2951.5862288156,
      'x:Output throughput CI high (tok/s)': 3448.4137711844,
      // 141 ∓ 4.3027 × 3.6056 ÷ 1.7321 = 141 ∓ 8.9567
      'x:Median TTFT CI low (ms)': 132.0433141046,
      'x:Median TTFT CI high (ms)': 149.9566858954,
      // 9.05 ∓ 4.3027 × 0.05 ÷ 1.7321 = 9.05 ∓ 0.12421
      'x:Median TPOT CI low (ms)': 8.9257931144,
      'x:Median TPOT CI high (ms)': 9.1742068856,
    });
  });

  it('says where each value was read and that it is a mean over the runs', () => {
    const sources = parseFixture(FIXTURE).meta?.sources ?? {};
    expect(sources.ttft_median).toBe('metrics.time_to_first_token_p50.mean (mean over 3 runs)');
    expect(sources.tpot_mean).toBe(
      'metrics.inter_token_latency_avg.mean (per request (E2E − TTFT) ÷ (OSL − 1): TPOT) (mean over 3 runs)',
    );
    expect(sources.itl_median).toBe(
      'metrics.inter_chunk_latency_p50.mean (gaps between streamed chunks: ITL) (mean over 3 runs)',
    );
    expect(sources.elapsed_time).toBe('metrics.benchmark_duration_avg.mean (mean over 3 runs)');
    expect(sources['x:Median TTFT CI high (ms)']).toBe(
      'metrics.time_to_first_token_p50.ci_high (95% confidence interval of the mean over 3 runs)',
    );
  });

  it('converts a latency in seconds, and leaves out one in an unknown unit, saying so', () => {
    const value = fixtureValue();
    value.metrics.time_to_first_token_p50 = {
      ...value.metrics.time_to_first_token_p50,
      unit: 's',
      mean: 0.141,
      ci_low: 0.132,
      ci_high: 0.15,
    };
    value.metrics.inter_chunk_latency_avg = { mean: 9.1, unit: 'furlongs' };
    const parsed = parsedOf(value);
    const metrics = only(parsed).metrics;
    expect(metrics.ttft_median).toBeCloseTo(141, 9); // 0.141 s × 1000
    expect(metrics['x:Median TTFT CI low (ms)']).toBeCloseTo(132, 9); // 0.132 s × 1000
    expect(parsed.meta?.sources?.ttft_median).toBe(
      'metrics.time_to_first_token_p50.mean × 1000 (s → ms) (mean over 3 runs)',
    );
    expect(metrics.itl_mean).toBeUndefined();
    expect(metrics.itl_median).toBeCloseTo(8.8, 9);
    expect(parsed.warnings).toContain(
      'metrics.inter_chunk_latency_avg is in "furlongs", not a unit it can be: it was left out.',
    );
  });

  it('keeps no interval when one run succeeded, and says the values are that run’s', () => {
    const value = fixtureValue();
    value.metadata.num_successful_runs = 1;
    // One run: AIPerf writes the CI collapsed to the mean and t_critical NaN, scrubbed to null.
    for (const summary of Object.values(value.metrics)) summary.t_critical = null;
    const parsed = parsedOf(value);
    expect(parsed.format.label).toBe('AIPerf multi-run aggregate JSON (means over 1 run)');
    expect(parsed.warnings).toEqual([
      "Only 1 of 4 runs succeeded: each value is that run's own, without a confidence interval.",
    ]);
    const keys = Object.keys(only(parsed).metrics);
    expect(keys.filter((key) => key.includes(' CI '))).toEqual([]);
    expect(keys).toContain('ttft_median');
  });

  it('says nothing of failed runs when all succeeded, and over how many runs when unstated', () => {
    const value = fixtureValue();
    value.metadata.num_successful_runs = 4;
    const all = parsedOf(value);
    expect(all.warnings).toEqual([]);
    expect(all.format.label).toBe('AIPerf multi-run aggregate JSON (means over 4 runs)');
    // More succeeded than made (a damaged file): nothing failed, nothing said.
    value.metadata.num_successful_runs = 5;
    expect(parsedOf(value).warnings).toEqual([]);
    // Neither count stated: no count in the label, the sources say "the runs".
    delete value.metadata.num_successful_runs;
    delete value.metadata.num_profile_runs;
    delete value.metadata.confidence_level;
    const unstated = parsedOf(value);
    expect(unstated.format.label).toBe('AIPerf multi-run aggregate JSON');
    expect(unstated.warnings).toEqual([]);
    expect(unstated.meta?.sources?.ttft_median).toBe(
      'metrics.time_to_first_token_p50.mean (mean over the runs)',
    );
    // No confidence level stated: the interval is named without one.
    expect(unstated.meta?.sources?.['x:Median TTFT CI low (ms)']).toBe(
      'metrics.time_to_first_token_p50.ci_low (confidence interval of the mean over the runs)',
    );
  });

  it('warns of failed runs only when both counts are stated', () => {
    const value = fixtureValue();
    delete value.metadata.num_successful_runs;
    expect(parsedOf(value).warnings).toEqual([]);
  });

  it('names the confidence level only when it is a fraction between 0 and 1', () => {
    const value = fixtureValue();
    const sourceAt = (level: unknown): string | undefined => {
      value.metadata.confidence_level = level;
      return parsedOf(value).meta?.sources?.['x:Median TTFT CI low (ms)'];
    };
    expect(sourceAt(0.9)).toBe(
      'metrics.time_to_first_token_p50.ci_low (90% confidence interval of the mean over 3 runs)',
    );
    for (const level of [0, 1, 95, null]) {
      expect(sourceAt(level), String(level)).toBe(
        'metrics.time_to_first_token_p50.ci_low (confidence interval of the mean over 3 runs)',
      );
    }
  });

  it('words the one-run warning by what the file states of the runs made', () => {
    const value = fixtureValue();
    value.metadata.num_successful_runs = 1;
    value.metadata.num_profile_runs = 1;
    expect(parsedOf(value).warnings).toEqual([
      "Only 1 run succeeded: each value is that run's own, without a confidence interval.",
    ]);
    delete value.metadata.num_profile_runs;
    expect(parsedOf(value).warnings).toEqual([
      "Only 1 run succeeded: each value is that run's own, without a confidence interval.",
    ]);
  });

  it('names a unit it cannot read as written, and an absent one as empty', () => {
    const value = fixtureValue();
    value.metrics.inter_chunk_latency_avg = { mean: 9.1 };
    expect(parsedOf(value).warnings).toContain(
      'metrics.inter_chunk_latency_avg is in "", not a unit it can be: it was left out.',
    );
  });

  it('is known by its metrics and its confidence aggregation, nothing less', () => {
    const value = fixtureValue();
    const formatOf = (changed: unknown): string => {
      const outcome = parseResultsText(JSON.stringify(changed), NAME);
      return outcome.ok ? outcome.value.format.id : outcome.error.kind;
    };
    expect(formatOf(value)).toBe('aiperf-aggregate');
    // Without either, or with another aggregation, no reader knows the file.
    for (const other of [
      { ...value, metadata: { ...value.metadata, aggregation_type: 'mean' } },
      { metrics: value.metrics },
      { metadata: value.metadata },
      { metadata: value.metadata, metrics: [] },
    ]) {
      expect(formatOf(other)).toBe('not-results');
    }
  });

  it('says what it recognised when the aggregate holds no latency or throughput', () => {
    const text = JSON.stringify({
      schema_version: '1.0',
      metadata: { aggregation_type: 'confidence', num_profile_runs: 3, num_successful_runs: 3 },
      metrics: {
        request_count_avg: { mean: 10, unit: 'requests' },
        request_throughput_avg: { mean: 1, unit: 'parsecs' },
      },
    });
    const error = refusedOrFail(parseResultsText(text, NAME));
    expect(error.kind).toBe('no-rows');
    expect(error.message).toBe(
      'This is an AIPerf multi-run aggregate without any latency or throughput metric.',
    );
    expect(error.hint).toContain('metrics.time_to_first_token_avg');
  });

  it('leaves a one-run export to the one-run reader', () => {
    expect(parseFixture('aiperf/profile_export_aiperf.json').format.id).toBe('aiperf');
  });
});
