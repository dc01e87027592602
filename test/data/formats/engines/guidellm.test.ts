// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { parseResultsText } from '../../../../src/data/formats/parse-results';
import { fixture, parseFixture, refusedOrFail } from '../fixtures';
import { expectMetrics } from './expect-metrics';

const STATS = ['mean', 'median', 'std', 'p90', 'p95', 'p99', 'p99.9'] as const;
const EXTRA_STATS = ['mean', 'median', 'std', 'P90', 'P95', 'P99', 'P99.9'] as const;

/** Hand-written values of one distribution, in the order of STATS, under its keys. */
function distribution(quantity: string, values: readonly number[]): Record<string, number> {
  return Object.fromEntries(
    STATS.map((stat, index) => [`${quantity}_${stat}`, values[index] ?? NaN]),
  );
}

/** GuideLLM's TPOT that includes the first token, kept as an extra of its own. */
function tpotWithFirst(values: readonly number[]): Record<string, number> {
  return Object.fromEntries(
    EXTRA_STATS.map((stat, index) => [
      `x:TPOT incl. first token ${stat} (ms)`,
      values[index] ?? NaN,
    ]),
  );
}

describe('GuideLLM reports', () => {
  it('reads a v0.7 YAML report: one result per rate, request_latency seconds → ms', () => {
    const parsed = parseFixture('guidellm/benchmarks-v0.7.yaml');
    expect(parsed.format).toEqual({ id: 'guidellm', label: 'GuideLLM benchmarks report' });
    expect(parsed.warnings).toEqual([]);
    expect(parsed.meta?.date).toBe('2024-12-05T09:13:20'); // unix 1733390000 in UTC
    const [synchronous, constant] = parsed.results;
    expect(parsed.results).toHaveLength(2);
    expect(synchronous?.testName).toBe('serving_Qwen3-8B_qps_inf_concurrency_1');
    expect([synchronous?.qps, synchronous?.concurrency]).toEqual([Infinity, 1]);
    expect([synchronous?.inputLen, synchronous?.outputLen]).toEqual([512, 128]);
    expect(synchronous?.engine).toBeNull();
    expect(synchronous?.attributes).toEqual({ strategy: 'synchronous' });
    expectMetrics(synchronous?.metrics ?? {}, {
      ...distribution('ttft', [45.5, 44.0, 3.2, 50.1, 52.3, 58.7, 60.2]),
      ...distribution('itl', [7.8, 7.7, 0.4, 8.3, 8.5, 9.0, 9.4]),
      ...tpotWithFirst([8.1, 8.0, 0.4, 8.6, 8.8, 9.3, 9.6]),
      // 1.0346 s × 1000 = 1034.6 ms; 1.03 → 1030; 0.05 → 50; 1.1 → 1100; 1.12 → 1120; 1.2 → 1200; 1.25 → 1250
      ...distribution('e2el', [1034.6, 1030, 50, 1100, 1120, 1200, 1250]),
      request_throughput: 0.8,
      output_throughput: 102.4,
      total_token_throughput: 512.0,
      num_requests: 48,
      failed_requests: 0,
      elapsed_time: 60,
    });
    // strategy constant at 5 req/s, no concurrency cap.
    expect(constant?.testName).toBe('serving_Qwen3-8B_qps_5');
    expect([constant?.qps, constant?.concurrency]).toEqual([5, null]);
    expectMetrics(constant?.metrics ?? {}, {
      ...distribution('ttft', [60.2, 58.1, 8.8, 72.4, 80.0, 95.5, 101.0]),
      ...distribution('itl', [9.6, 9.5, 0.7, 10.4, 10.8, 11.9, 12.6]),
      ...tpotWithFirst([10.0, 9.9, 0.7, 10.8, 11.2, 12.3, 13.0]),
      // 1.2801 s → 1280.1 ms; 1.27 → 1270; 0.09 → 90; 1.4 → 1400; 1.45 → 1450; 1.6 → 1600; 1.7 → 1700
      ...distribution('e2el', [1280.1, 1270, 90, 1400, 1450, 1600, 1700]),
      request_throughput: 4.9,
      output_throughput: 627.2,
      total_token_throughput: 3136.0,
      num_requests: 294,
      failed_requests: 2,
      elapsed_time: 60,
    });
    const sources = parsed.meta?.sources ?? {};
    expect(sources.e2el_median).toBe('metrics.request_latency.successful.median × 1000 (s → ms)');
    expect(sources['ttft_p99.9']).toBe(
      'metrics.time_to_first_token_ms.successful.percentiles.p999',
    );
    expect(sources['x:TPOT incl. first token mean (ms)']).toBe(
      'metrics.time_per_output_token_ms.successful.mean (includes the first token: not vLLM’s TPOT)',
    );
  });

  it('reads a v0.5 JSON report: model from top-level args, a concurrent strategy as a cap of 8', () => {
    const parsed = parseFixture('guidellm/benchmarks-v0.5.json');
    expect(parsed.meta?.date).toBe('2025-04-30T08:00:00'); // unix 1746000000
    const [result] = parsed.results;
    expect(result?.testName).toBe('serving_Llama-3.1-8B-Instruct_qps_inf_concurrency_8');
    expect([result?.inputLen, result?.outputLen]).toEqual([256, 128]);
    expectMetrics(result?.metrics ?? {}, {
      ...distribution('ttft', [120, 110, 30, 160, 180, 240, 260]),
      ...distribution('itl', [9.0, 8.9, 0.6, 9.8, 10.1, 11.0, 11.6]),
      ...tpotWithFirst([9.8, 9.7, 0.6, 10.6, 10.9, 11.8, 12.4]),
      ...distribution('e2el', [1280, 1270, 100, 1410, 1460, 1580, 1660]), // s × 1000
      request_throughput: 6.25,
      output_throughput: 800,
      total_token_throughput: 2400,
      num_requests: 375,
      failed_requests: 0,
      elapsed_time: 60,
    });
  });

  it('reads a v0.3 JSON report: strategy under args, model from the worker, totals beside metrics', () => {
    const parsed = parseFixture('guidellm/benchmarks-v0.3.json');
    expect(parsed.meta?.date).toBe('2025-04-01T09:33:20'); // benchmarks[0].start_time 1743500000
    const [result] = parsed.results;
    expect(result?.model).toBe('mistralai/Mistral-7B-Instruct-v0.3');
    expect(result?.testName).toBe('serving_Mistral-7B-Instruct-v0.3_qps_2');
    expect(result?.attributes).toEqual({ strategy: 'poisson' });
    expectMetrics(result?.metrics ?? {}, {
      ...distribution('ttft', [88.4, 85.0, 12.1, 104.2, 110.7, 131.9, 140.3]),
      ...distribution('itl', [11.2, 11.1, 0.8, 12.2, 12.6, 13.8, 14.4]),
      ...tpotWithFirst([11.5, 11.4, 0.8, 12.5, 12.9, 14.1, 14.7]),
      // 2.9443 s → 2944.3 ms; 2.93 → 2930; 0.21 → 210; 3.21 → 3210; 3.3 → 3300; 3.52 → 3520; 3.6 → 3600
      ...distribution('e2el', [2944.3, 2930, 210, 3210, 3300, 3520, 3600]),
      request_throughput: 1.97,
      output_throughput: 504.3,
      total_token_throughput: 2521.6,
      num_requests: 118,
      failed_requests: 1,
    });
  });

  it('treats a distribution of count 0 as missing, not as zeros', () => {
    const report = JSON.parse(fixture('guidellm/benchmarks-v0.5.json')) as {
      benchmarks: { metrics: Record<string, { successful: { count: number } }> }[];
    };
    const itl = report.benchmarks[0]?.metrics.inter_token_latency_ms;
    if (itl !== undefined) itl.successful.count = 0;
    const outcome = parseResultsText(JSON.stringify(report), 'benchmarks.json');
    if (!outcome.ok) throw new Error(outcome.error.message);
    expect(outcome.value.results[0]?.metrics.itl_mean).toBeUndefined();
    expect(outcome.value.results[0]?.metrics.ttft_mean).toBe(120);
  });

  it('says what it recognised when no benchmark holds a metric', () => {
    const text = JSON.stringify({ benchmarks: [{ type_: 'generative_benchmark', metrics: {} }] });
    const error = refusedOrFail(parseResultsText(text, 'benchmarks.json'));
    expect(error.kind).toBe('no-rows');
    expect(error.message).toContain('GuideLLM report without any generative benchmark');
  });

  it('reads the load of each strategy GuideLLM runs', () => {
    type Report = { benchmarks: { config: { strategy: Record<string, unknown> } }[] };
    const loadOf = (strategy: Record<string, unknown>) => {
      const report = JSON.parse(fixture('guidellm/benchmarks-v0.5.json')) as Report;
      const [first] = report.benchmarks;
      if (first === undefined) throw new Error('no benchmark');
      first.config.strategy = strategy;
      const outcome = parseResultsText(JSON.stringify(report), 'benchmarks.json');
      if (!outcome.ok) throw new Error(outcome.error.message);
      const [result] = outcome.value.results;
      return [result?.qps, result?.concurrency, result?.attributes.strategy];
    };
    expect(loadOf({ type_: 'synchronous' })).toEqual([Infinity, 1, 'synchronous']);
    expect(loadOf({ type_: 'concurrent', streams: 16 })).toEqual([Infinity, 16, 'concurrent']);
    // All at once, capped or not.
    expect(loadOf({ type_: 'throughput', max_concurrency: 64 })).toEqual([
      Infinity,
      64,
      'throughput',
    ]);
    expect(loadOf({ type_: 'throughput' })).toEqual([Infinity, null, 'throughput']);
    expect(loadOf({ type_: 'constant', rate: 4 })).toEqual([4, null, 'constant']);
    expect(loadOf({ type_: 'poisson', rate: 2, max_concurrency: 8 })).toEqual([2, 8, 'poisson']);
    // A trace replays its own timing: no load to state.
    expect(loadOf({ type_: 'trace' })).toEqual([null, null, 'trace']);
  });

  it('skips a benchmark without a metric, naming it by its place, and reads the others', () => {
    const report = JSON.parse(fixture('guidellm/benchmarks-v0.5.json')) as {
      benchmarks: Record<string, unknown>[];
    };
    const [first] = report.benchmarks;
    if (first === undefined) throw new Error('no benchmark');
    report.benchmarks = [{ ...first, metrics: {}, duration: undefined }, first];
    const outcome = parseResultsText(JSON.stringify(report), 'benchmarks.json');
    if (!outcome.ok) throw new Error(outcome.error.message);
    expect(outcome.value.results).toHaveLength(1);
    expect(outcome.value.warnings).toEqual([
      'Benchmark 1 holds no latency or throughput; it was skipped.',
    ]);
  });

  it('says what a generative report lacks, and what it expected', () => {
    const text = JSON.stringify({ benchmarks: [{ type_: 'generative_benchmark', metrics: {} }] });
    const error = refusedOrFail(parseResultsText(text, 'benchmarks.json'));
    expect(error.hint).toBe(
      'Expected benchmarks[].metrics.{requests_per_second, time_to_first_token_ms, …}.successful.',
    );
  });
});
